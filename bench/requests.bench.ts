/**
 * Requests benchmark (figures only, never asserted): due-date computations per second with the precomputed
 * workday index; with 100,000 requests in a fresh SQLite database, the ledger's first and a deep page, the XLSX
 * export, and Table B against the bare SQL count over the same rows (the ratio is the figure).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { shippedCalendar } from '../src/calendar/test-calendars.ts';
import { addDays } from '../src/calendar/dates.ts';
import { computeDueDate, type DeadlineInput } from '../src/requests/deadline.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { seedCalendar } from '../src/calendar/seed-calendar.ts';
import { makeAgency, systemCtx } from '../test/support/factories.ts';
import { generateRequests } from '../src/requests/generate-requests.ts';
import { listLedger, exportLedger } from '../src/requests/ledger.ts';
import { computeTableB } from '../src/requests/report-tables.ts';

const N = 100_000;

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

export async function run(): Promise<void> {
  // 1. Due dates per second.
  const cal = shippedCalendar();
  const inputs: DeadlineInput[] = [];
  for (let i = 0; i < 1000; i++) {
    const receivedOn = addDays('2025-01-02', i % 700);
    inputs.push(
      i % 3 === 0
        ? {
            receivedOn,
            correctedOn: addDays(receivedOn, 3),
            pauses: [{ sentOn: addDays(receivedOn, 5), answeredOn: addDays(receivedOn, 12) }],
            extensionDays: 10,
          }
        : { receivedOn },
    );
  }
  for (let i = 0; i < 50_000; i++) computeDueDate(cal, inputs[i % inputs.length]!);
  const iterations = 1_000_000;
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) computeDueDate(cal, inputs[i % inputs.length]!);
  const perSec = iterations / ((performance.now() - t0) / 1000);
  console.log(
    `due-date computations: ${Math.round(perSec).toLocaleString('en')}/s (1/3 with 补正, a pause and an extension)`,
  );

  // 2. The ledger, the export and Table B with 100,000 requests.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  const db = openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.db') });
  try {
    await migrateToLatest(db);
    const ctx = systemCtx(db);
    await seedCalendar(ctx);
    const agency = await makeAgency(db);
    const gen = await time(() => generateRequests(db, agency.id, 2026, N, 42));
    console.log(`generated ${N.toLocaleString('en')} requests in ${(gen.ms / 1000).toFixed(1)} s`);
    await sql`analyze`.execute(db);
    const first = await time(() => listLedger(ctx, agency.id, {}));
    const deep = await time(() => listLedger(ctx, agency.id, { page: '1500' }));
    const filtered = await time(() => listLedger(ctx, agency.id, { year: '2026', status: 'accepted' }));
    console.log(
      `ledger page (50 rows of ${first.value.total.toLocaleString('en')}): first ${first.ms.toFixed(1)} ms, page 1500 ${deep.ms.toFixed(1)} ms, filtered (year+status) ${filtered.ms.toFixed(1)} ms`,
    );
    const xlsx = await time(() => exportLedger(ctx, agency.id, {}));
    console.log(
      `XLSX export of ${N.toLocaleString('en')} rows: ${(xlsx.ms / 1000).toFixed(2)} s, ${(xlsx.value.length / 1e6).toFixed(1)} MB`,
    );

    const rounds = 20;
    await computeTableB(db, agency.id, 2026);
    const b = await time(async () => {
      for (let i = 0; i < rounds; i++) await computeTableB(db, agency.id, 2026);
    });
    const bare = await time(async () => {
      for (let i = 0; i < rounds; i++)
        await sql`select count(*) from info_requests where agency_id = ${agency.id} and received_on <= '2026-12-31'`.execute(
          db,
        );
    });
    // The same rows grouped the way table B needs them, by hand: what one aggregate query costs at best.
    const grouped = await time(async () => {
      for (let i = 0; i < rounds; i++)
        await sql`select applicant_kind, report_row, count(*) from info_requests
          where agency_id = ${agency.id} and received_on <= '2026-12-31' and (closed_on is null or closed_on >= '2026-01-01')
          group by applicant_kind, report_row`.execute(db);
    });
    const bMs = b.ms / rounds;
    const bareMs = bare.ms / rounds;
    const groupedMs = grouped.ms / rounds;
    console.log(
      `table B (${N.toLocaleString('en')} requests): ${bMs.toFixed(1)} ms; bare count(*) over the same rows ${bareMs.toFixed(1)} ms (ratio ${(bMs / bareMs).toFixed(1)}×); bare grouped count ${groupedMs.toFixed(1)} ms (ratio ${(bMs / groupedMs).toFixed(2)}×)`,
    );
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
