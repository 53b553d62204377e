import type { Ctx } from '../context.ts';
import type { Trx } from '../db/database.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, InvalidStateError, NotFoundError, ValidationError, parseInput } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { orgPolicy } from './org.policy.ts';
import { agencyScope } from './org.queries.ts';
import { OfficeInput, VillageInput } from './org.schema.ts';

async function assertManage(ctx: Ctx, agencyId: number) {
  const scope = await agencyScope(ctx.db, agencyId);
  // Outsiders learn nothing: not found; readers (inspectors) are told they may not change it.
  assertCan(orgPolicy.view(ctx.actor, scope), { hide: true });
  assertCan(orgPolicy.manage(ctx.actor, scope));
}

async function nameTaken(
  trx: Trx,
  table: 'offices' | 'villages',
  agencyId: number,
  name: string,
  exceptId?: number,
) {
  let q = trx.selectFrom(table).select('id').where('agency_id', '=', agencyId).where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return Boolean(await q.executeTakeFirst());
}

/** Create an office (站办所) in an agency. */
export async function createOffice(ctx: Ctx, agencyId: number, raw: unknown): Promise<number> {
  const input = parseInput(OfficeInput, raw);
  await assertManage(ctx, agencyId);
  return ctx.db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, 'offices', agencyId, input.name)) {
      throw new ValidationError(`站办所“${input.name}”已存在`, { name: '名称重复' });
    }
    const { id } = await trx
      .insertInto('offices')
      .values({
        agency_id: agencyId,
        name: input.name,
        sort_order: input.sortOrder,
        created_at: nowIso(ctx.clock.now()),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      action: 'office.create',
      objectType: 'office',
      objectId: id,
      agencyId,
      after: input,
    });
    return id;
  });
}

/** Rename or reorder an office. */
export async function updateOffice(ctx: Ctx, officeId: number, raw: unknown): Promise<void> {
  const input = parseInput(OfficeInput, raw);
  const before = await ctx.db.selectFrom('offices').selectAll().where('id', '=', officeId).executeTakeFirst();
  if (!before) throw new NotFoundError('未找到该站办所');
  await assertManage(ctx, before.agency_id);
  await ctx.db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, 'offices', before.agency_id, input.name, officeId)) {
      throw new ValidationError(`站办所“${input.name}”已存在`, { name: '名称重复' });
    }
    await trx
      .updateTable('offices')
      .set({ name: input.name, sort_order: input.sortOrder })
      .where('id', '=', officeId)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'office.update',
      objectType: 'office',
      objectId: officeId,
      agencyId: before.agency_id,
      before: { name: before.name, sortOrder: before.sort_order },
      after: input,
    });
  });
}

/** Create a village under a township. */
export async function createVillage(ctx: Ctx, agencyId: number, raw: unknown): Promise<number> {
  const input = parseInput(VillageInput, raw);
  await assertManage(ctx, agencyId);
  const agency = await ctx.db
    .selectFrom('agencies')
    .select('kind')
    .where('id', '=', agencyId)
    .executeTakeFirst();
  if (agency?.kind !== 'township') throw new InvalidStateError('只有乡镇可以设置村');
  return ctx.db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, 'villages', agencyId, input.name)) {
      throw new ValidationError(`村“${input.name}”已存在`, { name: '名称重复' });
    }
    const { id } = await trx
      .insertInto('villages')
      .values({
        agency_id: agencyId,
        name: input.name,
        code: input.code,
        sort_order: input.sortOrder,
        created_at: nowIso(ctx.clock.now()),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      action: 'village.create',
      objectType: 'village',
      objectId: id,
      agencyId,
      after: input,
    });
    return id;
  });
}

/** Rename, recode or reorder a village. */
export async function updateVillage(ctx: Ctx, villageId: number, raw: unknown): Promise<void> {
  const input = parseInput(VillageInput, raw);
  const before = await ctx.db
    .selectFrom('villages')
    .selectAll()
    .where('id', '=', villageId)
    .executeTakeFirst();
  if (!before) throw new NotFoundError('未找到该村');
  await assertManage(ctx, before.agency_id);
  await ctx.db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, 'villages', before.agency_id, input.name, villageId)) {
      throw new ValidationError(`村“${input.name}”已存在`, { name: '名称重复' });
    }
    await trx
      .updateTable('villages')
      .set({ name: input.name, code: input.code, sort_order: input.sortOrder })
      .where('id', '=', villageId)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'village.update',
      objectType: 'village',
      objectId: villageId,
      agencyId: before.agency_id,
      before: { name: before.name, code: before.code, sortOrder: before.sort_order },
      after: input,
    });
  });
}
