/**
 * Tables B and C of the annual report, computed straight from the requests and cases, keyed exactly like the
 * checker's cell addresses (`B.<row>.<col>`, `C.<group>.<col>` of annual-report-format.json), plus the fee figures
 * of section 六 and the counts the narrative quotes.
 *
 * Counting (annual-report-format.md §3.3, disclosure-rules.md §7): a request counts as new in the year it was
 * received, is closed in the year it got its outcome (closed_on), and an open request on 31 December is
 * carried forward (and carried over into the next year). Every closed request has one stored Table B row.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';
import {
  B_APPLICANT_COLUMNS,
  B_COLUMNS,
  B_ROWS,
  C_COLUMNS,
  C_GROUPS,
  type BCellAddress,
  type CCellAddress,
} from '../annual-report/index.ts';

export type TableB = Record<BCellAddress, number>;
export type TableC = Record<CCellAddress, number>;

const yearBounds = (year: number) => ({ first: `${year}-01-01`, last: `${year}-12-31` });

function emptyB(): TableB {
  const t = {} as TableB;
  for (const r of B_ROWS) for (const c of B_COLUMNS) t[`B.${r}.${c}` as BCellAddress] = 0;
  return t;
}

function add(t: TableB, row: string, kind: string, n: number): void {
  const col = (B_APPLICANT_COLUMNS as string[]).includes(kind) ? kind : 'other_org';
  t[`B.${row}.${col}` as BCellAddress] += n;
  t[`B.${row}.total` as BCellAddress] += n;
}

/**
 * Table B of an agency's year from its requests, in one aggregate pass over the rows that touch the year (received
 * by 31 December and not closed before 1 January), which the covering index info_requests_report_idx serves.
 */
export async function computeTableB(db: DbOrTrx, agencyId: number, year: number): Promise<TableB> {
  const { first, last } = yearBounds(year);
  const t = emptyB();
  const rows = await db
    .selectFrom('info_requests')
    .select([
      'applicant_kind',
      'report_row',
      sql<number>`sum(case when received_on >= ${first} then 1 else 0 end)`.as('new_received'),
      sql<number>`sum(case when received_on < ${first} then 1 else 0 end)`.as('carried_over'),
      sql<number>`sum(case when closed_on <= ${last} then 1 else 0 end)`.as('closed'),
      sql<number>`sum(case when closed_on is null or closed_on > ${last} then 1 else 0 end)`.as(
        'carried_forward',
      ),
    ])
    .where('agency_id', '=', agencyId)
    .where('received_on', 'is not', null)
    .where('received_on', '<=', last)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', first)]))
    .groupBy(['applicant_kind', 'report_row'])
    .execute();
  for (const r of rows) {
    add(t, 'new_received', r.applicant_kind, toNumber(r.new_received));
    add(t, 'carried_over', r.applicant_kind, toNumber(r.carried_over));
    add(t, 'carried_forward', r.applicant_kind, toNumber(r.carried_forward));
    const closed = toNumber(r.closed);
    if (closed === 0) continue;
    const row = (B_ROWS as readonly string[]).includes(r.report_row ?? '')
      ? r.report_row!
      : 'result.other.other';
    add(t, row, r.applicant_kind, closed);
    add(t, 'result.total', r.applicant_kind, closed);
  }
  return t;
}

/**
 * Table C of an agency's year: cases filed in the year, by kind, with their result as it stood on 31 December
 * (a case concluded later is still 尚未审结 for that year — interpretation).
 */
export async function computeTableC(db: DbOrTrx, agencyId: number, year: number): Promise<TableC> {
  const { first, last } = yearBounds(year);
  const t = {} as TableC;
  for (const g of C_GROUPS) for (const c of C_COLUMNS) t[`C.${g}.${c}` as CCellAddress] = 0;
  const rows = await db
    .selectFrom('request_appeals')
    .select(['kind', 'result', 'concluded_on'])
    .where('agency_id', '=', agencyId)
    .where('filed_on', '>=', first)
    .where('filed_on', '<=', last)
    .execute();
  for (const r of rows) {
    if (!(C_GROUPS as readonly string[]).includes(r.kind)) continue;
    const concluded = r.result !== 'pending' && r.concluded_on != null && r.concluded_on <= last;
    const col = concluded ? r.result : 'pending';
    t[`C.${r.kind}.${col}` as CCellAddress] += 1;
    t[`C.${r.kind}.total` as CCellAddress] += 1;
  }
  return t;
}

