/**
 * Publish an approved item: assign its 索引号 (gap-free per agency and year, inside the transaction), put it on the
 * portal (recorded as the `portal` channel), make it searchable, and invalidate cached portal pages. Refused when
 * a review step is missing, the secrecy review is unsigned, or the item is not 主动公开.
 */
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertReportYearsOpenFrom } from '../period-lock/assert-period-open.ts';
import { assertCan, ConflictError, InvalidStateError, ValidationError, isDomainError } from '../errors.ts';
import { getAgency } from '../org/org.queries.ts';
import { publicationPolicy } from './publication.policy.ts';
import { ATTRIBUTE_LABELS, STEP_LABELS } from './publication.ts';
import { formatIndexNo } from './index-no.ts';
import { nextSerial } from '../serials/next-serial.ts';
import { lostRaceOn, loadPublication, reindexPublication, stalePublication } from './publication-context.ts';
import { unlessRaceLost } from '../audit/last-change.ts';
import { touchPortal } from '../portal/portal-version.ts';
import { getCategory, indexFormatOf } from './publications.queries.ts';
import { blockingReason, scanPublication } from './publication-scan.ts';

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return (
    err?.code === '23505' ||
    err?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(err?.message ?? '')
  );
}

export async function publishPublication(
  ctx: Ctx,
  id: number,
  version: number,
): Promise<{ indexNo: string }> {
  const { item, scope, chain, facts } = await loadPublication(ctx, id);
  if (item.status === 'published') throw new InvalidStateError('该信息已发布');
  if (item.status === 'draft' || item.status === 'returned' || item.status === 'in_review') {
    const missing = chain.steps.filter((s) => !s.signedBy).map((s) => STEP_LABELS[s.step]);
    throw new InvalidStateError(`审核未完成，不能发布：尚缺${missing.join('、') || '审核'}`);
  }
  assertCan(publicationPolicy.publish(ctx.actor, scope, facts), { message: '只有政务公开工作机构可以发布' });
  if (item.attribute !== 'proactive')
    throw new InvalidStateError(`该信息属性为“${ATTRIBUTE_LABELS[item.attribute]}”，不能在门户网站主动公开`);
  if (chain.next) throw new InvalidStateError(`审核未完成，不能发布：尚缺${STEP_LABELS[chain.next.step]}`);
  if (!item.secrecy) throw new InvalidStateError('尚未签署保密审查单，不能发布');
  if (version !== item.version) throw await stalePublication(ctx.db, id);
  // Scanned again right before publishing (body and attachments), whatever the review said.
  const scan = await scanPublication(ctx.db, item);
  const blocked = blockingReason(scan);
  if (blocked) throw new InvalidStateError(`不能发布：${blocked}`);
  if (scan.high.length && !item.secrecy.note)
    throw new InvalidStateError(
      `不能发布：${[...new Set(scan.high.map((h) => h.where))].join('、')}含手机号码或个人电话，保密审查单未写明可以公开的理由，请退回脱敏`,
    );

  const agency = await getAgency(ctx.db, item.agencyId);
  const category = await getCategory(ctx.db, item.categoryId);
  const format = await indexFormatOf(ctx.db, item.agencyId);
  const today = ctx.clock.today();
  const year = Number(today.slice(0, 4));
  try {
    // Two clerks publishing at once: the loser is told who published first, as a stale form is.
    return await unlessRaceLost(
      () =>
        ctx.db.transaction().execute(async (trx) => {
          // Period lock: a 规章 / 规范性文件 counts in table A from its 成文日期 on (issued, then in force).
          if (item.docKind !== 'none')
            await assertReportYearsOpenFrom(trx, item.agencyId, item.writtenOn ?? today);
          const serial = await nextSerial(trx, `publication.index:${item.agencyId}:${year}`);
          const indexNo = formatIndexNo(format, { code: agency.code, year, category: category.code, serial });
          const now = ctx.clock.now();
          const r = await trx
            .updateTable('publications')
            .set({
              status: 'published',
              index_no: indexNo,
              published_on: today,
              updated_at: now.toISOString(),
              version: item.version + 1,
            })
            .where('id', '=', id)
            .where('version', '=', item.version)
            .where('status', '=', 'approved')
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) throw new ConflictError();
          await trx
            .insertInto('publication_channels')
            .values({
              publication_id: id,
              agency_id: item.agencyId,
              channel: 'portal',
              used_at: now.toISOString(),
              used_on: today,
              user_name: ctx.actor.kind === 'user' ? ctx.actor.name : '系统',
              note: null,
            })
            .execute();
          await recordEvent(trx, ctx, {
            action: 'publication.published',
            objectType: 'publication',
            objectId: id,
            agencyId: item.agencyId,
            after: { indexNo, publishedOn: today, dueOn: item.dueOn, late: today > item.dueOn },
          });
          await reindexPublication(trx, id, now);
          await touchPortal(trx);
          return { indexNo };
        }),
      () => lostRaceOn(ctx.db, id, item.version),
    );
  } catch (e) {
    if (!isDomainError(e) && isUniqueViolation(e))
      throw new ValidationError(
        '生成的索引号与已发布的信息重复，未发布。请管理员检查索引号格式（须包含序号 {serial}）后重试',
        { indexNo: '索引号重复' },
      );
    throw e;
  }
}
