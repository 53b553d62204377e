import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, NotFoundError, ValidationError, parseInput } from '../errors.ts';
import { nowIso, fromBool } from '../db/values.ts';
import { orgPolicy } from './org.policy.ts';
import { agencyScope, findAgencyByCode, getAgency } from './org.queries.ts';
import { touchPortal } from '../portal/portal-version.ts';
import { ALLOWED_CHILDREN, AGENCY_KIND_LABELS, type Agency } from './org.ts';
import { AgencyInput } from './org.schema.ts';

/** Create an agency (a root only by the system, e.g. the demo loader or the CLI; children by an admin above). */
export async function createAgency(ctx: Ctx, raw: unknown): Promise<Agency> {
  const input = parseInput(AgencyInput, raw);
  if (input.parentId != null) {
    const parent = await getAgency(ctx.db, input.parentId);
    assertCan(orgPolicy.createChild(ctx.actor, await agencyScope(ctx.db, parent.id)));
    if (!ALLOWED_CHILDREN[parent.kind].includes(input.kind)) {
      throw new ValidationError(
        `${AGENCY_KIND_LABELS[parent.kind]}之下不能设立${AGENCY_KIND_LABELS[input.kind]}`,
        {
          kind: '机关类型与上级不匹配',
        },
      );
    }
  } else {
    assertCan(ctx.actor.kind === 'system', { message: '只有系统初始化时可以创建顶级机关' });
  }
  if (await findAgencyByCode(ctx.db, input.code)) {
    throw new ValidationError(`机关代码“${input.code}”已被使用`, { code: '机关代码已被使用' });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const now = nowIso(ctx.clock.now());
    const row = await trx
      .insertInto('agencies')
      .values({
        code: input.code,
        name: input.name,
        short_name: input.shortName,
        kind: input.kind,
        parent_id: input.parentId,
        is_people_government: fromBool(input.isPeopleGovernment),
        disclosure_office_id: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The portal lists every agency (columns, names, the home agency): its pages and memos are re-read.
    await touchPortal(trx);
    await recordEvent(trx, ctx, {
      action: 'agency.create',
      objectType: 'agency',
      objectId: row.id,
      agencyId: row.id,
      after: input,
    });
    return getAgency(trx, row.id);
  });
}

/** Designate the agency's 政府信息公开工作机构 (its head approves extensions). */
export async function setDisclosureOffice(ctx: Ctx, agencyId: number, officeId: number): Promise<void> {
  const agency = await getAgency(ctx.db, agencyId);
  const scope = await agencyScope(ctx.db, agencyId);
  assertCan(orgPolicy.view(ctx.actor, scope), { hide: true });
  assertCan(orgPolicy.manage(ctx.actor, scope));
  if (!Number.isSafeInteger(officeId) || officeId <= 0)
    throw new ValidationError('请选择一个站办所', { officeId: '请选择站办所' });
  const office = await ctx.db
    .selectFrom('offices')
    .select('id')
    .where('id', '=', officeId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!office) throw new NotFoundError('未找到该站办所');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('agencies')
      .set({ disclosure_office_id: officeId, updated_at: nowIso(ctx.clock.now()) })
      .where('id', '=', agencyId)
      .execute();
    await touchPortal(trx);
    await recordEvent(trx, ctx, {
      action: 'agency.update',
      objectType: 'agency',
      objectId: agencyId,
      agencyId,
      before: { disclosureOfficeId: agency.disclosureOfficeId },
      after: { disclosureOfficeId: officeId },
    });
  });
}

/** Rename an agency (name and short name; code and kind are fixed once created, since 文号 and 索引号 use them). */
export async function updateAgency(ctx: Ctx, agencyId: number, raw: unknown): Promise<Agency> {
  const before = await getAgency(ctx.db, agencyId);
  const scope = await agencyScope(ctx.db, agencyId);
  assertCan(orgPolicy.view(ctx.actor, scope), { hide: true });
  assertCan(orgPolicy.manage(ctx.actor, scope));
  const input = parseInput(AgencyInput.pick({ name: true, shortName: true }), raw);
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('agencies')
      .set({ name: input.name, short_name: input.shortName, updated_at: nowIso(ctx.clock.now()) })
      .where('id', '=', agencyId)
      .execute();
    await touchPortal(trx);
    await recordEvent(trx, ctx, {
      action: 'agency.update',
      objectType: 'agency',
      objectId: agencyId,
      agencyId,
      before: { name: before.name, shortName: before.shortName },
      after: input,
    });
    return getAgency(trx, agencyId);
  });
}
