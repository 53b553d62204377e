/** The inspection checklist of an agency: seeded from DEFAULT_CHECKLIST once, then edited by the agency. */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { toBool, toNumber } from '../db/values.ts';
import { assertCan, ValidationError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { agencyScope } from '../org/org.queries.ts';
import { DEFAULT_CHECKLIST } from './checklist.ts';
import { supervisionPolicy } from './supervision.policy.ts';

export interface ChecklistItem {
  id: number;
  agencyId: number;
  code: string;
  label: string;
  basis: string | null;
  checkKind: string | null;
  sortOrder: number;
  isActive: boolean;
}

/** Seed the default checklist for an agency (idempotent: existing codes are kept as the agency edited them). */
export async function ensureChecklist(db: DbOrTrx, agencyId: number, now: string): Promise<void> {
  const have = await db
    .selectFrom('sv_checklist_items')
    .select('id')
    .where('agency_id', '=', agencyId)
    .limit(1)
    .executeTakeFirst();
  if (have) return;
  await db
    .insertInto('sv_checklist_items')
    .values(
      DEFAULT_CHECKLIST.map((c, i) => ({
        agency_id: agencyId,
        code: c.code,
        label: c.label,
        basis: c.basis,
        check_kind: c.checkKind,
        sort_order: (i + 1) * 10,
        is_active: 1,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['agency_id', 'code']).doNothing())
    .execute();
}

export async function listChecklist(
  db: DbOrTrx,
  agencyId: number,
  activeOnly = false,
): Promise<ChecklistItem[]> {
  let q = db.selectFrom('sv_checklist_items').selectAll().where('agency_id', '=', agencyId);
  if (activeOnly) q = q.where('is_active', '=', 1);
  const rows = await q.orderBy('sort_order').orderBy('id').execute();
  return rows.map((r) => ({
    id: toNumber(r.id),
    agencyId: toNumber(r.agency_id),
    code: r.code,
    label: r.label,
    basis: r.basis,
    checkKind: r.check_kind,
    sortOrder: toNumber(r.sort_order),
    isActive: toBool(r.is_active),
  }));
}

/** Add an item, or change an item's wording, basis or visibility. */
export async function saveChecklistItem(
  ctx: Ctx,
  agencyId: number,
  input: { id: number | null; label: string; basis: string; isActive: boolean },
): Promise<void> {
  assertCan(supervisionPolicy.manage(ctx.actor, await agencyScope(ctx.db, agencyId)));
  const label = input.label.trim();
  if (label.length < 4 || label.length > 200)
    throw new ValidationError('检查项目应为4至200字', { label: '检查项目应为4至200字' });
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (input.id == null) {
      const max = await trx
        .selectFrom('sv_checklist_items')
        .select((eb) => eb.fn.max('sort_order').as('m'))
        .where('agency_id', '=', agencyId)
        .executeTakeFirst();
      await trx
        .insertInto('sv_checklist_items')
        .values({
          agency_id: agencyId,
          code: `custom_${Date.now().toString(36)}`,
          label,
          basis: input.basis.trim() || null,
          check_kind: null,
          sort_order: toNumber(max?.m ?? 0) + 10,
          is_active: 1,
          created_at: now,
        })
        .execute();
    } else {
      const r = await trx
        .updateTable('sv_checklist_items')
        .set({ label, basis: input.basis.trim() || null, is_active: input.isActive ? 1 : 0 })
        .where('id', '=', input.id)
        .where('agency_id', '=', agencyId)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new ValidationError('未找到该检查项目');
    }
    await recordEvent(trx, ctx, {
      action: 'supervision.checklist_changed',
      objectType: 'sv_checklist',
      objectId: input.id,
      agencyId,
      after: { label, basis: input.basis, active: input.isActive },
    });
  });
}

/** Seed step: every agency gets the default checklist once. */
export const checklistSeed = {
  name: 'supervision.checklist',
  async run(ctx: Ctx): Promise<void> {
    const now = ctx.clock.now().toISOString();
    for (const a of await ctx.db.selectFrom('agencies').select('id').execute())
      await ensureChecklist(ctx.db, a.id, now);
  },
};
