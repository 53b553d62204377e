/**
 * Sign or return one step of the review chain (“先审查、后公开、谁审查、谁负责”). 承办人初审 is the drafter's own
 * signed check and starts a new round; the step after it carries the 保密审查单 (the reviewer attests the secrecy
 * review, with the scan's findings kept as they were when signed); a return sends the item back to its drafter.
 */
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import {
  assertCan,
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  parseInput,
  ValidationError,
} from '../errors.ts';
import { publicationPolicy } from './publication.policy.ts';
import { ReviewInput } from './publication.schema.ts';
import { STEP_LABELS, stepsFor, type ReviewStep } from './publication.ts';
import { lostRaceOn, loadPublication, reindexPublication, stalePublication } from './publication-context.ts';
import { unlessRaceLost } from '../audit/last-change.ts';
import { reviewChainOf } from './publications.queries.ts';
import { HIT_LABELS } from './secrecy-scan.ts';
import { blockingReason, scanPublication } from './publication-scan.ts';
import { waitingOfPublication } from './waiting.ts';
import { notifyHandover } from '../notifications/handover.ts';

/** The step whose approval signs the 保密审查单: the first one after the drafter's own check. */
export async function secrecyStepOf(
  ctx: Ctx,
  agencyId: number,
  isMajor: boolean,
): Promise<ReviewStep | null> {
  const steps = stepsFor(await reviewChainOf(ctx.db, agencyId), isMajor);
  return steps.find((s) => s.step !== 'first_review')?.step ?? null;
}

