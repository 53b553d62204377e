import type { Kysely } from 'kysely';

/**
 * A village's page lists its newest items of every state (`order by published_on desc, id desc limit 200`): an index
 * in that order lets the database read the first 200 instead of sorting the village's whole history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('village_disclosures_heads_idx')
    .on('village_disclosures')
    .columns(['village_id', 'published_on', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('village_disclosures_heads_idx').execute();
}