export interface FeeTotals {
  /** 发出信息处理费收费通知件数 (notices whose applicant received them in the year). */
  fee_notices_issued: number;
  /** 收费通知金额 (元). */
  fee_amount_billed_yuan: number;
  /** 实际收取金额 (元), by payment date. */
  fee_amount_collected_yuan: number;
}

/** Section 六's 信息处理费 figures of an agency's year (annual-report-format.json other_matters). */
export async function computeFeeTotals(db: DbOrTrx, agencyId: number, year: number): Promise<FeeTotals> {
  const { first, last } = yearBounds(year);
  const [billed, collected] = await Promise.all([
    db
      .selectFrom('info_requests')
      .select([(eb) => eb.fn.countAll().as('n'), sql<number>`coalesce(sum(fee_amount), 0)`.as('amount')])
      .where('agency_id', '=', agencyId)
      .where('fee_notice_on', '>=', first)
      .where('fee_notice_on', '<=', last)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('info_requests')
      .select(sql<number>`coalesce(sum(fee_paid_amount), 0)`.as('amount'))
      .where('agency_id', '=', agencyId)
      .where('fee_paid_on', '>=', first)
      .where('fee_paid_on', '<=', last)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    fee_notices_issued: toNumber(billed.n),
    fee_amount_billed_yuan: toNumber(billed.amount),
    fee_amount_collected_yuan: toNumber(collected.amount),
  };
}

export interface NarrativeCounts {
  /** Received in the year. */
  received: number;
  /** Closed (answered or otherwise concluded) in the year. */
  answered: number;
  /** Of those answered, how many were answered on or before their due date (closing steps without reply excluded). */
  answeredOnTime: number;
  /** Replies issued after the due date. */
  answeredLate: number;
  carriedOver: number;
  carriedForward: number;
}

/** Counts the annual report's narrative quotes (一、总体情况 — 依申请公开). */
export async function computeNarrativeCounts(
  db: DbOrTrx,
  agencyId: number,
  year: number,
  /** Table B of the same agency and year when the caller has it already (the generator does). */
  tableB?: TableB,
): Promise<NarrativeCounts> {
  const { first, last } = yearBounds(year);
  const b = tableB ?? (await computeTableB(db, agencyId, year));
  const timely = await db
    .selectFrom('info_requests')
    .select([
      sql<number>`sum(case when due_on is null or closed_on <= due_on then 1 else 0 end)`.as('on_time'),
      sql<number>`sum(case when due_on is not null and closed_on > due_on then 1 else 0 end)`.as('late'),
    ])
    .where('agency_id', '=', agencyId)
    .where('closed_on', '>=', first)
    .where('closed_on', '<=', last)
    .where('approved_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return {
    received: b['B.new_received.total'],
    answered: b['B.result.total.total'],
    answeredOnTime: toNumber(timely.on_time),
    answeredLate: toNumber(timely.late),
    carriedOver: b['B.carried_over.total'],
    carriedForward: b['B.carried_forward.total'],
  };
}

export interface RequestReport {
  tableB: TableB;
  tableC: TableC;
  fees: FeeTotals;
  counts: NarrativeCounts;
}

/** Everything the annual report takes from the requests of an agency's year, with table B computed once. */
export async function computeRequestReport(
  db: DbOrTrx,
  agencyId: number,
  year: number,
): Promise<RequestReport> {
  const tableBPromise = computeTableB(db, agencyId, year);
  const [tableB, tableC, fees, counts] = await Promise.all([
    tableBPromise,
    computeTableC(db, agencyId, year),
    computeFeeTotals(db, agencyId, year),
    tableBPromise.then((b) => computeNarrativeCounts(db, agencyId, year, b)),
  ]);
  return { tableB, tableC, fees, counts };
}
