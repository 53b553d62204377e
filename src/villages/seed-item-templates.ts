/**
 * Seed the default 公开模板 set (default-templates.ts) into every township that has none, and let every village
 * use version 1 of each (one finance cadence: quarterly unless the township pushes the monthly one). Idempotent: runs
 * at every start after migrations.
 */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { recordEvent } from '../audit/record-event.ts';
import { DEFAULT_ITEM_TEMPLATES } from './default-templates.ts';
import type { ItemTemplateDef } from './item-template.ts';

export function templateRow(
  agencyId: number,
  def: ItemTemplateDef,
  version: number,
  sortOrder: number,
  by: string,
  at: string,
) {
  return {
    agency_id: agencyId,
    code: def.code,
    version,
    kind: def.kind,
    name: def.name,
    cadence: def.cadence,
    min_notice_days: def.minNoticeDays,
    legal_basis: def.legalBasis,
    fields_json: JSON.stringify({ fields: def.fields, checks: def.checks ?? [] }),
    offline_note: def.offlineNote ?? null,
    approvals_json: JSON.stringify(def.approvals),
    attachments_json: JSON.stringify(def.attachments),
    is_active: 1,
    sort_order: sortOrder,
    created_by_name: by,
    created_at: at,
  };
}

/** Templates a village uses by default (every code but the monthly finance one). */
export const usedByDefault = (code: string) => code !== 'finance_monthly';

/** Make sure a township has its templates and each of its villages uses them. */
export async function ensureItemTemplates(ctx: Ctx, agencyId: number, trxIn?: DbOrTrx): Promise<void> {
  // The common case, read-only: templates exist and every village uses some (pages call this on every view).
  const db = trxIn ?? ctx.db;
  const [hasTemplates, bare] = await Promise.all([
    db
      .selectFrom('village_item_templates')
      .select('id')
      .where('agency_id', '=', agencyId)
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('villages as v')
      .select('v.id')
      .where('v.agency_id', '=', agencyId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('village_template_uses as u').select('u.code').whereRef('u.village_id', '=', 'v.id'),
          ),
        ),
      )
      .limit(1)
      .executeTakeFirst(),
  ]);
  if (hasTemplates && !bare) return;
  const run = async (trx: DbOrTrx) => {
    const existing = await trx
      .selectFrom('village_item_templates')
      .select(['id', 'code', 'version'])
      .where('agency_id', '=', agencyId)
      .execute();
    const at = ctx.clock.now().toISOString();
    if (existing.length === 0) {
      await trx
        .insertInto('village_item_templates')
        .values(DEFAULT_ITEM_TEMPLATES.map((d, i) => templateRow(agencyId, d, 1, i, '系统（默认模板）', at)))
        .execute();
      await recordEvent(trx, ctx, {
        action: 'village_template.seeded',
        objectType: 'agency',
        objectId: agencyId,
        agencyId,
        after: { templates: DEFAULT_ITEM_TEMPLATES.length },
      });
    }
    const templates = await trx
      .selectFrom('village_item_templates')
      .select(['id', 'code', 'version'])
      .where('agency_id', '=', agencyId)
      .where('version', '=', 1)
      .execute();
    const villages = await trx
      .selectFrom('villages')
      .select('id')
      .where('agency_id', '=', agencyId)
      .execute();
    if (villages.length === 0) return;
    const uses = await trx
      .selectFrom('village_template_uses')
      .select(['village_id', 'code'])
      .where(
        'village_id',
        'in',
        villages.map((v) => v.id),
      )
      .execute();
    const have = new Set(uses.map((u) => `${u.village_id}:${u.code}`));
    const missing = villages.flatMap((v) =>
      templates
        .filter((t) => usedByDefault(t.code) && !have.has(`${v.id}:${t.code}`))
        .map((t) => ({
          village_id: v.id,
          code: t.code,
          template_id: t.id,
          pushed_at: at,
          pushed_by_name: '系统（默认模板）',
        })),
    );
    // A village that has any use row was set up already; only villages with none get the default set.
    const setUp = new Set(uses.map((u) => u.village_id));
    const rows = missing.filter((m) => !setUp.has(m.village_id));
    if (rows.length) await trx.insertInto('village_template_uses').values(rows).execute();
  };
  if (trxIn) await run(trxIn);
  else await ctx.db.transaction().execute(run);
}

/** The start-up seed: every township. */
export const itemTemplateSeed = {
  name: 'village-item-templates',
  async run(ctx: Ctx): Promise<void> {
    const towns = await ctx.db.selectFrom('agencies').select('id').where('kind', '=', 'township').execute();
    for (const t of towns) await ensureItemTemplates(ctx, t.id);
  },
};
