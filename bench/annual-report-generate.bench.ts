/**
 * Annual report generation at scale: an agency with 100,000 requests and 200,000 publications. Prints the time of
 * generating the whole report (every source, the narrative, every check, the snapshot and the write) against the
 * bare aggregate SQL over the same rows (the group-by queries that give the same numbers, nothing else), on SQLite
 * and PostgreSQL (a scratch database, dropped afterwards), and the county overview with its consolidated table over
 * 30 agencies. Figures only; bounded loops.
 */
import { sql } from 'kysely';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../test/support/db.ts';
import { makeAgency, makeUser, systemCtx } from '../test/support/factories.ts';
import { fixedClock } from '../src/clock.ts';
import { prepareDatabase } from '../src/setup.ts';
import type { Db } from '../src/db/database.ts';
import { ensureCatalogue } from '../src/publications/seed-catalogue.ts';
import { listCategories } from '../src/publications/publications.queries.ts';
import { generateReport } from '../src/annual-report/generator/generate-report.ts';
import { reportOverview } from '../src/annual-report/generator/report-overview.ts';
import { randomValidCells, rng } from '../src/annual-report/testing/synthetic.ts';
import { RESULT_LEAVES } from '../src/annual-report/generator/testing/year-of-data.ts';
import { computeTableA } from '../src/publications/table-a.ts';
import { publicationStats } from '../src/publications/publication-stats.ts';
import {
  computeFeeTotals,
  computeNarrativeCounts,
  computeTableB,
  computeTableC,
} from '../src/requests/report-tables.ts';

