/**
 * The per-month summary of 依申请公开 (migration 2026_12_03_0600, docs/scale.md): per agency and month the counts the
 * request dashboards show, and a histogram of the working days from receipt to reply in the same row (the median is
 * taken from it), so a dashboard reads agencies × 12 rows instead of every request of the year.
 *
 * Kept exact:
 * - every write that changes how a request counts (a new request, every step on one) calls syncRequestSummary in its
 *   transaction, with the request before and after: the difference of the two contributions is added to the months it touches;
 * - the working days depend on the calendar, so `request_summary_state` records, per agency, the calendar fingerprint
 *   the rows were computed on. A write whose calendar is another one rebuilds the agency instead of adding; every
 *   calendar change rebuilds the months it can touch (a calendar listener, in the change's transaction); a dashboard
 *   reads the summary only of an agency whose fingerprint is the current one, and counts the rows of any other;
 * - the state row of an agency is locked (an update) before its summary is changed, so a write and a calendar change
 *   of the same agency run one after the other on PostgreSQL (SQLite has one writer anyway);
 * - an agency without a state row is not summarised: the rebuild job (queued once per schema version at start-up)
 *   builds it, as does its next write.
 */
import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import { jsonRowsAgg, jsonText, type Db, type DbOrTrx, type Trx } from '../db/database.ts';
import { nowIso, toNumber } from '../db/values.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { CalendarChange } from '../calendar/calendar-hooks.ts';
import { fingerprintOf, loadCalendars } from '../calendar/get-calendar.ts';
import {
  isCountedClosed,
  isOnTime,
  isReply,
  outcomeGroupOf,
  replyWorkdays,
  type CountedRequest,
  type OutcomeGroup,
} from './request-counting.ts';
import { OPEN_STATES } from './request.ts';
import { enqueue } from '../jobs/queue.ts';
import { migrations } from '../db/migrations/index.ts';

export const STAT_COLUMNS = [
  'received',
  'closed_granted',
  'closed_partially_granted',
  'closed_withheld',
  'closed_unable',
  'closed_not_processed',
  'closed_other',
  'replies',
  'on_time',
] as const;
type StatColumn = (typeof STAT_COLUMNS)[number];
const COL = new Map<StatColumn, number>(STAT_COLUMNS.map((c, i) => [c, i]));

/** A month of an agency in memory: the counts (STAT_COLUMNS order) and the replies by working days. */
interface MonthTally {
  counts: number[];
  days: Map<number, number>;
}

/** Summary changes (or a whole summary) in memory, by `agency|month`. */
type Tally = Map<string, MonthTally>;

/** Add (sign 1) or take away (sign −1) a request's contribution to the months from `fromMonth` on. */
function tally(t: Tally, r: CountedRequest, cal: WorkCalendar, sign: 1 | -1, fromMonth = ''): void {
  const monthOf = (month: string): MonthTally => {
    const key = `${r.agencyId}|${month}`;
    let m = t.get(key);
    if (!m) t.set(key, (m = { counts: STAT_COLUMNS.map(() => 0), days: new Map() }));
    return m;
  };
  const bump = (month: string, col: StatColumn) => {
    if (month >= fromMonth) monthOf(month).counts[COL.get(col)!]! += sign;
  };
  if (r.receivedOn) bump(r.receivedOn.slice(0, 7), 'received');
  if (!isCountedClosed(r)) return;
  const month = r.closedOn!.slice(0, 7);
  if (month < fromMonth) return;
  bump(month, `closed_${outcomeGroupOf(r.reportRow)}`);
  if (!isReply(r)) return;
  bump(month, 'replies');
  if (isOnTime(r)) bump(month, 'on_time');
  const days = monthOf(month).days;
  const d = replyWorkdays(r, cal);
  days.set(d, (days.get(d) ?? 0) + sign);
}

const isEmpty = (m: MonthTally) =>
  m.counts.every((x) => x === 0) && [...m.days.values()].every((n) => n === 0);

