/**
 * 村级公开 at scale: a township with 13 villages × 10 years of items (~330 a year, as in the demo). Times the township
 * heatmap (use case, and the whole page through the app in-process), a village's public page and its office page
 * against bare queries reading the same rows and columns, and the office and portal shells (a page with no village
 * data), and a bare Hono app answering a fixed page through the same client (what the framework costs alone) —
 * every case once per round, rotated, wall and CPU time (docs/scale.md, "Third pass"). SQLite; figures only.
 */
import { createTestDatabase } from '../test/support/db.ts';
import { makeAgency, makeUser, makeVillage, systemCtx, TEST_PASSWORD } from '../test/support/factories.ts';
import { sqliteHandle } from '../src/db/database.ts';
import { prepareDatabase } from '../src/setup.ts';
import { systemClock } from '../src/clock.ts';
import { Hono } from 'hono';
import { client, testApp } from '../test/support/http.ts';
import { ensureItemTemplates } from '../src/villages/seed-item-templates.ts';
import { listCurrentTemplates } from '../src/villages/villages.queries.ts';
import { townshipOverview } from '../src/villages/township-overview.ts';
import { dueOn, periodsOfYear } from '../src/villages/village-disclosure.ts';
import { addDays } from '../src/calendar/dates.ts';
import os from 'node:os';
import { measureInterleaved, type Sample } from './support.ts';

const YEARS = 10;

/** The township, its 13 villages and ten years of published items (inserted in one transaction). */
export async function setup() {
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
  // Each bare query reads what its page shows, no more (docs/scale.md, "Ninth pass"): the items' columns it lists,
  // and the other rows it displays or draws from — the village names, the templates' names and cadences the
  // calendar's expected slots come from, the township's settings (the due day), a village's 四议两公开 records.
  const q = (text: string) => raw.prepare(text);
  const villagesOf = q(`select id, name from villages where agency_id = ? order by sort_order, id`);
  const villageRow = q(`select id, agency_id, name from villages where id = ?`);
  const settingsRow = q(`select value_json from agency_settings where agency_id = ? and key = 'villages'`);
  // The current version of each template: code, name, kind, cadence (the calendar and the draft form's choices).
  const templateHeads =
    q(`select t.id, t.code, t.name, t.kind, t.cadence, t.version from village_item_templates t
    where t.agency_id = ? and t.version = (select max(version) from village_item_templates x
    where x.agency_id = t.agency_id and x.code = t.code) order by t.sort_order`);
  const usesOf =
    q(`select u.village_id, u.code from village_template_uses u join villages v on v.id = u.village_id
    where v.agency_id = ?`);
  // The year's rows of the heatmap: the year's periodic items and the items published in it.
  const yearRows = q(`select id, village_id, code, kind, period, due_on, status, published_on
    from village_disclosures where agency_id = ? and period >= ? and period < ?
    union select id, village_id, code, kind, period, due_on, status, published_on
    from village_disclosures where agency_id = ? and published_on >= ? and published_on <= ?`);
  const yearArgs = (y: number) => [town.id, `${y}-`, `${y}-Z`, town.id, `${y}-01-01`, `${y}-12-31`];
  const bareYear = {
    all: (y: number) => [
      yearRows.all(...yearArgs(y)),
      villagesOf.all(town.id),
      usesOf.all(town.id),
      templateHeads.all(town.id),
      settingsRow.get(town.id),
    ],
  };
  // The public village page: the village (its name) and its items published in the year, the columns it lists.
  const villageItems = q(`select id, kind, title, period, published_on
    from village_disclosures where village_id = ? and status = 'published'
    and published_on >= ? and published_on <= ? order by published_on desc, id desc limit 500`);
  const bareVillage = {
    all: (v: number, from: string, to: string) => [villageRow.get(v), villageItems.all(v, from, to)],
  };
  // The office village page: the village, its year (its calendar: the year's items, its template uses with their
  // versions and pushes, the templates, the due day), its newest 200 items of every state and its 四议两公开 records.
  const villageYear = q(`select id, village_id, code, kind, period, due_on, status, published_on
    from village_disclosures where agency_id = ? and period >= ? and period < ? and village_id = ?
    union select id, village_id, code, kind, period, due_on, status, published_on
    from village_disclosures where agency_id = ? and published_on >= ? and published_on <= ? and village_id = ?`);
  const villageHeads = q(`select id, kind, code, title, period, due_on, status,
    published_on from village_disclosures where village_id = ? order by published_on desc, id desc limit 200`);
  const villageUsesRows = q(`select u.code, u.template_id, t.version, u.pushed_at, u.pushed_by_name
    from village_template_uses u join village_item_templates t on t.id = u.template_id where u.village_id = ?`);
  const decisionsOf = q(`select id, title, assembly_on, status from village_decisions where village_id = ?
    order by id desc limit 50`);
  const bareOfficeVillage = (v: number, y: number) => [
    villageRow.get(v),
    villageYear.all(town.id, `${y}-`, `${y}-Z`, v, town.id, `${y}-01-01`, `${y}-12-31`, v),
    villageUsesRows.all(v),
    templateHeads.all(town.id),
    settingsRow.get(town.id),
    villageHeads.all(v),
    decisionsOf.all(v),
  ];
  const rowsYear = yearRows.all(...yearArgs(year)).length;

  return {
    tdb,
    db,
    raw,
    town,
    villages,
    clerk,
    year,
    bareYear,
    yearArgs,
    bareVillage,
    bareOfficeVillage,
    rowsYear,
  };
}

