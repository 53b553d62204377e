/**
 * 村级公开 at scale: a township with 13 villages × 10 years of items (~330 a year, as in the demo). Prints the
 * township heatmap (use case, and the whole page through the app in-process) and a village's public page against
 * a bare query over the same rows, as ratios measured in the same run. SQLite (the township default); figures only.
 */
import { createTestDatabase } from '../test/support/db.ts';
import { makeAgency, makeUser, makeVillage, systemCtx, TEST_PASSWORD } from '../test/support/factories.ts';
import { sqliteHandle } from '../src/db/database.ts';
import { prepareDatabase } from '../src/setup.ts';
import { systemClock } from '../src/clock.ts';
import { testApp } from '../test/support/http.ts';
import { ensureItemTemplates } from '../src/villages/seed-item-templates.ts';
import { listCurrentTemplates } from '../src/villages/villages.queries.ts';
import { townshipOverview } from '../src/villages/township-overview.ts';
import { dueOn, periodsOfYear } from '../src/villages/village-disclosure.ts';
import { addDays } from '../src/calendar/dates.ts';
import { measure } from './support.ts';

const YEARS = 10;

export async function run(): Promise<void> {
  const tdb = await createTestDatabase('sqlite');
  const db = tdb.db;
  await prepareDatabase(db, systemClock);
  const town = await makeAgency(db);
  const villages: number[] = [];
  for (let i = 0; i < 13; i++) villages.push(await makeVillage(db, town.id, `村${i + 1}`));
  const clerk = await makeUser(db, town.id, ['clerk']);
  await ensureItemTemplates(systemCtx(db), town.id);
  const templates = await listCurrentTemplates(db, town.id);
  const raw = sqliteHandle(db)!;
  const ins =
    raw.prepare(`insert into village_disclosures (agency_id, village_id, template_id, kind, code, title, period,
    due_on, status, values_json, notice_days, published_on, notice_end_on, round, supervision_opinion, created_by,
    created_by_name, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, 0, ?, null, 1,
    'agree', ?, 'bench', ?, ?, 1)`);
  const thisYear = Number(systemClock.today().slice(0, 4));
  const values = JSON.stringify({
    opening: '50000',
    lines: Array.from({ length: 6 }, (_, i) => ({
      date: '2026-01-05',
      voucher: '',
      summary: `支出${i}`,
      income: '',
      expense: '100',
    })),
    totalIncome: '0',
    totalExpense: '600',
    closing: '49400',
  });
  let n = 0;
  const t0 = performance.now();
  raw.transaction(() => {
    for (let y = thisYear - YEARS + 1; y <= thisYear; y++)
      for (const [vi, v] of villages.entries())
        for (const t of templates) {
          if (t.code === (vi < 7 ? 'finance_quarterly' : 'finance_monthly')) continue;
          const periods = t.cadence === 'on_occurrence' ? [null, null] : periodsOfYear(t.cadence, y);
          for (const p of periods) {
            const due = p ? dueOn(p) : null;
            const on = due ? addDays(due, (n % 13) - 10) : `${y}-0${1 + (n % 9)}-15`;
            ins.run(
              town.id,
              v,
              t.id,
              t.kind,
              t.code,
              `${t.name}${p ?? ''}`,
              p,
              due,
              t.kind === 'finance' ? values : '{}',
              on,
              clerk.id,
              `${on}T02:00:00Z`,
              `${on}T02:00:00Z`,
            );
            n++;
          }
        }
  })();
  console.log(
    `rows: ${n} items (13 villages × ${YEARS} years), inserted in ${(performance.now() - t0).toFixed(0)} ms`,
  );

  const year = thisYear - 1;
  // The same rows the heatmap reads: the year's periodic items and the items published in it.
  const bareYear = raw.prepare(`select id, village_id, code, kind, period, due_on, status, published_on
    from village_disclosures where agency_id = ? and period >= ? and period < ?
    union select id, village_id, code, kind, period, due_on, status, published_on
    from village_disclosures where agency_id = ? and published_on >= ? and published_on <= ?`);
  const yearArgs = (y: number) => [town.id, `${y}-`, `${y}-Z`, town.id, `${y}-01-01`, `${y}-12-31`];
  const bareVillage =
    raw.prepare(`select * from village_disclosures where village_id = ? and status = 'published'
    and published_on >= ? and published_on <= ? order by published_on desc, id desc`);
  const rowsYear = bareYear.all(...yearArgs(year)).length;

  const c = testApp(db).client();
  await c.signIn(clerk.username, TEST_PASSWORD);
  const pub = testApp(db).client();
  const heat = await c.get(`/office/villages?year=${year}`);
  if (heat.status !== 200) throw new Error(`heatmap page ${heat.status}`);

  const bareHeat = await measure(async () => bareYear.all(...yearArgs(year)));
  const useCase = await measure(() => townshipOverview(db, town.id, year, systemClock.today()));
  const heatPage = await measure(async () => (await c.get(`/office/villages?year=${year}`)).text());
  const bareV = await measure(async () => bareVillage.all(villages[3], `${year}-01-01`, `${year}-12-31`));
  const villagePage = await measure(async () =>
    (await pub.get(`/villages/${villages[3]}?year=${year}`)).text(),
  );
  const officeVillage = await measure(async () =>
    (await c.get(`/office/villages/v/${villages[3]}?year=${year}`)).text(),
  );
  const line = (label: string, m: { p10: number; p50: number }, base?: { p10: number }) =>
    console.log(
      `  ${label.padEnd(32)} p10 ${m.p10.toFixed(2)} ms, median ${m.p50.toFixed(2)} ms` +
        (base ? `  (${(m.p10 / base.p10).toFixed(2)}× the bare query)` : ''),
    );
  console.log(`heatmap, year ${year}: ${rowsYear} rows`);
  line('bare query', bareHeat);
  line('townshipOverview (use case)', useCase, bareHeat);
  line('GET /office/villages (page)', heatPage, bareHeat);
  console.log('village page (one village, one year)');
  line('bare query', bareV);
  line('GET /villages/:id (public)', villagePage, bareV);
  line('GET /office/villages/v/:id', officeVillage, bareV);
  await tdb.close();
}