/** The histogram as stored: `[[working days, replies], …]` by working days, without zero counts. */
const daysJson = (days: Map<number, number>) =>
  JSON.stringify([...days].filter(([, n]) => n !== 0).sort((x, y) => x[0] - y[0]));

function parseDays(json: string): Map<number, number> {
  return new Map((JSON.parse(json) as [number, number][]).map(([d, n]) => [d, n]));
}

/** The median of the values a histogram counts (as `median` over the values one by one). */
export function medianOfHistogram(days: readonly (readonly [number, number])[]): number | null {
  const total = days.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const at = (pos: number) => {
    let seen = 0;
    for (const [d, n] of days) if ((seen += n) > pos) return d;
    throw new Error('position beyond the histogram');
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.floor(total / 2))) / 2;
}

const splitKey = (k: string) => {
  const [a, month] = k.split('|');
  return { agencyId: Number(a), month: month! };
};

function rowOf(key: string, m: MonthTally) {
  const { agencyId, month } = splitKey(key);
  return {
    agency_id: agencyId,
    month,
    ...(Object.fromEntries(STAT_COLUMNS.map((c, i) => [c, m.counts[i]!])) as Record<StatColumn, number>),
    reply_days_json: daysJson(m.days),
  };
}

/**
 * Add a change to one agency's stored months (the caller holds the agency's state row): each month touched is read,
 * changed and written back, or deleted when nothing is left in it (the table holds no empty months).
 */
async function addTally(trx: Trx, agencyId: number, t: Tally): Promise<void> {
  const months = [...t.keys()].map((k) => splitKey(k).month);
  const stored = await trx
    .selectFrom('request_month_stats')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('month', 'in', months)
    .execute();
  const current = new Map(stored.map((r) => [r.month, r]));
  for (const [key, delta] of t) {
    const { month } = splitKey(key);
    const was = current.get(month);
    const next: MonthTally = {
      counts: STAT_COLUMNS.map((c, i) => (was ? toNumber(was[c]) : 0) + delta.counts[i]!),
      days: was ? parseDays(was.reply_days_json) : new Map(),
    };
    for (const [d, n] of delta.days) next.days.set(d, (next.days.get(d) ?? 0) + n);
    if (isEmpty(next)) {
      if (was)
        await trx
          .deleteFrom('request_month_stats')
          .where('agency_id', '=', agencyId)
          .where('month', '=', month)
          .execute();
      continue;
    }
    const row = rowOf(key, next);
    if (was)
      await trx
        .updateTable('request_month_stats')
        .set(row)
        .where('agency_id', '=', agencyId)
        .where('month', '=', month)
        .execute();
    else await trx.insertInto('request_month_stats').values(row).execute();
  }
}

/** Create (if missing) and lock the agencies' state rows; returns each one's stored calendar fingerprint. */
async function lockStates(trx: Trx, agencyIds: readonly number[], now: string): Promise<Map<number, string>> {
  await trx
    .insertInto('request_summary_state')
    .values(agencyIds.map((id) => ({ agency_id: id, calendar_fingerprint: '', built_at: now })))
    .onConflict((oc) => oc.column('agency_id').doNothing())
    .execute();
  const rows = await trx
    .updateTable('request_summary_state')
    .set((eb) => ({ built_at: eb.ref('built_at') }))
    .where('agency_id', 'in', [...agencyIds])
    .returning(['agency_id', 'calendar_fingerprint'])
    .execute();
  return new Map(rows.map((r) => [toNumber(r.agency_id), r.calendar_fingerprint]));
}

const CHUNK = 500;

/**
 * Recompute the summary of these agencies from their request rows, for the months from `fromMonth` on (all when
 * empty), on the calendar the transaction sees, and record that calendar. Returns the rows written.
 */
