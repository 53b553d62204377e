/**
 * Table A of the annual report (主动公开政府信息情况, 条例第二十条第（一）（五）（六）（八）项) computed from the agency's
 * own data: 规章 / 行政规范性文件 published on the portal, and the art. 20 registers. Cells are keyed exactly like the
 * checker's addresses (`A.<block>.<row>.<col>`, ids of annual-report-format.json), and the checker's rules A-INT,
 * A-REG and (against the computed previous year) the soft X-INFORCE are run on them.
 *
 * Counting (interpretation, documented in docs/publications.md): a document counts in the year of its 成文日期
 * (its publication date when that is missing); 本年废止件数 counts documents whose 废止 or 失效 date falls in the
 * year; 现行有效件数 counts those issued by 31 December and not repealed or expired by then — so
 * in_force(N) = in_force(N−1) + issued(N) − repealed(N) holds by construction.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';
import { getAgency } from '../org/org.queries.ts';
import { checkCells, type BodyLevel } from '../annual-report/index.ts';
import { A_CELL_ADDRESSES, emptyCells, type ACellAddress, type Cells } from '../annual-report/index.ts';
import type { Finding } from '../annual-report/finding.ts';
import { yuanToWanYuan } from './publication.schema.ts';
import type { AgencyKind } from '../org/org.ts';

export interface TableA {
  year: number;
  /** Every A cell; the fee cell is the 万元 figure as a number with at most 4 decimals. */
  cells: Record<ACellAddress, number>;
  /** The fee cell exactly, as a decimal string with 4 places (万元). */
  amountWanYuan: string;
  /** Findings of A-INT, A-REG and X-INFORCE (against the computed previous year). */
  findings: Finding[];
}

const LEVEL: Record<AgencyKind, BodyLevel> = {
  township: 'township',
  county: 'county_government',
  department: 'county_department',
  city: 'higher',
  province: 'higher',
};

/** Issued / repealed / in force per document kind, in one pass over the agency's 规章 and 规范性文件. */
async function docCounts(db: DbOrTrx, agencyId: number, year: number) {
  const end = `${year}-12-31`;
  const start = `${year}-01-01`;
  const r = await sql<{ doc_kind: string; issued: number; repealed: number; in_force: number }>`
    select
      doc_kind,
      coalesce(sum(case when coalesce(written_on, published_on) between ${start} and ${end} then 1 else 0 end), 0) as issued,
      coalesce(sum(case when validity <> 'in_force' and repealed_on between ${start} and ${end} then 1 else 0 end), 0) as repealed,
      coalesce(sum(case when coalesce(written_on, published_on) <= ${end}
                     and (validity = 'in_force' or repealed_on is null or repealed_on > ${end}) then 1 else 0 end), 0) as in_force
    from publications
    where agency_id = ${agencyId} and doc_kind in ('regulations', 'normative_documents')
      and status = 'published' and attribute = 'proactive'
    group by doc_kind`.execute(db);
  const out = new Map<string, { issued: number; repealed: number; in_force: number }>();
  for (const row of r.rows) {
    out.set(row.doc_kind, {
      issued: toNumber(row.issued),
      repealed: toNumber(row.repealed),
      in_force: toNumber(row.in_force),
    });
  }
  return out;
}

async function rawCells(
  db: DbOrTrx,
  agencyId: number,
  year: number,
): Promise<{ cells: Record<ACellAddress, number>; wan: string }> {
  const cells = Object.fromEntries(A_CELL_ADDRESSES.map((a) => [a, 0])) as Record<ACellAddress, number>;
  const counts = await docCounts(db, agencyId, year);
  for (const row of ['regulations', 'normative_documents'] as const) {
    const c = counts.get(row) ?? { issued: 0, repealed: 0, in_force: 0 };
    cells[`A.art20_1.${row}.issued`] = c.issued;
    cells[`A.art20_1.${row}.repealed`] = c.repealed;
    cells[`A.art20_1.${row}.in_force`] = c.in_force;
  }
  const decisions = await db
    .selectFrom('art20_decisions')
    .select(['kind', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .groupBy('kind')
    .execute();
  const n = (k: string) => toNumber(decisions.find((d) => d.kind === k)?.n ?? 0);
  cells['A.art20_5.administrative_licensing.decisions'] = n('administrative_licensing');
  cells['A.art20_6.administrative_penalty.decisions'] = n('administrative_penalty');
  cells['A.art20_6.administrative_coercion.decisions'] = n('administrative_coercion');
  const fees = await db
    .selectFrom('art20_fees')
    .select((eb) => eb.fn.sum<number>('amount_yuan').as('yuan'))
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  const wan = yuanToWanYuan(toNumber(fees?.yuan ?? 0));
  // The checker's cell type is a number; a decimal string with ≤ 4 places converts exactly enough for display and
  // comparison, and the exact figure is returned beside it.
  cells['A.art20_8.administrative_fees.amount_wan_yuan'] = Number(wan);
  return { cells, wan };
}

const asCells = (a: Record<ACellAddress, number>): Cells => ({ ...emptyCells(), ...a });

/** Compute table A for an agency and year, with the checker's findings on it. */
export async function computeTableA(db: DbOrTrx, agencyId: number, year: number): Promise<TableA> {
  const agency = await getAgency(db, agencyId);
  const now = await rawCells(db, agencyId, year);
  const prev = await rawCells(db, agencyId, year - 1);
  const findings = checkCells(asCells(now.cells), {
    bodyLevel: LEVEL[agency.kind],
    previous: asCells(prev.cells),
  }).filter((f) => f.rule.startsWith('A-') || f.rule === 'X-INFORCE');
  return { year, cells: now.cells, amountWanYuan: now.wan, findings };
}
