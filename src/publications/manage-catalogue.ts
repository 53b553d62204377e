/** Catalogue changes by an admin (art. 22: the catalogue grows): every change is a new version row plus an audit row. */
import type { Ctx } from '../context.ts';
import type { Trx } from '../db/database.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, ConflictError, parseInput, ValidationError } from '../errors.ts';
import { fromBool } from '../db/values.ts';
import { agencyScope } from '../org/org.queries.ts';
import { publicationPolicy } from './publication.policy.ts';
import { CategoryInput } from './publication.schema.ts';
import { getCategory, listCategories } from './publications.queries.ts';
import { subtreeIds } from './catalogue.ts';
import { touchPortal } from '../portal/portal-version.ts';
import { touchCatalogue } from './catalogue-version.ts';

async function writeVersion(trx: Trx, ctx: Ctx, categoryId: number, version: number, v: CategoryInput) {
  await trx
    .insertInto('pub_category_versions')
    .values({
      category_id: categoryId,
      version,
      name: v.name,
      parent_id: v.parentId,
      sort_order: v.sortOrder,
      is_active: fromBool(v.isActive),
      changed_by: ctx.actor.kind === 'user' ? ctx.actor.name : '系统',
      changed_at: ctx.clock.now().toISOString(),
    })
    .execute();
}

/**
 * The parent must be one of the agency's categories and, for a move, not the category itself or below it. Checked
 * inside the write's transaction after `touchCatalogue`, whose row lock serialises catalogue writes: two crossing
 * moves (X under Y while Y goes under X) cannot both pass on the tree as it was, which would make a cycle.
 */
async function checkParent(trx: Trx, agencyId: number, parentId: number | null, selfId: number | null) {
  if (parentId == null) return;
  const all = await listCategories(trx, agencyId);
  if (!all.some((c) => c.id === parentId))
    throw new ValidationError('上级栏目不存在', { parentId: '上级栏目不存在' });
  if (selfId != null && subtreeIds(all, selfId).includes(parentId))
    throw new ValidationError('不能把栏目移到它自己或它的下级之下', { parentId: '上级栏目无效' });
}

export async function createCategory(ctx: Ctx, agencyId: number, raw: unknown): Promise<number> {
  assertCan(publicationPolicy.manageCatalogue(ctx.actor, await agencyScope(ctx.db, agencyId)), {
    message: '只有管理员可以修改公开目录',
  });
  const input = parseInput(CategoryInput, raw);
  return ctx.db.transaction().execute(async (trx) => {
    await touchCatalogue(trx);
    await checkParent(trx, agencyId, input.parentId, null);
    const now = ctx.clock.now().toISOString();
    const row = await trx
      .insertInto('pub_categories')
      .values({
        agency_id: agencyId,
        parent_id: input.parentId,
        code: `c${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`,
        name: input.name,
        sort_order: input.sortOrder,
        is_statutory: 0,
        is_active: fromBool(input.isActive),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeVersion(trx, ctx, row.id, 1, input);
    await recordEvent(trx, ctx, {
      action: 'catalogue.category_created',
      objectType: 'pub_category',
      objectId: row.id,
      agencyId,
      after: input,
    });
    await touchPortal(trx);
    return row.id;
  });
}

export async function updateCategory(ctx: Ctx, id: number, version: number, raw: unknown): Promise<void> {
  const cat = await getCategory(ctx.db, id);
  const scope = await agencyScope(ctx.db, cat.agencyId);
  // Another agency's category answers like a missing one.
  assertCan(publicationPolicy.view(ctx.actor, scope), { hide: true });
  assertCan(publicationPolicy.manageCatalogue(ctx.actor, scope), {
    message: '只有管理员可以修改公开目录',
  });
  const input = parseInput(CategoryInput, raw);
  if (version !== cat.version) throw new ConflictError();
  await ctx.db.transaction().execute(async (trx) => {
    await touchCatalogue(trx);
    await checkParent(trx, cat.agencyId, input.parentId, id);
    const r = await trx
      .updateTable('pub_categories')
      .set({
        name: input.name,
        parent_id: input.parentId,
        sort_order: input.sortOrder,
        is_active: fromBool(input.isActive),
        version: cat.version + 1,
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', cat.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ConflictError();
    await writeVersion(trx, ctx, id, cat.version + 1, input);
    await recordEvent(trx, ctx, {
      action: 'catalogue.category_updated',
      objectType: 'pub_category',
      objectId: id,
      agencyId: cat.agencyId,
      before: { name: cat.name, parentId: cat.parentId, sortOrder: cat.sortOrder, isActive: cat.isActive },
      after: input,
    });
    await touchPortal(trx);
  });
}
