import type { Kysely } from 'kysely';

/** The township's heatmap reads a year's periodic items by period: an index on (agency_id, period). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('village_disclosures_agency_period_idx')
    .on('village_disclosures')
    .columns(['agency_id', 'period'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('village_disclosures_agency_period_idx').execute();
}