const REQUESTS = 100_000;
const PUBLICATIONS = 200_000;
const AGENCIES = 30;
const RUNS = 5;
const clock = fixedClock('2027-01-10T02:00:00Z');
const KINDS = [
  'natural_person',
  'natural_person',
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'social_welfare_org',
  'legal_service_org',
  'other_org',
];
const CHANNELS = ['portal', 'wechat_account', 'wechat_group', 'notice_board'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const day = (r: () => number, year: number) => {
  const d = new Date(Date.UTC(year, 0, 1) + Math.floor(r() * 365) * 86400000);
  return d.toISOString().slice(0, 10);
};

async function batches<T>(
  n: number,
  size: number,
  make: (i: number) => T,
  write: (rows: T[]) => Promise<unknown>,
) {
  for (let i = 0; i < n; i += size) {
    const rows: T[] = [];
    for (let k = i; k < Math.min(n, i + size); k++) rows.push(make(k));
    await write(rows);
  }
}

/** 100,000 requests over 2025–2026 (most closed in the year they arrived, some carried over) and their cases. */
async function insertRequests(db: Db, agencyId: number) {
  const r = rng(7);
  const now = new Date().toISOString();
  await batches(
    REQUESTS,
    500,
    (i) => {
      const year = i % 5 === 0 ? 2025 : 2026;
      const received = day(r, year);
      const open = r() < 0.03;
      const closed = open
        ? null
        : received < `${year}-12-10`
          ? received.replace(
              /-(\d\d)$/,
              (_m, d) => `-${String(Math.min(28, Number(d) + 10)).padStart(2, '0')}`,
            )
          : `${year + 1}-01-05`;
      return {
        agency_id: agencyId,
        ref_year: year,
        ref_serial: i + 1,
        reference: `基准〔${year}〕${i + 1}号`,
        tracking_code: `B${i}`,
        status: closed ? 'archived' : 'accepted',
        channel: 'in_person',
        submitted_on: received,
        received_on: received,
        filled_on_behalf: 0,
        applicant_kind: KINDS[i % KINDS.length]!,
        applicant_name: '基准',
        id_type: 'resident_id',
        id_number: String(i),
        applicant_key: `k${i % 5000}`,
        info_description: '基准申请',
        form_requested: 'paper',
        delivery_requested: 'collect',
        needs_assistance: 0,
        due_provisional: 0,
        fee_method: 'none',
        fee_amount: i % 997 === 0 ? 300 : 0,
        fee_notice_on: i % 997 === 0 ? received : null,
        fee_paid_amount: 0,
        outcome: closed ? 'other' : null,
        report_row: closed ? RESULT_LEAVES[i % RESULT_LEAVES.length]! : null,
        closed_on: closed,
        approved_at: closed ? `${closed}T02:00:00.000Z` : null,
        due_on: closed,
        version: 1,
        created_at: now,
        updated_at: now,
      };
    },
    (rows) => db.insertInto('info_requests').values(rows).execute(),
  );
  await batches(
    200,
    100,
    (i) => ({
      agency_id: agencyId,
      kind: ['review', 'litigation_direct', 'litigation_after_review'][i % 3]!,
      filed_on: day(r, 2026),
      body: '基准',
      result: ['upheld', 'corrected', 'other_result', 'pending'][i % 4]!,
      concluded_on: i % 4 === 3 ? null : '2026-12-20',
      version: 1,
      created_at: now,
      updated_at: now,
    }),
    (rows) => db.insertInto('request_appeals').values(rows).execute(),
  );
}

/** 200,000 published items over 2024–2026 across the catalogue, 1% of them 规范性文件, with their channels. */
async function insertPublications(db: Db, agencyId: number, userId: number) {
  const r = rng(11);
  const cats = (await listCategories(db, agencyId)).map((c) => c.id);
  const now = new Date().toISOString();
  await batches(
    PUBLICATIONS,
    400,
    (i) => {
      const published = day(r, 2024 + (i % 3));
      const normative = i % 100 === 0;
      return {
        agency_id: agencyId,
        category_id: cats[i % cats.length]!,
        status: 'published',
        attribute: 'proactive',
        title: `基准信息${i}`,
        issuer: '基准乡人民政府',
        written_on: normative ? published : null,
        published_on: published,
        validity: normative && i % 700 === 0 ? 'repealed' : 'in_force',
        repealed_on: normative && i % 700 === 0 ? '2026-06-01' : null,
        body_html: '<p>基准</p>',
        body_text: '基准',
        doc_kind: normative ? 'normative_documents' : 'none',
        is_major: 0,
        formed_on: published,
        due_on: published,
        review_round: 1,
        created_by: userId,
        created_by_name: '基准',
        created_at: now,
        updated_at: now,
        version: 1,
      };
    },
    (rows) => db.insertInto('publications').values(rows).execute(),
  );
  const ids = await db
    .selectFrom('publications')
    .select(['id', 'published_on'])
    .where('agency_id', '=', agencyId)
    .where('published_on', '>=', '2026-01-01')
    .execute();
  await batches(
    ids.length,
    500,
    (i) => ({
      publication_id: ids[i]!.id,
      agency_id: agencyId,
      channel: CHANNELS[i % CHANNELS.length]!,
      used_at: `${ids[i]!.published_on}T02:00:00.000Z`,
      used_on: ids[i]!.published_on!,
      user_name: '基准',
    }),
    (rows) => db.insertInto('publication_channels').values(rows).execute(),
  );
  await batches(
    3,
    3,
    (i) => ({
      agency_id: agencyId,
      year: 2026,
      kind: ['administrative_licensing', 'administrative_penalty', 'administrative_coercion'][i]!,
      count: 10 + i,
      created_by: '基准',
      created_at: now,
    }),
    (rows) => db.insertInto('art20_decisions').values(rows).execute(),
  );
}

/** The bare aggregate SQL: the group-by queries that give table A/B/C and the fee and narrative figures. */
async function bareAggregates(db: Db, agencyId: number) {
  const a = agencyId;
  const q = (s: ReturnType<typeof sql>) => s.execute(db);
  await q(
    sql`select applicant_kind, count(*) from info_requests where agency_id = ${a} and received_on between '2026-01-01' and '2026-12-31' group by applicant_kind`,
  );
  await q(
    sql`select applicant_kind, count(*) from info_requests where agency_id = ${a} and received_on < '2026-01-01' and (closed_on is null or closed_on >= '2026-01-01') group by applicant_kind`,
  );
  await q(
    sql`select report_row, applicant_kind, count(*) from info_requests where agency_id = ${a} and closed_on between '2026-01-01' and '2026-12-31' group by report_row, applicant_kind`,
  );
  await q(
    sql`select applicant_kind, count(*) from info_requests where agency_id = ${a} and received_on <= '2026-12-31' and (closed_on is null or closed_on > '2026-12-31') group by applicant_kind`,
  );
  await q(
    sql`select count(*), sum(fee_amount) from info_requests where agency_id = ${a} and fee_notice_on between '2026-01-01' and '2026-12-31'`,
  );
  await q(
    sql`select kind, result, count(*) from request_appeals where agency_id = ${a} and filed_on between '2026-01-01' and '2026-12-31' group by kind, result`,
  );
  await q(
    sql`select category_id, count(*) from publications where agency_id = ${a} and status = 'published' and published_on between '2026-01-01' and '2026-12-31' group by category_id`,
  );
  await q(
    sql`select channel, count(*) from publication_channels where agency_id = ${a} and used_on between '2026-01-01' and '2026-12-31' group by channel`,
  );
  await q(
    sql`select count(*) from publications where agency_id = ${a} and doc_kind = 'normative_documents' and status = 'published' and written_on <= '2026-12-31' and (repealed_on is null or repealed_on > '2026-12-31')`,
  );
  await q(
    sql`select kind, sum(count) from art20_decisions where agency_id = ${a} and year = 2026 group by kind`,
  );
}

async function generation(tdb: TestDatabase): Promise<void> {
  const db = tdb.db;
  await prepareDatabase(db, clock);
  const agency = await makeAgency(db);
  const user = await makeUser(db, agency.id, ['clerk']);
  await ensureCatalogue(systemCtx(db, clock), agency.id);
  const t = performance.now();
  await insertRequests(db, agency.id);
  await insertPublications(db, agency.id, user.id);
  if (tdb.dialect === 'postgres') await sql`analyze`.execute(db);
  console.log(
    `  ${tdb.dialect}: ${REQUESTS.toLocaleString()} requests + ${PUBLICATIONS.toLocaleString()} publications inserted in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const ctx = systemCtx(db, clock);
  await generateReport(ctx, { agencyId: agency.id, year: 2026 }); // warm-up
  await bareAggregates(db, agency.id);
  const gen: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(await time(() => bareAggregates(db, agency.id)));
    gen.push(await time(() => generateReport(ctx, { agencyId: agency.id, year: 2026 })));
  }
  const g = median(gen);
  const b = median(bare);
  console.log(
    `  ${tdb.dialect}: generate report (sources, narrative, checks, snapshot, write) median ${g.toFixed(1)} ms`,
  );
  console.log(`  ${tdb.dialect}: bare aggregate SQL over the same rows          median ${b.toFixed(1)} ms`);
  console.log(`  ${tdb.dialect}: ratio ${(g / b).toFixed(2)}× (goal ≤ 1.5×)`);
  // Where the time goes: each source the generator calls, on its own.
  const sources: [string, () => Promise<unknown>][] = [
    ['computeTableA (publications)', () => computeTableA(db, agency.id, 2026)],
    ['publicationStats (publications)', () => publicationStats(db, agency.id, 2026)],
    ['computeTableB (requests)', () => computeTableB(db, agency.id, 2026)],
    ['computeTableC (requests)', () => computeTableC(db, agency.id, 2026)],
    ['computeFeeTotals (requests)', () => computeFeeTotals(db, agency.id, 2026)],
    ['computeNarrativeCounts (requests)', () => computeNarrativeCounts(db, agency.id, 2026)],
  ];
  for (const [name, fn] of sources) {
    const xs: number[] = [];
    for (let i = 0; i < 3; i++) xs.push(await time(fn));
    console.log(`    ${tdb.dialect}: ${name.padEnd(36)} median ${median(xs).toFixed(1)} ms`);
  }
}

async function county(tdb: TestDatabase): Promise<void> {
  const db = tdb.db;
  const countyAgency = await makeAgency(db, { kind: 'county', parentId: null, name: '基准县人民政府' });
  const now = new Date().toISOString();
  for (let i = 0; i < AGENCIES; i++) {
    const a = await makeAgency(db, {
      parentId: countyAgency.id,
      kind: i % 3 === 0 ? 'department' : 'township',
    });
    await db
      .insertInto('annual_reports')
      .values({
        agency_id: a.id,
        year: 2026,
        origin: 'generated',
        status: i % 5 === 0 ? 'draft' : 'published',
        cells_json: JSON.stringify(randomValidCells(i + 1)),
        fees_json: JSON.stringify({
          fee_notices_issued: 0,
          fee_amount_billed_yuan: 0,
          fee_amount_collected_yuan: 0,
        }),
        texts_json: '{}',
        edited_json: '[]',
        findings_json: '[]',
        generated_at: now,
        generated_by_name: '基准',
        reopen_count: 0,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  const ctx = systemCtx(db, clock);
  await reportOverview(ctx, countyAgency.id, 2026);
  const runs: number[] = [];
  let included = 0;
  for (let i = 0; i < RUNS; i++)
    runs.push(
      await time(
        async () =>
          (included = (await reportOverview(ctx, countyAgency.id, 2026)).consolidated.included.length),
      ),
    );
  console.log(
    `  ${tdb.dialect}: county overview of ${AGENCIES} agencies with the consolidated table (${included} summed) and its checks: median ${median(runs).toFixed(1)} ms`,
  );
}

export async function run(): Promise<void> {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    if (dialect === 'postgres' && !(await postgresAvailable())) {
      console.log('  postgres: not reachable, skipped');
      continue;
    }
    const tdb = await createTestDatabase(dialect);
    try {
      await generation(tdb);
      await county(tdb);
    } finally {
      await tdb.close();
    }
  }
}