async function rebuildIn(
  trx: Trx,
  agencyIds: readonly number[],
  now: string,
  fromMonth = '',
): Promise<number> {
  if (!agencyIds.length) return 0;
  await lockStates(trx, agencyIds, now);
  const cals = await loadCalendars(trx, agencyIds);
  const ids = [...agencyIds];
  let del = trx.deleteFrom('request_month_stats').where('agency_id', 'in', ids);
  let rows = trx
    .selectFrom('info_requests')
    .select(['agency_id', 'status', 'received_on', 'closed_on', 'due_on', 'report_row'])
    .where('agency_id', 'in', ids);
  if (fromMonth) {
    del = del.where('month', '>=', fromMonth);
    const from = `${fromMonth}-01`;
    rows = rows.where((eb) => eb.or([eb('received_on', '>=', from), eb('closed_on', '>=', from)]));
  }
  await del.execute();
  const t: Tally = new Map();
  for (const r of await rows.execute()) {
    const agencyId = toNumber(r.agency_id);
    const counted: CountedRequest = {
      agencyId,
      status: r.status,
      receivedOn: r.received_on,
      closedOn: r.closed_on,
      dueOn: r.due_on,
      reportRow: r.report_row,
    };
    tally(t, counted, cals.get(agencyId)!, 1, fromMonth);
  }
  const stats = [...t].filter(([, m]) => !isEmpty(m)).map(([key, m]) => rowOf(key, m));
  for (let i = 0; i < stats.length; i += CHUNK)
    await trx
      .insertInto('request_month_stats')
      .values(stats.slice(i, i + CHUNK))
      .execute();
  for (const id of ids)
    await trx
      .updateTable('request_summary_state')
      .set({ calendar_fingerprint: fingerprintOf(cals.get(id)!) ?? '', built_at: now })
      .where('agency_id', '=', id)
      .execute();
  return stats.length;
}

/**
 * Keep the summary exact after a write to one request, inside the write's transaction: `before` is the request as
 * it counted before (null for a new one), `after` as it counts now, `cal` the agency's calendar the step used.
 */
export async function syncRequestSummary(
  trx: Trx,
  now: Date,
  cal: WorkCalendar,
  before: CountedRequest | null,
  after: CountedRequest,
): Promise<void> {
  const t: Tally = new Map();
  if (before) tally(t, before, cal, -1);
  tally(t, after, cal, 1);
  for (const [k, m] of t) if (isEmpty(m)) t.delete(k);
  // Most steps (a note, a letter, a handler) do not change how the request counts: nothing to write.
  if (t.size === 0) return;
  const at = nowIso(now);
  const stored = (await lockStates(trx, [after.agencyId], at)).get(after.agencyId);
  const fp = fingerprintOf(cal);
  if (fp !== undefined && stored === fp) await addTally(trx, after.agencyId, t);
  // Not built yet, or built on another calendar than this step's: recount the agency (its rows are written).
  else await rebuildIn(trx, [after.agencyId], at);
}

/** A calendar change rebuilds, in its transaction, the months it can touch of every summarised agency it concerns. */
export async function refreshSummaryOnCalendarChange(
  trx: Trx,
  ctx: Ctx,
  change: CalendarChange,
): Promise<void> {
  if (!change.years.length) return;
  let q = trx.selectFrom('request_summary_state').select('agency_id').where('calendar_fingerprint', '!=', '');
  if (change.agencyId != null) q = q.where('agency_id', '=', change.agencyId);
  const ids = (await q.execute()).map((r) => toNumber(r.agency_id));
  // A reply's working days change only if a changed day lies between receipt and reply: it closed on or after
  // 1 January of the earliest changed year.
  const fromMonth = `${Math.min(...change.years)}-01`;
  const at = nowIso(ctx.clock.now());
  for (let i = 0; i < ids.length; i += 100) await rebuildIn(trx, ids.slice(i, i + 100), at, fromMonth);
}

/**
 * Rebuild the summary of the given agencies (every agency when none is given), 100 agencies per transaction; with
 * `onlyStale`, only the agencies not built or built on another calendar than the current one. Returns the
 * agencies rebuilt and the rows written.
 */