export async function reviewPublication(ctx: Ctx, id: number, raw: unknown): Promise<void> {
  const input = parseInput(ReviewInput, raw);
  const { item, scope, chain, facts } = await loadPublication(ctx, id);
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new ForbiddenError();
  if (input.version !== item.version) throw await stalePublication(ctx.db, id);

  // Guard the state with messages that say what is wrong, then the policy (which also covers all of it).
  if (input.step === 'first_review') {
    if (item.status !== 'draft' && item.status !== 'returned')
      throw new InvalidStateError('该信息已提交审核，不能重复提交');
    if (item.createdBy !== actor.userId) throw new ForbiddenError('承办人初审须由承办人本人签署');
    if (input.action !== 'approve') throw new ValidationError('承办人初审只能签署提交');
  } else {
    if (item.status !== 'in_review') throw new InvalidStateError('该信息当前不在审核中');
    if (chain.next?.step !== input.step)
      throw new InvalidStateError(
        `审核须按顺序进行，当前待办环节是“${chain.next ? STEP_LABELS[chain.next.step] : '无'}”，不能跳过或重复签批`,
      );
    if (chain.signerIds.includes(actor.userId))
      throw new ForbiddenError('同一人不能签批同一事项的两个审核环节');
  }
  assertCan(publicationPolicy.review(actor, scope, facts, input.step, input.action), {
    message: `您不能签批“${STEP_LABELS[input.step]}”环节（须由相应负责人签批，站办所负责人只审本站办所的信息）`,
  });
  if (input.action === 'return' && !input.reason)
    throw new ValidationError('退回必须写明理由', { reason: '请写明退回理由' });

  const secrecyStep = await secrecyStepOf(ctx, item.agencyId, item.isMajor);
  const signsSecrecy = input.action === 'approve' && input.step === secrecyStep;
  // The scan (body and every attachment) runs before each step: a blocking hit refuses any approval, the drafter's
  // own submission included; a return is always possible.
  const scan = await scanPublication(ctx.db, item);
  const hits = [...scan.body, ...scan.attachments.flatMap((a) => a.hits)];
  const blocked = input.action === 'approve' ? blockingReason(scan) : null;
  if (blocked)
    throw new ValidationError(`不能${input.step === 'first_review' ? '提交审核' : '签批'}：${blocked}`, {
      action: '扫描发现不得公开的内容',
    });
  if (signsSecrecy) {
    if (!input.secrecyConfirmed)
      throw new ValidationError('复审须签署保密审查单：请勾选“已完成保密审查”', {
        secrecyConfirmed: '请确认保密审查',
      });
    const high = scan.high;
    if (high.length && !input.secrecyNote)
      throw new ValidationError(
        `${[...new Set(high.map((h) => h.where))].join('、')}仍有${high.length}处需处理的内容（${[...new Set(high.map((h) => HIT_LABELS[h.hit.kind]))].join('、')}），请退回脱敏，或在保密审查说明中写明可以公开的理由`,
        { secrecyNote: '请说明理由' },
      );
    if (scan.unreadable.length && !input.unreadableChecked)
      throw new ValidationError(
        `以下附件无法自动读取，须人工逐页核对后勾选确认：${scan.unreadable.map((a) => `“${a.fileName}”（${a.problem}）`).join('、')}`,
        { unreadableChecked: '请人工核对无法读取的附件' },
      );
  }

  const round = input.step === 'first_review' ? item.reviewRound + 1 : item.reviewRound;
  const signedSteps = chain.steps.filter((s) => s.signedBy).length + 1;
  const allSteps = stepsFor(await reviewChainOf(ctx.db, item.agencyId), item.isMajor).length;
  const status =
    input.action === 'return'
      ? 'returned'
      : input.step !== 'first_review' && signedSteps >= allSteps
        ? 'approved'
        : 'in_review';
  // A new round starts with nothing signed but the drafter's check.
  const finalStatus = input.step === 'first_review' ? (allSteps === 1 ? 'approved' : 'in_review') : status;

  const waitingBefore = await waitingOfPublication(ctx.db, id);
  // Two reviewers signing at once: the loser is told who signed first, as a stale form is.
  await unlessRaceLost(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const now = ctx.clock.now().toISOString();
        const r = await trx
          .updateTable('publications')
          .set({
            status: finalStatus,
            review_round: round,
            updated_at: now,
            version: item.version + 1,
            ...(signsSecrecy
              ? {
                  secrecy_signed_by: actor.userId,
                  secrecy_signed_name: actor.name,
                  secrecy_signed_at: now,
                  secrecy_note: input.secrecyNote,
                  secrecy_hits_json: JSON.stringify(hits),
                }
              : {}),
            ...(input.step === 'first_review'
              ? {
                  secrecy_signed_by: null,
                  secrecy_signed_name: null,
                  secrecy_signed_at: null,
                  secrecy_note: null,
                  secrecy_hits_json: null,
                }
              : {}),
          })
          .where('id', '=', id)
          .where('version', '=', item.version)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new ConflictError();
        await trx
          .insertInto('publication_reviews')
          .values({
            publication_id: id,
            round,
            step: input.step,
            action: input.action,
            reason: input.reason,
            user_id: actor.userId,
            user_name: actor.name,
            signed_at: now,
          })
          .execute();
        // The secrecy form first: the signature is the step's last audit row (what a stale or losing form names).
        if (signsSecrecy)
          await recordEvent(trx, ctx, {
            action: 'publication.secrecy_signed',
            objectType: 'publication',
            objectId: id,
            agencyId: item.agencyId,
            after: {
              hits: hits.length,
              high: hits.filter((h) => h.severity === 'high').length,
              unreadable: scan.unreadable.map((a) => a.fileName),
            },
            note: input.secrecyNote,
          });
        await recordEvent(trx, ctx, {
          action: input.action === 'approve' ? 'publication.review_signed' : 'publication.review_returned',
          objectType: 'publication',
          objectId: id,
          agencyId: item.agencyId,
          before: { status: item.status },
          after: { status: finalStatus, step: input.step, round },
          note: input.reason,
        });
        await reindexPublication(trx, id, ctx.clock.now());
        // The handover: the next step's persons, the drafter of a returned item, or the clerks who publish are told.
        await notifyHandover(
          trx,
          ctx.clock.now(),
          actor.userId,
          waitingBefore,
          await waitingOfPublication(trx, id),
        );
      }),
    () => lostRaceOn(ctx.db, id, item.version),
  );
}
