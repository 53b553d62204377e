/** All SQL of the annual-report generator that is not a use case's own write: reads and row → domain mapping. */
import { z } from 'zod';
import { decode, defineSetting, readSetting, readSettingOfAgencies } from '../../settings/agency-settings.ts';
import { sql } from 'kysely';
import { AGENCY_COLUMNS, agencyOfRawRow, type RawAgencyRow } from '../../org/org.queries.ts';
import type { Agency } from '../../org/org.ts';
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { AnnualReportTable } from './report.tables.ts';
import { parseJson, toNumber } from '../../db/values.ts';
import { NotFoundError } from '../../errors.ts';
import type { Finding } from '../finding.ts';
import {
  CELL_ADDRESSES,
  SECTION_IDS,
  emptyCells,
  type Cells,
  type Fees,
  type SectionId,
} from '../report-format.ts';
import type {
  AnnualReport,
  Acknowledgment,
  ReportHead,
  ReportOrigin,
  ReportStatus,
  Texts,
} from './report.ts';

/** A stored cell map → the 200 cells (a missing address reads as null, never invented). */
export function cellsFromJson(v: unknown): Cells {
  const raw = parseJson<Record<string, number | null>>(v, {});
  const cells = emptyCells();
  for (const a of CELL_ADDRESSES) {
    const x = raw[a];
    cells[a] = typeof x === 'number' ? x : null;
  }
  return cells;
}

export function textsFromJson(v: unknown): Texts {
  const raw = parseJson<Partial<Record<SectionId, string>>>(v, {});
  return Object.fromEntries(SECTION_IDS.map((id) => [id, raw[id] ?? ''])) as Texts;
}

/** The columns of a report head (every column but the narrative, fees and edit marks). */
/** What a report head reads: every column but the narrative, the fees and the edit marks (the overview's rows). */
const HEAD_COLUMNS = [
  'id',
  'agency_id',
  'year',
  'origin',
  'status',
  'cells_json',
  'findings_json',
  'snapshot_id',
  'generated_at',
  'generated_by_name',
  'source_file',
  'approver_name',
  'finalised_at',
  'finalised_by_name',
  'published_at',
  'published_by_name',
  'reopen_count',
  'version',
] as const satisfies readonly (keyof Selectable<AnnualReportTable>)[];
type HeadColumns = Pick<Selectable<AnnualReportTable>, (typeof HEAD_COLUMNS)[number]>;

function toReportHead(r: HeadColumns): ReportHead {
  return {
    id: toNumber(r.id),
    agencyId: toNumber(r.agency_id),
    year: toNumber(r.year),
    origin: r.origin as ReportOrigin,
    status: r.status as ReportStatus,
    cells: cellsFromJson(r.cells_json),
    findings: parseJson<Finding[]>(r.findings_json, []),
    snapshotId: r.snapshot_id == null ? null : toNumber(r.snapshot_id),
    generatedAt: r.generated_at,
    generatedByName: r.generated_by_name,
    sourceFile: r.source_file ?? null,
    approverName: r.approver_name ?? null,
    finalisedAt: r.finalised_at ?? null,
    finalisedByName: r.finalised_by_name ?? null,
    publishedAt: r.published_at ?? null,
    publishedByName: r.published_by_name ?? null,
    reopenCount: toNumber(r.reopen_count),
    version: toNumber(r.version),
  };
}

export function toReport(r: Selectable<AnnualReportTable>): AnnualReport {
  return {
    ...toReportHead(r),
    fees: parseJson<Fees>(r.fees_json, {
      fee_notices_issued: null,
      fee_amount_billed_yuan: null,
      fee_amount_collected_yuan: null,
    }),
    texts: textsFromJson(r.texts_json),
    edited: parseJson<SectionId[]>(r.edited_json, []),
  };
}

export async function findReport(db: DbOrTrx, id: number): Promise<AnnualReport | undefined> {
  const r = await db.selectFrom('annual_reports').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toReport(r) : undefined;
}

export async function getReport(db: DbOrTrx, id: number): Promise<AnnualReport> {
  const r = await findReport(db, id);
  if (!r) throw new NotFoundError('未找到该年度报告');
  return r;
}

export async function findReportFor(
  db: DbOrTrx,
  agencyId: number,
  year: number,
): Promise<AnnualReport | undefined> {
  const r = await db
    .selectFrom('annual_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return r ? toReport(r) : undefined;
}

/** An agency's reports, newest year first. */
export async function listReports(db: DbOrTrx, agencyId: number): Promise<AnnualReport[]> {
  const rows = await db
    .selectFrom('annual_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('year', 'desc')
    .execute();
  return rows.map(toReport);
}

/** The published reports of an agency (the portal's 信息公开年报 column), newest first. */
export async function listPublishedReports(db: DbOrTrx, agencyId: number): Promise<AnnualReport[]> {
  const rows = await db
    .selectFrom('annual_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .orderBy('year', 'desc')
    .execute();
  return rows.map(toReport);
}

export async function listAcknowledgments(db: DbOrTrx, reportId: number): Promise<Acknowledgment[]> {
  const rows = await db
    .selectFrom('annual_report_acks')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    fingerprint: r.fingerprint,
    rule: r.rule,
    message: r.message,
    reason: r.reason,
    ackedByName: r.acked_by_name,
    ackedAt: r.acked_at,
  }));
}

