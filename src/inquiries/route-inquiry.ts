/**
 * Routing and 首问负责: the clerk routes a new message to an office (the suggestion from the citizen's choice or
 * the rules prefilled); from then on that office is responsible. It may ask another office to take the message
 * over, but stays responsible until the receiving office's head accepts; a declined transfer goes back with the
 * reason.
 */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { InvalidStateError, parseInput, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { listOffices } from '../org/org.queries.ts';
import { DecideTransferInput, RouteInput, TransferInput } from './inquiry.schema.ts';
import { inquiryStep, actorName, formVersion } from './inquiry-step.ts';
import { handlersOf, headsOf, officeNames, pendingTransfer } from './inquiries.queries.ts';

async function officeName(db: DbOrTrx, agencyId: number, officeId: number): Promise<string> {
  const o = (await listOffices(db, agencyId)).find((x) => x.id === officeId);
  if (!o) throw new ValidationError('请选择本机关的站办所', { officeId: '单位不存在' });
  return o.name;
}

/** The clerk routes a message to its responsible office. */
export async function routeInquiry(ctx: Ctx, id: number, raw: unknown) {
  const { officeId } = parseInput(RouteInput, raw);
  return inquiryStep(ctx, id, {
    expectedVersion: formVersion(raw),
    policy: 'manage',
    audit: 'inquiry.routed',
    from: ['pending_routing'],
    stateMessage: '该留言已经分办',
    async run({ trx, inquiry }) {
      const name = await officeName(trx, inquiry.agencyId, officeId);
      return {
        patch: { office_id: officeId, status: 'in_progress', needs_screening: 0 },
        event: { kind: 'routed', forCitizen: true, note: `承办单位：${name}` },
        notify: {
          users: await handlersOf(trx, inquiry.agencyId, officeId),
          title: `留言${inquiry.reference}已分办到${name}，请在${inquiry.dueOn}前答复`,
        },
        audit: { after: { officeId } },
      };
    },
  });
}

/** The responsible office asks another office to take the message over (it stays responsible meanwhile). */
export async function requestTransfer(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(TransferInput, raw);
  return inquiryStep(ctx, id, {
    expectedVersion: formVersion(raw),
    policy: 'handle',
    audit: 'inquiry.transfer_requested',
    from: ['in_progress'],
    async run({ trx, inquiry }) {
      if (input.toOfficeId === inquiry.officeId)
        throw new ValidationError('不能移交给本单位', { toOfficeId: '请选择其他单位' });
      if (await pendingTransfer(trx, inquiry.id)) throw new InvalidStateError('已有一项移交等待对方接受');
      const name = await officeName(trx, inquiry.agencyId, input.toOfficeId);
      await trx
        .insertInto('inquiry_transfers')
        .values({
          inquiry_id: inquiry.id,
          from_office_id: inquiry.officeId,
          to_office_id: input.toOfficeId,
          reason: input.reason,
          status: 'pending',
          requested_by_name: actorName(ctx),
          requested_at: nowIso(ctx.clock.now()),
          decided_by_name: null,
          decided_at: null,
          decline_reason: null,
        })
        .execute();
      return {
        event: { kind: 'transfer_requested', note: `移交${name}：${input.reason}（接受前仍由原单位负责）` },
        notify: {
          users: await headsOf(trx, inquiry.agencyId, input.toOfficeId),
          title: `留言${inquiry.reference}申请移交${name}办理，请接受或说明不接受的理由`,
        },
        audit: { after: { toOfficeId: input.toOfficeId, reason: input.reason } },
      };
    },
  });
}

/** The receiving office's head accepts (the office becomes responsible) or declines with a reason. */
export async function decideTransfer(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(DecideTransferInput, raw);
  return inquiryStep(ctx, id, {
    expectedVersion: formVersion(raw),
    policy: 'acceptTransfer',
    audit: 'inquiry.transfer_decided',
    from: ['in_progress', 'pending_approval'],
    async run({ trx, inquiry }) {
      const t = await pendingTransfer(trx, inquiry.id);
      if (!t) throw new InvalidStateError('没有等待接受的移交');
      await trx
        .updateTable('inquiry_transfers')
        .set({
          status: input.accept ? 'accepted' : 'declined',
          decided_by_name: actorName(ctx),
          decided_at: nowIso(ctx.clock.now()),
          decline_reason: input.accept ? null : (input.reason ?? null),
        })
        .where('id', '=', t.id)
        .execute();
      const names = await officeNames(trx, inquiry.agencyId);
      const to = names.get(t.toOfficeId) ?? '';
      if (input.accept)
        return {
          // A draft of the old office is not the new office's answer.
          patch: {
            office_id: t.toOfficeId,
            status: 'in_progress',
            draft_reply: null,
            draft_outcome: null,
            draft_by_name: null,
          },
          event: { kind: 'transfer_accepted', forCitizen: true, note: `承办单位：${to}` },
          notify: {
            users: await handlersOf(trx, inquiry.agencyId, t.toOfficeId),
            title: `留言${inquiry.reference}已由${to}接办，请在${inquiry.dueOn}前答复`,
          },
          audit: { after: { accepted: true, officeId: t.toOfficeId } },
        };
      return {
        event: { kind: 'transfer_declined', note: `${to}不接受：${input.reason}` },
        notify: {
          users: await handlersOf(trx, inquiry.agencyId, inquiry.officeId),
          title: `${to}未接受留言${inquiry.reference}的移交（${input.reason}），仍由本单位办理`,
        },
        audit: { after: { accepted: false, reason: input.reason } },
      };
    },
  });
}