export async function rebuildRequestSummary(
  db: Db,
  now: Date,
  opts: { agencyIds?: readonly number[]; onlyStale?: boolean } = {},
): Promise<{ agencies: number; rows: number }> {
  let ids = opts.agencyIds
    ? [...opts.agencyIds]
    : (await db.selectFrom('agencies').select('id').orderBy('id').execute()).map((r) => toNumber(r.id));
  if (opts.onlyStale && ids.length) {
    const [state, cals] = await Promise.all([summaryState(db, ids), loadCalendars(db, ids)]);
    ids = ids.filter((id) => state.get(id) !== fingerprintOf(cals.get(id)!));
  }
  let rows = 0;
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    rows += await db.transaction().execute((trx) => rebuildIn(trx, chunk, nowIso(now)));
  }
  return { agencies: ids.length, rows };
}

/** The job that builds every agency not summarised yet (or summarised on another calendar than the current one). */
export const REBUILD_SUMMARY_JOB = 'requests.rebuild_summary';

/** Its unique key: one run per schema version, however many nodes start on it (the migration head names it). */
export const rebuildSummaryKey = () => `${REBUILD_SUMMARY_JOB}:${Object.keys(migrations).sort().at(-1)}`;

/**
 * The start-up seed: queue the rebuild job once per schema version (an upgrade queues it again). Every node runs the
 * seed; the unique key keeps one job, and the job table's claim (SKIP LOCKED on PostgreSQL) gives it to one worker.
 * Until it has run, the dashboards count the rows of the agencies not summarised.
 */
export const requestSummarySeed = {
  name: 'request-summary',
  run: async (ctx: Ctx): Promise<void> => {
    await enqueue(ctx.db, REBUILD_SUMMARY_JOB, {}, { uniqueKey: rebuildSummaryKey() });
  },
};

/** The job's handler: the stale check over every agency, then the rebuild, 100 agencies per transaction. */
export async function rebuildSummaryJob(ctx: Ctx): Promise<void> {
  await rebuildRequestSummary(ctx.db, ctx.clock.now(), { onlyStale: true });
}

/** The stored calendar fingerprint of each summarised agency (absent: not summarised). */
export async function summaryState(db: DbOrTrx, agencyIds: readonly number[]): Promise<Map<number, string>> {
  if (!agencyIds.length) return new Map();
  const rows = await db
    .selectFrom('request_summary_state')
    .select(['agency_id', 'calendar_fingerprint'])
    .where('agency_id', 'in', [...agencyIds])
    .where('calendar_fingerprint', '!=', '')
    .execute();
  return new Map(rows.map((r) => [toNumber(r.agency_id), r.calendar_fingerprint]));
}

/** One month of an agency's summary. */
export interface MonthSummary {
  /** 'YYYY-MM'. */
  month: string;
  received: number;
  closed: Record<OutcomeGroup, number>;
  replies: number;
  onTime: number;
  /** Median working days from receipt to reply (null: no reply that month). */
  medianDays: number | null;
}

// Positions in a month as the database sends it: [month, ...STAT_COLUMNS, histogram].
const AT = Object.fromEntries(STAT_COLUMNS.map((c, i) => [c, i + 1])) as Record<StatColumn, number>;
const DAYS_AT = STAT_COLUMNS.length + 1;

/** One agency's months from the database's JSON array (a plain loop: a county decodes 200 of them per view). */
function decodeMonths(json: string): readonly MonthSummary[] {
  const raw = JSON.parse(json) as (string | number | [number, number][])[][];
  const list: MonthSummary[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const m = raw[i] as number[];
    list[i] = Object.freeze({
      month: raw[i]![0] as string,
      received: m[AT.received]!,
      closed: Object.freeze({
        granted: m[AT.closed_granted]!,
        partially_granted: m[AT.closed_partially_granted]!,
        withheld: m[AT.closed_withheld]!,
        unable: m[AT.closed_unable]!,
        not_processed: m[AT.closed_not_processed]!,
        other: m[AT.closed_other]!,
      }),
      replies: m[AT.replies]!,
      onTime: m[AT.on_time]!,
      medianDays: medianOfHistogram(raw[i]![DAYS_AT] as [number, number][]),
    });
  }
  return Object.freeze(list);
}

