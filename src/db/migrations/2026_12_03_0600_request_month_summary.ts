import type { Kysely } from 'kysely';
import { notNull, zero } from './helpers.ts';

/**
 * The per-month summary of 依申请公开 that the request dashboards read instead of every request row of a year
 * (docs/scale.md): per agency and month, what was received, closed (by outcome group of table B), replied and replied
 * on time, and a histogram of the working days from receipt to reply (the median comes from it): JSON, working days →
 * replies, in the month's row, so a year of a county is agencies × 12 rows whatever the number of requests. Which
 * agencies' rows are complete, and on which calendar: `request_summary_state`.
 *
 * No backfill here: the working days need the application's working-day calendar, and a frozen migration depends on
 * nothing in the application. An agency without a state row is not summarised (its dashboard reads its rows, as
 * before); the requests feature's start-up seed, run right after migrations by every entry point, builds every such
 * agency (`gongkai requests rebuild-summary` rebuilds them by hand).
 */
export async function up(db: Kysely<any>): Promise<void> {
  let stats = db.schema
    .createTable('request_month_stats')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('month', 'text', notNull);
  for (const col of [
    'received',
    'closed_granted',
    'closed_partially_granted',
    'closed_withheld',
    'closed_unable',
    'closed_not_processed',
    'closed_other',
    'replies',
    'on_time',
  ])
    stats = stats.addColumn(col, 'integer', zero);
  await stats
    .addColumn('reply_days_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('request_month_stats_pk', ['agency_id', 'month'])
    .execute();
  await db.schema
    .createTable('request_summary_state')
    .addColumn('agency_id', 'integer', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('calendar_fingerprint', 'text', notNull)
    .addColumn('built_at', 'text', notNull)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_summary_state').execute();
  await db.schema.dropTable('request_month_stats').execute();
}