export interface Snapshot {
  id: number;
  reportId: number;
  takenAt: string;
  takenByName: string;
  sourceCounts: Record<string, number>;
}

export async function findSnapshot(db: DbOrTrx, id: number): Promise<Snapshot | undefined> {
  const r = await db
    .selectFrom('annual_report_snapshots')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: toNumber(r.id),
    reportId: toNumber(r.report_id),
    takenAt: r.taken_at,
    takenByName: r.taken_by_name,
    sourceCounts: parseJson<Record<string, number>>(r.source_counts_json, {}),
  };
}

/** The county's deadline for an agency's report ('MM-DD'), when it set one (else the statutory default applies). */
export const DEADLINE_SETTING = defineSetting<string | undefined>(
  'annual_report.deadline',
  z
    .string()
    .regex(/^\d{2}-\d{2}$/)
    .optional(),
  undefined,
);

/** The agency's own deadline setting ('MM-DD'), if the county set one. */
export async function deadlineSetting(db: DbOrTrx, agencyId: number): Promise<string | undefined> {
  return readSetting(db, agencyId, DEADLINE_SETTING);
}

/** Deadline settings of several agencies. */
export async function deadlineSettings(
  db: DbOrTrx,
  agencyIds: readonly number[],
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const [id, v] of await readSettingOfAgencies(db, agencyIds, DEADLINE_SETTING)) if (v) out.set(id, v);
  return out;
}

/**
 * What a parent's overview of a year reads, in one statement: the parent's ancestors (its scope, for the policy) and
 * the parent with every agency below it (a recursive walk down the tree, for the rows and their depths), each of the
 * latter with its report of the year (without its narrative, which the overview never shows) and its deadline setting.
 * Nothing outside that subtree and its line upwards is read, so the statement grows with the county, not with the
 * installation (a province hosts a hundred counties; docs/scale.md, "Seventeenth pass"). Both walks use `union`, so
 * a parent_id cycle (which the org rules forbid, but a hand-edited database could hold) ends them instead of looping.
 */
export async function overviewRead(
  db: DbOrTrx,
  parentId: number,
  year: number,
): Promise<{ agencies: Agency[]; reports: Map<number, ReportHead>; deadlines: Map<number, string> }> {
  const rows = await sql<
    HeadColumns & RawAgencyRow<'ag_'> & { ag_deadline_json: string | null }
  >`with recursive below(id) as (
      select id from agencies where id = ${parentId}
      union select a.id from agencies a join below b on a.parent_id = b.id
    ), above(id) as (
      select parent_id from agencies where id = ${parentId} and parent_id is not null
      union select a.parent_id from agencies a join above u on a.id = u.id where a.parent_id is not null
    ), line(id, below) as (
      select id, 1 from below union all select id, 0 from above
    )
    select ${sql.join(AGENCY_COLUMNS.map((k) => sql`${sql.ref(`a.${k}`)} as ${sql.ref(`ag_${k}`)}`))},
      s.value_json as ag_deadline_json, ${sql.join(HEAD_COLUMNS.map((k) => sql.ref(`r.${k}`)))}
    from line l
    join agencies a on a.id = l.id
    left join annual_reports r on l.below = 1 and r.agency_id = a.id and r.year = ${year}
    left join agency_settings s on l.below = 1 and s.agency_id = a.id and s.key = ${DEADLINE_SETTING.key}
    order by a.id`.execute(db);
  const agencies: Agency[] = [];
  const reports = new Map<number, ReportHead>();
  const deadlines = new Map<number, string>();
  for (const r of rows.rows) {
    const agency = agencyOfRawRow(r, 'ag_');
    const id = agency.id;
    agencies.push(agency);
    if (r.id != null) reports.set(id, toReportHead(r));
    const deadline = decode(DEADLINE_SETTING, r.ag_deadline_json);
    if (deadline) deadlines.set(id, deadline);
  }
  return { agencies, reports, deadlines };
}

/** The columns a generation or an import writes; identity, version and creation are set by upsertReport. */
export type ReportContent = Omit<
  Insertable<AnnualReportTable>,
  'agency_id' | 'year' | 'reopen_count' | 'version' | 'created_at'
>;

/**
 * Write an agency's report of a year inside the caller's transaction: update the existing row (version + 1) or
 * insert a new one. Returns the report id.
 */
export async function upsertReport(
  trx: Trx,
  existing: { id: number; version: number } | undefined,
  key: { agencyId: number; year: number; now: string },
  content: ReportContent,
): Promise<number> {
  if (existing) {
    await trx
      .updateTable('annual_reports')
      .set({ ...content, version: existing.version + 1 })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const ins = await trx
    .insertInto('annual_reports')
    .values({
      ...content,
      agency_id: key.agencyId,
      year: key.year,
      reopen_count: 0,
      version: 1,
      created_at: key.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return ins.id;
}
