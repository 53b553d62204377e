/**
 * Seeding the catalogue: every agency gets the statutory catalogue of its level (catalogue.ts). Runs at every start
 * for all agencies (the `seeds` list in src/setup.ts) and on first use of an agency created since (ensureCatalogue),
 * so a township created at runtime has its catalogue at once. Idempotent: an agency with any category is left alone.
 */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getAgency } from '../org/org.queries.ts';
import { defaultCatalogue, type CategorySeed } from './catalogue.ts';
import { touchCatalogue } from './catalogue-version.ts';

async function hasCatalogue(db: DbOrTrx, agencyId: number): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('pub_categories')
      .select('id')
      .where('agency_id', '=', agencyId)
      .limit(1)
      .executeTakeFirst(),
  );
}

/** Seed the agency's catalogue if it has none; returns whether it seeded. */
export async function ensureCatalogue(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock' | 'meta'>,
  agencyId: number,
): Promise<boolean> {
  if (await hasCatalogue(ctx.db, agencyId)) return false;
  const agency = await getAgency(ctx.db, agencyId);
  return ctx.db.transaction().execute(async (trx) => {
    if (await hasCatalogue(trx, agencyId)) return false;
    const now = ctx.clock.now().toISOString();
    let n = 0;
    const insert = async (nodes: CategorySeed[], parentId: number | null) => {
      for (const [i, c] of nodes.entries()) {
        const row = await trx
          .insertInto('pub_categories')
          .values({
            agency_id: agencyId,
            parent_id: parentId,
            code: c.code,
            name: c.name,
            sort_order: (i + 1) * 10,
            is_statutory: 1,
            is_active: 1,
            version: 1,
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) => oc.columns(['agency_id', 'code']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!row) continue;
        n++;
        await trx
          .insertInto('pub_category_versions')
          .values({
            category_id: row.id,
            version: 1,
            name: c.name,
            parent_id: parentId,
            sort_order: (i + 1) * 10,
            is_active: 1,
            changed_by: ctx.actor.kind === 'user' ? ctx.actor.name : '系统',
            changed_at: now,
          })
          .execute();
        if (c.children) await insert(c.children, row.id);
      }
    };
    await insert(defaultCatalogue(agency.kind), null);
    await touchCatalogue(trx);
    await recordEvent(trx, ctx, {
      action: 'catalogue.seeded',
      objectType: 'agency',
      objectId: agencyId,
      agencyId,
      after: { categories: n },
    });
    return true;
  });
}

/** The start-up seed step (src/setup.ts `seeds`). */
export const catalogueSeed = {
  name: 'publications.catalogue',
  async run(ctx: Ctx): Promise<void> {
    const agencies = await ctx.db.selectFrom('agencies').select('id').execute();
    for (const a of agencies) await ensureCatalogue(ctx, a.id);
  },
};
