/** Changes to a published item: take it off the portal (撤回), or change its 有效性 (废止 needs its repealing document). */
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertReportYearsOpenFrom } from '../period-lock/assert-period-open.ts';
import { assertCan, ConflictError, parseInput, ValidationError } from '../errors.ts';
import { publicationPolicy } from './publication.policy.ts';
import { ValidityInput } from './publication.schema.ts';
import { loadPublication, reindexPublication } from './publication-context.ts';
import { touchPortal } from '../portal/portal-version.ts';
import { findPublication } from './publications.queries.ts';

/** 撤回: the item leaves the portal, search, feeds and sitemap at once. */
export async function withdrawPublication(
  ctx: Ctx,
  id: number,
  version: number,
  reason: string,
): Promise<void> {
  const { item, scope } = await loadPublication(ctx, id);
  assertCan(publicationPolicy.managePublished(ctx.actor, scope, item), {
    message: '只有已发布的信息可以撤回',
  });
  if (!reason.trim()) throw new ValidationError('撤回必须写明理由', { reason: '请写明撤回理由' });
  if (version !== item.version) throw new ConflictError();
  await ctx.db.transaction().execute(async (trx) => {
    if (item.docKind !== 'none')
      await assertReportYearsOpenFrom(
        trx,
        item.agencyId,
        item.writtenOn ?? item.publishedOn ?? ctx.clock.today(),
      );
    const now = ctx.clock.now();
    const r = await trx
      .updateTable('publications')
      .set({ status: 'withdrawn', updated_at: now.toISOString(), version: item.version + 1 })
      .where('id', '=', id)
      .where('version', '=', item.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ConflictError();
    await recordEvent(trx, ctx, {
      action: 'publication.withdrawn',
      objectType: 'publication',
      objectId: id,
      agencyId: item.agencyId,
      before: { status: item.status },
      after: { status: 'withdrawn' },
      note: reason.trim(),
    });
    await reindexPublication(trx, id, now);
    await touchPortal(trx);
  });
}

/** Mark a published item 有效 / 废止 / 失效. */
export async function changeValidity(ctx: Ctx, id: number, version: number, raw: unknown): Promise<void> {
  const { item, scope } = await loadPublication(ctx, id);
  assertCan(publicationPolicy.managePublished(ctx.actor, scope, item), {
    message: '只有已发布的信息可以变更有效性',
  });
  const input = parseInput(ValidityInput, raw);
  if (input.repealedById != null) {
    const other = await findPublication(ctx.db, input.repealedById);
    if (!other || other.agencyId !== item.agencyId || other.id === id)
      throw new ValidationError('废止它的文件不存在（请填写本机关已有政府信息的编号）', {
        repealedById: '文件不存在',
      });
  }
  if (version !== item.version) throw new ConflictError();
  await ctx.db.transaction().execute(async (trx) => {
    // Period lock: the 废止 date moves a document out of 现行有效 from that year on.
    for (const d of [item.repealedOn, input.validity === 'in_force' ? null : input.repealedOn])
      if (d && item.docKind !== 'none') await assertReportYearsOpenFrom(trx, item.agencyId, d);
    const now = ctx.clock.now();
    const r = await trx
      .updateTable('publications')
      .set({
        validity: input.validity,
        repealed_on: input.validity === 'in_force' ? null : input.repealedOn,
        repealed_by_id: input.validity === 'repealed' ? input.repealedById : null,
        repealed_by_title: input.validity === 'repealed' ? input.repealedByTitle : null,
        updated_at: now.toISOString(),
        version: item.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', item.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ConflictError();
    await recordEvent(trx, ctx, {
      action: 'publication.validity_changed',
      objectType: 'publication',
      objectId: id,
      agencyId: item.agencyId,
      before: { validity: item.validity, repealedOn: item.repealedOn },
      after: input,
    });
    await reindexPublication(trx, id, now);
    await touchPortal(trx);
  });
}
