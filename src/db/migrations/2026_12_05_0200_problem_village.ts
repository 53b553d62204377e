import type { Kysely } from 'kysely';

/**
 * The village a supervision problem is about (所涉村), whoever is responsible for fixing it: a problem found by an
 * inspection of a village, or about one of a village's disclosure items, may be the 党政办's to rectify (the late
 * township review of the village's 财务公开), yet the village must see it and supply material. The responsible unit
 * (`unit_kind`, `unit_id`) says who acts; `village_id` says whose village it concerns. Null: no village.
 *
 * Filled for existing rows where the data says it: the responsible unit is a village; the problem was recorded by an
 * inspection whose target is a village (sv_inspection_results → sv_inspection_targets); or its link is one of a
 * village's pages or items (/office/villages/items/N, /office/villages/v/N, /office/villages?village=N) of the
 * problem's own township. Nothing else in the old data names a village. No foreign key, like `unit_id` (a village is
 * never deleted; the SQLite down migration can drop the column).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sv_problems').addColumn('village_id', 'integer').execute();
  await db.schema
    .createIndex('sv_problems_village_idx')
    .on('sv_problems')
    .columns(['agency_id', 'village_id'])
    .execute();

  await db
    .updateTable('sv_problems')
    .set((eb) => ({ village_id: eb.ref('unit_id') }))
    .where('unit_kind', '=', 'village')
    .where('unit_id', 'is not', null)
    .execute();

  const byTarget = await db
    .selectFrom('sv_inspection_results as r')
    .innerJoin('sv_inspection_targets as t', 't.id', 'r.target_id')
    .innerJoin('sv_problems as p', 'p.id', 'r.problem_id')
    .innerJoin('villages as v', 'v.id', 't.unit_id')
    .select(['p.id as problem_id', 't.unit_id as village_id'])
    .where('t.unit_kind', '=', 'village')
    .where('p.village_id', 'is', null)
    .whereRef('v.agency_id', '=', 'p.agency_id')
    .execute();
  for (const r of byTarget)
    await db
      .updateTable('sv_problems')
      .set({ village_id: Number(r.village_id) })
      .where('id', '=', Number(r.problem_id))
      .execute();

  const linked = await db
    .selectFrom('sv_problems')
    .select(['id', 'agency_id', 'link'])
    .where('village_id', 'is', null)
    .where('link', 'like', '/office/villages%')
    .execute();
  for (const r of linked) {
    const link = String(r.link);
    const item = /^\/office\/villages\/items\/(\d+)(?:[/?#]|$)/.exec(link);
    const page = /^\/office\/villages(?:\/v\/(\d+)(?:[/?#]|$)|\?(?:.*&)?village=(\d+)(?:&|#|$))/.exec(link);
    let villageId: number | null = null;
    if (item) {
      const d = await db
        .selectFrom('village_disclosures')
        .select('village_id')
        .where('id', '=', Number(item[1]))
        .where('agency_id', '=', Number(r.agency_id))
        .executeTakeFirst();
      villageId = d ? Number(d.village_id) : null;
    } else if (page) {
      const v = await db
        .selectFrom('villages')
        .select('id')
        .where('id', '=', Number(page[1] ?? page[2]))
        .where('agency_id', '=', Number(r.agency_id))
        .executeTakeFirst();
      villageId = v ? Number(v.id) : null;
    }
    if (villageId != null)
      await db
        .updateTable('sv_problems')
        .set({ village_id: villageId })
        .where('id', '=', Number(r.id))
        .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sv_problems_village_idx').execute();
  await db.schema.alterTable('sv_problems').dropColumn('village_id').execute();
}
