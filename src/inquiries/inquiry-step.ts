/**
 * The shape every staff step on a message shares: resolve → check the actor may see it (outsiders: not found) →
 * the step's policy → the step's state guard and change → one transaction with the change, the history line, the
 * reminders of whoever must act next, the citizen's message job and the audit row.
 */
import type { Ctx } from '../context.ts';
import type { Trx } from '../db/database.ts';
import { assertCan, InvalidStateError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { enqueue } from '../jobs/queue.ts';
import type { User } from '../org/org.ts';
import { INQUIRY_AUDIT_LABELS, type InquiryAuditAction } from './inquiry-audit.ts';
import { staleConflict, unlessRaceLost } from '../audit/last-change.ts';
import { inquiryPolicy, type InquiryPolicyAction, type InquiryScope } from './inquiry.policy.ts';
import {
  addEvent,
  getInquiry,
  inquiryScope,
  notifyUsers,
  officeLink,
  updateInquiry,
  type InquiryRow,
} from './inquiries.queries.ts';
import { STATE_LABELS, type Inquiry, type InquiryState } from './inquiry.ts';
import { CITIZEN_JOB } from './notify-citizen.ts';

export interface StepResult {
  patch?: Partial<Omit<InquiryRow, 'id' | 'version'>>;
  event?: { kind: string; forCitizen?: boolean; note?: string | null };
  /** Who must act next, and what they are told. */
  notify?: { users: User[]; title: string };
  /** An SMS / e-mail to the citizen (when they left a contact). */
  citizen?: string;
  audit?: { before?: unknown; after?: unknown; note?: string };
}

export interface StepSpec {
  /** The version the form was built from (its hidden field): another version is a stale form, refused. */
  expectedVersion?: number;
  policy: InquiryPolicyAction;
  audit: InquiryAuditAction;
  /** States the step may start from. */
  from: readonly InquiryState[];
  /** Message when the state does not allow the step. */
  stateMessage?: string;
  run(x: { trx: Trx; inquiry: Inquiry; scope: InquiryScope; today: string }): Promise<StepResult>;
}

/** The version a step form carries (hidden field `version`); none for a caller that sends no form (API, tests). */
export function formVersion(raw: unknown): number | undefined {
  const v = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).version : undefined;
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : typeof v === 'number' ? v : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The refusal of a stale form or a lost race: who acted first, what they did, when, and the state now. */
function staleInquiry(ctx: Ctx, cur: Inquiry) {
  return staleConflict(
    ctx.db,
    { objectType: 'inquiry', objectId: cur.id, what: '该留言', state: STATE_LABELS[cur.status] },
    INQUIRY_AUDIT_LABELS,
  );
}

export async function inquiryStep(ctx: Ctx, id: number, spec: StepSpec): Promise<Inquiry> {
  const q = await getInquiry(ctx.db, id);
  const scope = await inquiryScope(ctx.db, q);
  assertCan(inquiryPolicy.view(ctx.actor, scope), { hide: true });
  // A form opened before someone else acted: refused before the policy and state (which that action may have changed
  // for this person) with who did what and when — the page, re-shown with the form filled, shows the state now.
  if (spec.expectedVersion != null && spec.expectedVersion !== q.version) throw await staleInquiry(ctx, q);
  assertCan(inquiryPolicy[spec.policy](ctx.actor, scope), { message: '您没有办理此步骤的权限' });
  if (!spec.from.includes(q.status))
    throw new InvalidStateError(spec.stateMessage ?? '留言当前的状态不能办理此步骤，请刷新页面查看最新状态');
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  // Two staff saving the same step at once: the loser is told who acted first, when, and the state now.
  const lost = async () => {
    const cur = await getInquiry(ctx.db, id);
    return cur.version === q.version ? null : staleInquiry(ctx, cur);
  };
  return unlessRaceLost(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const r = await spec.run({ trx, inquiry: q, scope, today });
        const next = r.patch ? await updateInquiry(trx, q, r.patch, now) : q;
        if (r.event) await addEvent(trx, ctx, q.id, r.event.kind, r.event);
        if (r.notify)
          await notifyUsers(
            trx,
            r.notify.users,
            { kind: spec.audit, title: r.notify.title, link: officeLink(q.id) },
            now,
          );
        if (r.citizen && (q.contactPhone || q.contactEmail))
          await enqueue(trx, CITIZEN_JOB, { inquiryId: q.id, text: r.citizen });
        await recordEvent(trx, ctx, {
          action: spec.audit,
          objectType: 'inquiry',
          objectId: q.id,
          agencyId: q.agencyId,
          before: r.audit?.before,
          after: r.audit?.after,
          note: r.audit?.note,
        });
        return next;
      }),
    lost,
  );
}

export const actorName = (ctx: Ctx) => (ctx.actor.kind === 'public' ? '留言人' : ctx.actor.name);
