/**
 * What a report is generated from: the agency's own records for the year. Table B and C and the 信息处理费 figures
 * come from 依申请公开 (src/requests), table A and the proactive-disclosure facts from 主动公开 (src/publications).
 * Each source computes its cells keyed by the checker's addresses; this module only gathers them, counts the
 * source rows for the snapshot, and notes closed requests whose outcome has no table B row (they block finalising,
 * disclosure-rules.md §7: “An outcome code with no mapping blocks report generation”).
 */
import type { DbOrTrx } from '../../db/database.ts';
import { toNumber } from '../../db/values.ts';
import { computeRequestReport, type NarrativeCounts } from '../../requests/index.ts';
import { computeTableA } from '../../publications/index.ts';
import { publicationStats } from '../../publications/index.ts';
import { CHANNEL_LABELS, type Channel } from '../../publications/index.ts';
import { countByKind } from '../../villages/index.ts';
import { B_ROWS, C_GROUPS, emptyCells, type Cells, type Fees } from '../report-format.ts';
import { supervisionFacts, type SupervisionFacts } from '../../supervision/index.ts';

/** Facts the narrative quotes besides the cells. */
export interface ReportFacts {
  requests: NarrativeCounts;
  /** Proactive disclosure: items published in the year, per catalogue category and per channel (null: no source). */
  proactive: ProactiveFacts | null;
  /** 监督保障 records of the year (null: none; absent in facts stored before the feature). */
  supervision?: SupervisionFacts | null;
  /** 村级公开 of a township's villages (null: the agency has no villages). */
  villages?: VillageFacts | null;
}

export interface VillageFacts {
  villages: number;
  party: number;
  affairs: number;
  finance: number;
}

export interface ProactiveFacts {
  published: number;
  /** code: the catalogue code (absent in facts stored before it was kept). */
  byCategory: { name: string; count: number; code?: string }[];
  byChannel: { channel: string; label: string; count: number }[];
  /** Items published after their 20-working-day due date (条例第二十六条). */
  late: number;
}

export interface ReportSources {
  cells: Cells;
  fees: Fees;
  facts: ReportFacts;
  /** How many rows of each source the generation read (the snapshot's evidence). */
  counts: Record<string, number>;
  /** References of closed requests whose stored outcome row is not a table B row. */
  unmapped: string[];
}

const yearBounds = (year: number) => ({ first: `${year}-01-01`, last: `${year}-12-31` });

/** Gather every source of an agency's report for a year. Read-only. */
export async function gatherSources(db: DbOrTrx, agencyId: number, year: number): Promise<ReportSources> {
  const { first, last } = yearBounds(year);
  const [
    tableA,
    stats,
    { tableB, tableC, fees, counts: requests },
    registers,
    unmapped,
    supervision,
    village,
  ] = await Promise.all([
    computeTableA(db, agencyId, year),
    publicationStats(db, agencyId, year),
    computeRequestReport(db, agencyId, year),
    countRegisterSources(db, agencyId, year),
    unmappedRequests(db, agencyId, first, last),
    supervisionFacts(db, agencyId, year),
    countByKind(db, agencyId, year),
  ]);
  const cells = emptyCells();
  Object.assign(cells, tableA.cells, tableB, tableC);
  const proactive: ProactiveFacts = {
    published: stats.published,
    byCategory: stats.byCategory.map((c) => ({ name: c.name, count: c.count, code: c.code })),
    byChannel: Object.entries(stats.byChannel)
      .filter(([, count]) => count > 0)
      .map(([channel, count]) => ({ channel, label: CHANNEL_LABELS[channel as Channel] ?? channel, count }))
      .sort((a, b) => b.count - a.count),
    late: stats.publishedLate,
  };
  return {
    cells,
    fees: { ...fees },
    facts: {
      requests,
      proactive,
      supervision,
      villages: village.villages ? { villages: village.villages, ...village.counts } : null,
    },
    // The rows read, counted from what was read: requests received in the year or carried into it, cases filed
    // in it, items published in it, register entries of it.
    counts: {
      info_requests: tableB['B.new_received.total'] + tableB['B.carried_over.total'],
      request_appeals: C_GROUPS.reduce((n, g) => n + tableC[`C.${g}.total`], 0),
      publications: stats.published,
      normative_documents: stats.normativeDocuments,
      ...registers,
    },
    unmapped,
  };
}

async function countRegisterSources(
  db: DbOrTrx,
  agencyId: number,
  year: number,
): Promise<{ art20_decisions: number; art20_fees: number }> {
  const [decisions, fees] = await Promise.all([
    db
      .selectFrom('art20_decisions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('art20_fees')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirstOrThrow(),
  ]);
  return { art20_decisions: toNumber(decisions.n), art20_fees: toNumber(fees.n) };
}

async function unmappedRequests(
  db: DbOrTrx,
  agencyId: number,
  first: string,
  last: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('info_requests')
    .select('reference')
    .where('agency_id', '=', agencyId)
    .where('received_on', 'is not', null)
    .where('closed_on', '>=', first)
    .where('closed_on', '<=', last)
    .where((eb) =>
      eb.or([
        eb('report_row', 'is', null),
        eb(
          'report_row',
          'not in',
          B_ROWS.filter((r) => r.startsWith('result.') && r !== 'result.total'),
        ),
      ]),
    )
    .orderBy('reference')
    .execute();
  return rows.map((r) => r.reference);
}