/**
 * Each agency's months as last decoded, with the JSON they were decoded from (per database handle): an agency whose
 * months the database sends unchanged is not decoded again — the database still builds them on every read, so
 * the answer is never stale; a changed agency (any write, any calendar change) sends other JSON and is decoded anew.
 * At most one entry per agency. The months are frozen: a caller cannot change what the next one reads.
 */
const decoded = new WeakMap<
  object,
  Map<number, { json: string; year: number; months: readonly MonthSummary[] }>
>();

/**
 * The months of a year of each agency (only months with something in them), the median from each histogram. One
 * row per agency (its months as one JSON array, built by the database): the driver decodes agencies, not months.
 */
export async function readMonthSummaries(
  db: DbOrTrx,
  agencyIds: readonly number[],
  year: number,
): Promise<Map<number, readonly MonthSummary[]>> {
  const out = new Map<number, readonly MonthSummary[]>();
  if (!agencyIds.length) return out;
  const months = jsonRowsAgg(db, [
    ...['month', ...STAT_COLUMNS].map((c) => sql.ref(c)),
    jsonText(db, 'reply_days_json'),
  ]);
  const rows = await sql<{ agency_id: unknown; months: string }>`
    select agency_id, ${months} as months from request_month_stats
    where agency_id in (${sql.join([...agencyIds])}) and month >= ${`${year}-01`} and month <= ${`${year}-12`}
    group by agency_id`.execute(db);
  let cache = decoded.get(db);
  if (!cache) decoded.set(db, (cache = new Map()));
  for (const r of rows.rows) {
    const id = toNumber(r.agency_id);
    const hit = cache.get(id);
    if (hit && hit.json === r.months && hit.year === year) {
      out.set(id, hit.months);
      continue;
    }
    const months = decodeMonths(r.months);
    cache.set(id, { json: r.months, year, months });
    out.set(id, months);
  }
  return out;
}

/**
 * Open requests of each agency by due date on `today` (overdue, due by the agency's horizon, later), counted in
 * the database; `horizons` gives each agency's last "due soon" date.
 */
export async function openByDueBucket(
  db: DbOrTrx,
  horizons: ReadonlyMap<number, string>,
  today: string,
): Promise<Map<number, { overdue: number; soon: number; later: number }>> {
  const out = new Map<number, { overdue: number; soon: number; later: number }>();
  if (!horizons.size) return out;
  const byHorizon = new Map<string, number[]>();
  for (const [id, h] of horizons) byHorizon.set(h, [...(byHorizon.get(h) ?? []), id]);
  const horizon = sql`case ${sql.join(
    [...byHorizon].map(([h, ids]) => sql`when agency_id in (${sql.join(ids)}) then ${h}`),
    sql` `,
  )} end`;
  const open = sql.join([...OPEN_STATES]);
  const rows = await sql<{ agency_id: unknown; overdue: unknown; soon: unknown; n: unknown }>`
    select agency_id,
      sum(case when due_on < ${today} then 1 else 0 end) as overdue,
      sum(case when due_on >= ${today} and due_on <= ${horizon} then 1 else 0 end) as soon,
      count(*) as n
    from info_requests
    where agency_id in (${sql.join([...horizons.keys()])}) and status in (${open}) and due_on is not null
    group by agency_id`.execute(db);
  for (const r of rows.rows) {
    const overdue = toNumber(r.overdue);
    const soon = toNumber(r.soon);
    out.set(toNumber(r.agency_id), { overdue, soon, later: toNumber(r.n) - overdue - soon });
  }
  return out;
}
