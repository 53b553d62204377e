/**
 * The county supervising dashboard's reads (county-dashboard.ts): the tree below the county with each agency's
 * report of a year and its deadline setting in one statement, then every figure of every agency in one more — a
 * grouped count per table (figure family), not a correlated count per agency and figure.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';
import { agencyOfRawRow, type RawAgencyRow } from '../org/org.queries.ts';
import type { Agency } from '../org/org.ts';
import { decode } from '../settings/agency-settings.ts';
import { DEADLINE_SETTING } from '../annual-report/index.ts';

export interface CountyTreeRow {
  agency: Agency;
  /** The status of the agency's report of the year asked for (null: none). */
  reportStatus: string | null;
  /** The agency's deadline setting ('MM-DD'), if set. */
  deadline: string | undefined;
}

/** The county and every agency below it (a recursive walk down the tree), in id order. */
export async function countyTree(
  db: DbOrTrx,
  countyId: number,
  reportYear: number,
): Promise<CountyTreeRow[]> {
  const rows = await sql<
    RawAgencyRow & { report_status: string | null; deadline_json: string | null }
  >`with recursive below(id) as (
      select id from agencies where id = ${countyId}
      union all select a.id from agencies a join below b on a.parent_id = b.id
    )
    select a.id, a.code, a.name, a.short_name, a.kind, a.parent_id, a.is_people_government,
      a.disclosure_office_id, r.status as report_status, s.value_json as deadline_json
    from below d
    join agencies a on a.id = d.id
    left join annual_reports r on r.agency_id = a.id and r.year = ${reportYear}
    left join agency_settings s on s.agency_id = a.id and s.key = ${DEADLINE_SETTING.key}
    order by a.id`.execute(db);
  return rows.rows.map((r) => ({
    agency: agencyOfRawRow(r),
    reportStatus: r.report_status,
    deadline: decode(DEADLINE_SETTING, r.deadline_json),
  }));
}

export interface SupervisionCutoffs {
  /** Business date: anything due before it is late. */
  today: string;
  /** ISO timestamp: an item in review last changed before it is stuck. */
  stuckBefore: string;
  openRequestStates: readonly string[];
  unpublishedStates: readonly string[];
  inquiryWaitingStates: readonly string[];
}

/** The figure families, in the order of the union below. */
export const FIGURE_ORDER = [
  'overdueRequests',
  'latePublications',
  'stuckReviews',
  'lateVillageItems',
  'overdueInquiries',
  'openProblems',
] as const;

/**
 * Every figure of every agency given, one statement: one grouped count per figure (each over its table's index on
 * the agency), tagged with the figure's position in FIGURE_ORDER. Agencies with nothing to count have no row.
 */
export async function supervisionCounts(
  db: DbOrTrx,
  agencyIds: readonly number[],
  c: SupervisionCutoffs,
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!agencyIds.length) return out;
  const ids = sql.join([...agencyIds]);
  const rows = await sql<{ agency_id: unknown; k: unknown; n: unknown }>`
    select agency_id, 0 as k, count(*) as n from info_requests
      where agency_id in (${ids}) and status in (${sql.join([...c.openRequestStates])}) and due_on < ${c.today}
      group by agency_id
    union all select agency_id, 1, count(*) from publications
      where agency_id in (${ids}) and attribute = 'proactive' and status in (${sql.join([...c.unpublishedStates])})
        and due_on < ${c.today}
      group by agency_id
    union all select agency_id, 2, count(*) from publications
      where agency_id in (${ids}) and status = 'in_review' and updated_at < ${c.stuckBefore}
      group by agency_id
    union all select agency_id, 3, count(*) from village_disclosures
      where agency_id in (${ids}) and status <> 'published' and due_on < ${c.today}
      group by agency_id
    union all select agency_id, 4, count(*) from inquiries
      where agency_id in (${ids}) and status in (${sql.join([...c.inquiryWaitingStates])}) and due_on < ${c.today}
      group by agency_id
    union all select agency_id, 5, count(*) from sv_problems
      where agency_id in (${ids}) and status <> 'closed'
      group by agency_id`.execute(db);
  for (const r of rows.rows) {
    const id = toNumber(r.agency_id);
    let counts = out.get(id);
    if (!counts) out.set(id, (counts = FIGURE_ORDER.map(() => 0)));
    counts[toNumber(r.k)] = toNumber(r.n);
  }
  return out;
}