export async function run(): Promise<void> {
  const s = await setup();
  const { tdb, db, town, villages, clerk, year, bareYear, bareVillage, bareOfficeVillage, rowsYear } = s;
  const today = systemClock.today();
  const c = testApp(db).client();
  await c.signIn(clerk.username, TEST_PASSWORD);
  const pub = testApp(db).client();
  const heat = await c.get(`/office/villages?year=${year}`);
  if (heat.status !== 200) throw new Error(`heatmap page ${heat.status}`);
  const v = villages[3]!;
  // What the framework and the in-process client cost alone: a bare Hono app answering a fixed page (figures only,
  // never a baseline; docs/scale.md, "Twelfth pass").
  const bare = new Hono();
  bare.get('/fixed', (ctx) => ctx.html('<!doctype html><p>村级公开</p>'));
  const bareClient = client(bare);
  await bareClient.get('/fixed');
  const text =
    (path: string, cl = c) =>
    async () => {
      const r = await cl.get(path);
      if (r.status !== 200) throw new Error(`${path} ${r.status}`);
      // The body's bytes, as the server sends them: decoding them back into a string is the browser's work, not the
      // server's (it was 0.3–0.6 ms of the 70 KB heatmap page, docs/scale.md "Sixth pass").
      return r.arrayBuffer();
    };
  const rounds = Number(process.env.BENCH_ROUNDS ?? 150);
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  console.log(`${rounds} interleaved rounds; load average before: ${load}`);
  // Each case once per round, rotated: the bare query and the page see the same bursts of load.
  const m = await measureInterleaved(
    {
      bareHeat: async () => bareYear.all(year),
      useCase: () => townshipOverview(db, town.id, year, today),
      heatPage: text(`/office/villages?year=${year}`),
      // The office shell alone (session, nav, layout; no village data): what every office page costs.
      officeShell: text('/office/password'),
      bareV: async () => bareVillage.all(v, `${year}-01-01`, `${year}-12-31`),
      villagePage: text(`/villages/${v}?year=${year}`, pub),
      // The portal shell alone: the village index (one query over 13 villages).
      publicShell: text('/villages', pub),
      honoFixed: text('/fixed', bareClient),
      bareOfficeV: async () => bareOfficeVillage(v, year),
      officeVillage: text(`/office/villages/v/${v}?year=${year}`),
    },
    rounds,
  );
  const ms = (x: number) => `${x.toFixed(2).padStart(6)} ms`;
  const line = (label: string, s: Sample, base?: Sample, shell?: Sample) =>
    console.log(
      `  ${label.padEnd(30)} wall p10 ${ms(s.p10)} med ${ms(s.p50)} · cpu p10 ${ms(s.cpu10)} med ${ms(s.cpu50)}` +
        (base
          ? `  → ${(s.p10 / base.p10).toFixed(2)}× wall, ${(s.cpu10 / base.cpu10).toFixed(2)}× cpu` +
            (shell ? `; less the shell ${((s.cpu10 - shell.cpu10) / base.cpu10).toFixed(2)}× cpu` : '')
          : ''),
    );
  console.log(`heatmap, year ${year}: ${rowsYear} rows (ratios: p10 against the bare query's p10)`);
  line('bare query', m.bareHeat);
  line('townshipOverview (use case)', m.useCase, m.bareHeat);
  line('GET /office/villages (page)', m.heatPage, m.bareHeat, m.officeShell);
  line('GET /office/password (shell)', m.officeShell);
  console.log('village page (one village, one year)');
  line('bare query', m.bareV);
  line('GET /villages/:id (public)', m.villagePage, m.bareV, m.publicShell);
  line('GET /villages (public shell)', m.publicShell);
  line('bare Hono app, fixed page', m.honoFixed);
  console.log('office village page (its year, its newest 200 items, its templates and records)');
  line('bare queries', m.bareOfficeV);
  line('GET /office/villages/v/:id', m.officeVillage, m.bareOfficeV, m.officeShell);
  console.log(
    `load average after: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  await tdb.close();
}
