/**
 * The county's dashboards read every agency below in a few queries (one tree read; calendars, settings and counts in
 * batch). They must give, agency by agency, exactly what the per-agency computation gives: the rows of that agency,
 * its own calendar (with its regional holidays), its own alert settings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { ctxAs, makeAgency, makeUser, systemCtx, userActor } from '../../test/support/factories.ts';
import { prepareDatabase } from '../setup.ts';
import { fixedClock } from '../clock.ts';
import { generateRequests } from '../requests/generate-requests.ts';
import { insertPublication } from '../annual-report/generator/testing/year-of-data.ts';
import { catalogueVersion, ensureCatalogue, listCategories } from '../publications/index.ts';
import { getCalendar, getCalendars } from '../calendar/get-calendar.ts';
import { addRegionalHoliday } from '../calendar/manage-regional-holidays.ts';
import { writeSetting } from '../settings/agency-settings.ts';
import { REQUEST_SETTINGS, dueSoonHorizon } from '../requests/index.ts';
import { requestDashboard } from './request-dashboard.ts';
import { publicationDashboard } from './publication-dashboard.ts';
import { requestFigures, type RequestFigureRow } from './request-figures.ts';
import { publicationFigures, type PublicationFigures } from './publication-figures.ts';
import { createCategory, updateCategory } from '../publications/manage-catalogue.ts';
import { CHANNELS } from '../publications/index.ts';
import fc from 'fast-check';
import type { Db } from '../db/database.ts';
import { addDays } from '../calendar/dates.ts';
import { setCalendarDay } from '../calendar/set-calendar-day.ts';
import { rebuildRequestSummary, summaryState } from '../requests/index.ts';
import { syncRequestSummary } from '../requests/request-summary.ts';
import { getRequest } from '../requests/requests.queries.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { listAgencies } from '../org/org.queries.ts';
import { subtreeOf } from '../org/org.ts';
import { OPEN_STATES } from '../requests/index.ts';
import { readSetting } from '../settings/agency-settings.ts';
import { DEADLINE_SETTING, deadlineFor, defaultDeadline, overviewStatus } from '../annual-report/index.ts';
import {
  countyDashboard,
  FIGURES,
  INQUIRY_WAITING,
  stuckBefore,
  UNPUBLISHED,
} from '../county/county-dashboard.ts';

const clock = fixedClock('2026-06-15T02:00:00Z');

/** Each agency's figures on the dashboard equal the figures over its own rows, calendar and alert settings. */
async function assertFiguresOfRows(
  db: Db,
  below: { agencyId: number; figures: unknown }[],
  year: number,
  note = '',
): Promise<void> {
  const ctx = systemCtx(db, clock);
  for (const b of below) {
    const rows = (
      await db
        .selectFrom('info_requests')
        .select(['agency_id', 'status', 'received_on', 'closed_on', 'due_on', 'report_row'])
        .where('agency_id', '=', b.agencyId)
        .execute()
    ).map((r): RequestFigureRow => ({
      agencyId: Number(r.agency_id),
      status: r.status,
      receivedOn: r.received_on,
      closedOn: r.closed_on,
      dueOn: r.due_on,
      reportRow: r.report_row,
    }));
    const own = requestFigures(
      rows,
      year,
      clock.today(),
      await dueSoonHorizon(ctx, b.agencyId),
      await getCalendar(db, b.agencyId),
    );
    assert.deepEqual(b.figures, own, `agency ${b.agencyId}${note}`);
  }
}

/** The summary rows of some agencies, in key order. */
async function summaryRows(db: Db, ids: number[]) {
  const rows = await db
    .selectFrom('request_month_stats')
    .selectAll()
    .where('agency_id', 'in', ids)
    .orderBy('agency_id')
    .orderBy('month')
    .execute();
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, k === 'month' || k === 'reply_days_json' ? v : Number(v)]),
    ),
  );
}

const STATUSES = [
  'pending_confirmation',
  'accepted',
  'extended',
  'awaiting_fee',
  'replied',
  'delivered',
  'archived',
  'withdrawn',
  'abandoned',
];
const ROWS = [
  null,
  'result.granted',
  'result.partially_granted',
  'result.withheld.state_secret',
  'result.unable.not_exist',
  'result.not_processed.petition',
  'result.other.other',
  'unknown',
];

/** A random change to how a request counts: its state, dates (around the year's ends) and report row. */
const change = fc.record({
  town: fc.nat(1),
  pick: fc.nat(),
  status: fc.constantFrom(...STATUSES),
  received: fc.option(fc.integer({ min: 0, max: 430 }), { freq: 6 }),
  closedAfter: fc.option(fc.integer({ min: 0, max: 45 }), { freq: 2 }),
  dueAfter: fc.option(fc.integer({ min: 10, max: 40 }), { freq: 6 }),
  row: fc.constantFrom(...ROWS),
});
const op = fc.oneof(
  { weight: 8, arbitrary: change.map((c) => ({ kind: 'change' as const, ...c })) },
  // A regional holiday of a town, or a day of the national calendar: the calendar listener recounts.
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('regional' as const), town: fc.nat(1), day: fc.nat(150) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('national' as const), day: fc.nat(150) }) },
);

describeEachDialect('county dashboards in batch', (t) => {
  test('random writes, calendar changes: the kept summary equals a rebuild and gives each agency its rows’ figures', async () => {
    const db = t().db;
    await prepareDatabase(db, clock);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 24 }), async (ops) => {
        run++;
        const county = await makeAgency(db, { kind: 'county', parentId: null });
        const towns = [
          await makeAgency(db, { parentId: county.id }),
          await makeAgency(db, { parentId: county.id }),
        ];
        const ids = towns.map((a) => a.id);
        const admins = [await makeUser(db, ids[0]!, ['admin']), await makeUser(db, ids[1]!, ['admin'])];
        for (const [i, a] of towns.entries()) await generateRequests(db, a.id, 2026, 12, run * 10 + i);
        const requests = await db
          .selectFrom('info_requests')
          .select(['id', 'agency_id'])
          .where('agency_id', 'in', ids)
          .orderBy('id')
          .execute();
        const holidays = [new Set<string>(), new Set<string>()];
        for (const o of ops) {
          if (o.kind === 'regional') {
            const date = addDays('2026-01-05', o.day);
            if (holidays[o.town]!.has(date)) continue;
            holidays[o.town]!.add(date);
            await addRegionalHoliday(ctxAs(db, userActor(admins[o.town]!), clock), ids[o.town]!, {
              date,
              name: '地方节日',
            });
          } else if (o.kind === 'national') {
            await setCalendarDay(systemCtx(db, clock), {
              date: addDays('2026-01-05', o.day),
              kind: 'rest',
              name: '调整',
            });
          } else {
            const mine = requests.filter((r) => Number(r.agency_id) === ids[o.town]);
            const id = Number(mine[o.pick % mine.length]!.id);
            const before = await getRequest(db, id);
            const received = o.received === null ? null : addDays('2025-11-20', o.received);
            const closed = received && o.closedAfter !== null ? addDays(received, o.closedAfter) : null;
            const due = received && o.dueAfter !== null ? addDays(received, o.dueAfter) : null;
            const cal = await getCalendar(db, before.agencyId);
            await db.transaction().execute(async (trx) => {
              await trx
                .updateTable('info_requests')
                .set({
                  status: o.status,
                  received_on: received,
                  closed_on: closed,
                  due_on: due,
                  report_row: o.row,
                })
                .where('id', '=', id)
                .execute();
              await syncRequestSummary(trx, clock.now(), cal, before, await getRequest(trx, id));
            });
          }
        }
        const kept = await summaryRows(db, ids);
        const inspector = await makeUser(db, county.id, ['inspector']);
        const req = await requestDashboard(ctxAs(db, userActor(inspector), clock), county.id, 2026);
        assert.equal((await summaryState(db, ids)).size, 2, 'both towns read from the summary');
        await assertFiguresOfRows(db, req.below, 2026, ` (run ${run})`);
        await rebuildRequestSummary(db, clock.now(), { agencyIds: ids });
        assert.deepEqual(kept, await summaryRows(db, ids), `run ${run}`);
      }),
      { numRuns: 12, seed: 17, endOnFailure: true, verbose: 2 },
    );
  });

  test('every agency’s figures equal its own computation', async () => {
    const db = t().db;
    await prepareDatabase(db, clock);
    const county = await makeAgency(db, { kind: 'county', parentId: null });
    const towns = [
      await makeAgency(db, { parentId: county.id }),
      await makeAgency(db, { parentId: county.id }),
      await makeAgency(db, { kind: 'department', parentId: county.id }),
    ];
    const admin = await makeUser(db, towns[0]!.id, ['admin']);
    await addRegionalHoliday(ctxAs(db, userActor(admin), clock), towns[0]!.id, {
      date: '2026-06-08',
      name: '地方节日',
    });
    // Another alert horizon for one agency.
    await writeSetting(
      db,
      towns[1]!.id,
      REQUEST_SETTINGS,
      { ...REQUEST_SETTINGS.fallback, alertDays: [7, 2] },
      clock.now(),
    );
    for (const [i, a] of towns.entries()) {
      await generateRequests(db, a.id, 2026, 40 + i * 15, i + 3);
      await ensureCatalogue(systemCtx(db, clock), a.id);
      const user = await makeUser(db, a.id, ['drafter']);
      for (let k = 0; k < 6 + i; k++)
        await insertPublication(db, a.id, user.id, {
          category: k % 2 ? 'art20_1' : 'notices',
          title: `条目${i}-${k}`,
          publishedOn: `2026-0${1 + (k % 6)}-1${k % 9}`,
          dueOn: `2026-0${1 + (k % 6)}-15`,
          channels: k % 3 ? ['portal'] : ['portal', 'wechat'],
        });
    }
    const inspector = await makeUser(db, county.id, ['inspector']);
    const ctx = ctxAs(db, userActor(inspector), clock);

    const req = await requestDashboard(ctx, county.id, 2026);
    assert.deepEqual(req.below.map((b) => b.agencyId).sort(), towns.map((a) => a.id).sort());
    // Every town is summarised (so the dashboard read its summary, not its rows).
    assert.equal(
      (
        await summaryState(
          db,
          towns.map((a) => a.id),
        )
      ).size,
      towns.length,
    );
    await assertFiguresOfRows(db, req.below, 2026);
    // The batch gives each agency its own calendar: the regional holiday only where it was set.
    const cals = await getCalendars(
      db,
      towns.map((a) => a.id),
    );
    assert.equal(cals.get(towns[0]!.id)!.isWorkday('2026-06-08'), false);
    assert.equal(cals.get(towns[1]!.id)!.isWorkday('2026-06-08'), true);

    const pub = await publicationDashboard(ctx, county.id, 2026);
    await assertPublicationFiguresOfRows(db, pub.below);
    for (const b of pub.below) assert.ok(b.figures.totals.published > 0);
  });
});

/** Each agency's publication figures equal the per-agency computation over its own rows and its catalogue now. */
async function assertPublicationFiguresOfRows(
  db: Db,
  below: { agencyId: number; figures: PublicationFigures }[],
): Promise<void> {
  for (const b of below) {
    const rows = await db
      .selectFrom('publications')
      .select(['published_on', 'due_on', 'category_id'])
      .where('agency_id', '=', b.agencyId)
      .execute();
    const channels = await db
      .selectFrom('publication_channels')
      .select('channel')
      .where('agency_id', '=', b.agencyId)
      .execute();
    const own = publicationFigures(
      rows.map((r) => ({
        agencyId: b.agencyId,
        publishedOn: r.published_on!,
        dueOn: r.due_on,
        categoryId: Number(r.category_id),
      })),
      2026,
      await listCategories(db, b.agencyId),
      CHANNELS.map((ch) => ({ channel: ch, count: channels.filter((c) => c.channel === ch).length })),
    );
    assert.deepEqual(b.figures, own, `agency ${b.agencyId}`);
  }
}

describeEachDialect('the publication dashboard across catalogue changes', (t) => {
  test('categories created, moved, renamed and a catalogue seeded: the figures follow at the next call', async () => {
    const db = t().db;
    await prepareDatabase(db, clock);
    const county = await makeAgency(db, { kind: 'county', parentId: null });
    const town = await makeAgency(db, { parentId: county.id });
    const other = await makeAgency(db, { parentId: county.id });
    const admin = await makeUser(db, town.id, ['admin']);
    const drafter = await makeUser(db, town.id, ['drafter']);
    const actx = ctxAs(db, userActor(admin), clock);
    const ctx = ctxAs(db, userActor(await makeUser(db, county.id, ['inspector'])), clock);
    for (const a of [town, other]) await ensureCatalogue(systemCtx(db, clock), a.id);
    const publish = async (agencyId: number, categoryId: number, k: number) => {
      const cat = (await listCategories(db, agencyId)).find((c) => c.id === categoryId)!;
      await insertPublication(db, agencyId, drafter.id, {
        category: cat.code,
        title: `条目${k}`,
        publishedOn: `2026-0${1 + (k % 9)}-10`,
        dueOn: `2026-0${1 + (k % 9)}-0${1 + (k % 2) * 8}`,
        channels: k % 2 ? ['portal'] : ['portal', 'wechat'],
      });
    };
    const codeOf = async (agencyId: number, code: string) =>
      (await listCategories(db, agencyId)).find((c) => c.code === code)!;
    const notices = await codeOf(town.id, 'notices');
    for (let k = 0; k < 4; k++) await publish(town.id, notices.id, k);
    for (let k = 0; k < 3; k++) await publish(other.id, (await codeOf(other.id, 'art20_1')).id, k);
    const check = async (agencies: number) => {
      const pub = await publicationDashboard(ctx, county.id, 2026);
      assert.equal(pub.below.length, agencies);
      await assertPublicationFiguresOfRows(db, pub.below);
      return pub.below.find((b) => b.agencyId === town.id)!.figures.byCategory;
    };
    const before = await catalogueVersion(db);
    await check(2);

    // A new top-level category and a sub-category under 通知公告 with items: counted under 通知公告.
    const top = await createCategory(actx, town.id, { name: '新栏目', parentId: null, sortOrder: 1 });
    const sub = await createCategory(actx, town.id, { name: '子栏目', parentId: notices.id, sortOrder: 5 });
    for (let k = 4; k < 9; k++) await publish(town.id, sub, k);
    assert.ok((await catalogueVersion(db)) > before, 'a created category bumps the catalogue version');
    assert.deepEqual(
      (await check(2)).find((c) => c.categoryId === notices.id)?.count,
      9,
      '通知公告 counts its sub-category',
    );
    // Moved under the new top-level category: its items go with it.
    const version = async (id: number) =>
      (await listCategories(db, town.id)).find((c) => c.id === id)!.version;
    await updateCategory(actx, sub, await version(sub), { name: '子栏目', parentId: top, sortOrder: 5 });
    let byCategory = await check(2);
    // In catalogue order: the new category (order 1) before 通知公告 (seeded orders are 10, 20, …).
    assert.deepEqual(
      byCategory.map((c) => [c.categoryId, c.count]),
      [
        [top, 5],
        [notices.id, 4],
      ],
    );
    // Renamed and moved to the top level itself.
    await updateCategory(actx, sub, await version(sub), { name: '改名栏目', parentId: null, sortOrder: 0 });
    byCategory = await check(2);
    assert.equal(byCategory[0]!.name, '改名栏目');
    assert.equal(byCategory[0]!.count, 5);
    // A township created since the first call, its catalogue seeded: in the dashboard with its own items.
    const late = await makeAgency(db, { parentId: county.id });
    const v = await catalogueVersion(db);
    await ensureCatalogue(systemCtx(db, clock), late.id);
    assert.ok((await catalogueVersion(db)) > v, 'a seeded catalogue bumps the catalogue version');
    await publish(late.id, (await codeOf(late.id, 'notices')).id, 1);
    await check(3);
  });
});

describeEachDialect('the request summary under the use cases', (t) => {
  test('the demo, written through the use cases, leaves the summary equal to a rebuild', async () => {
    const db = t().db;
    const demoClock = fixedClock('2026-12-20T02:00:00Z');
    await prepareDatabase(db, demoClock);
    await loadDemo(systemCtx(db, demoClock));
    const ids = (await db.selectFrom('agencies').select('id').execute()).map((r) => Number(r.id));
    const kept = await summaryRows(db, ids);
    assert.ok(
      kept.some((m) => Number(m.replies) > 0),
      'the demo has replies',
    );
    // Every agency with requests is summarised (one without any is counted from its rows: none).
    const withRequests = (await db.selectFrom('info_requests').select('agency_id').distinct().execute()).map(
      (r) => Number(r.agency_id),
    );
    assert.deepEqual([...(await summaryState(db, withRequests)).keys()].sort(), withRequests.sort());
    await rebuildRequestSummary(db, demoClock.now());
    assert.deepEqual(await summaryRows(db, ids), kept);
  });
});

describeEachDialect('the county supervising dashboard in batch', (t) => {
  test('every agency’s figures and report status equal a count over its own rows', async () => {
    const db = t().db;
    const demoClock = fixedClock('2026-12-20T02:00:00Z');
    await prepareDatabase(db, demoClock);
    await loadDemo(systemCtx(db, demoClock));
    const county = (
      await db.selectFrom('agencies').select('id').where('parent_id', 'is', null).execute()
    ).map((r) => Number(r.id))[0]!;
    // Every agency below, at any depth (the tree as the dashboard had it before: subtreeOf over every agency).
    const below = subtreeOf(await listAgencies(db), county)
      .map((a) => a.id)
      .filter((id) => id !== county);
    assert.ok(below.length >= 5);
    // Something late in every family for some agencies: open requests past due, items waiting in review since
    // long, unpublished village items and waiting messages past their dates, a report deadline moved.
    await db
      .updateTable('info_requests')
      .set({ due_on: '2026-11-02' })
      .where('status', 'in', [...OPEN_STATES])
      .execute();
    await db
      .updateTable('publications')
      .set({ status: 'in_review', due_on: '2026-10-01', updated_at: '2026-11-01T00:00:00.000Z' })
      .where('id', 'in', (eb) =>
        eb.selectFrom('publications').select('id').where('status', '=', 'published').where('id', '<', 40),
      )
      .execute();
    await db
      .updateTable('village_disclosures')
      .set({ status: 'draft', due_on: '2026-11-01' })
      .where('id', '<', 30)
      .execute();
    await db.updateTable('inquiries').set({ due_on: '2026-11-01' }).execute();
    await writeSetting(db, below[0]!, DEADLINE_SETTING, '12-01', demoClock.now());
    const inspector = await makeUser(db, county, ['inspector']);
    const d = await countyDashboard(ctxAs(db, userActor(inspector), demoClock));
    assert.deepEqual(
      d.rows.map((r) => r.agency.id),
      below,
    );
    const today = demoClock.today();
    const stuck = stuckBefore(demoClock.now());
    const n = async (q: Promise<{ n: unknown }>) => Number((await q).n);
    let nonZero = 0;
    for (const row of d.rows) {
      const a = row.agency.id;
      const expected = {
        overdueRequests: await n(
          db
            .selectFrom('info_requests')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('agency_id', '=', a)
            .where('status', 'in', [...OPEN_STATES])
            .where('due_on', '<', today)
            .executeTakeFirstOrThrow(),
        ),
        latePublications: await n(
          db
            .selectFrom('publications')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('agency_id', '=', a)
            .where('attribute', '=', 'proactive')
            .where('status', 'in', UNPUBLISHED)
            .where('due_on', '<', today)
            .executeTakeFirstOrThrow(),
        ),
        stuckReviews: await n(
          db
            .selectFrom('publications')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('agency_id', '=', a)
            .where('status', '=', 'in_review')
            .where('updated_at', '<', stuck)
            .executeTakeFirstOrThrow(),
        ),
        lateVillageItems: await n(
          db
            .selectFrom('village_disclosures')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('agency_id', '=', a)
            .where('status', '<>', 'published')
            .where('due_on', '<', today)
            .executeTakeFirstOrThrow(),
        ),
        overdueInquiries: await n(
          db
            .selectFrom('inquiries')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('agency_id', '=', a)
            .where('status', 'in', INQUIRY_WAITING)
            .where('due_on', '<', today)
            .executeTakeFirstOrThrow(),
        ),
        openProblems: await n(
          db
            .selectFrom('sv_problems')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('agency_id', '=', a)
            .where('status', '<>', 'closed')
            .executeTakeFirstOrThrow(),
        ),
      };
      assert.deepEqual(row.figures, expected, `agency ${row.agency.code}`);
      nonZero += Object.values(expected).filter((x) => x > 0).length;
      const report = await db
        .selectFrom('annual_reports')
        .select('status')
        .where('agency_id', '=', a)
        .where('year', '=', d.reportYear)
        .executeTakeFirst();
      const deadline = deadlineFor(
        d.reportYear,
        (await readSetting(db, a, DEADLINE_SETTING)) ?? defaultDeadline(row.agency.kind),
      );
      assert.deepEqual(row.report, {
        year: d.reportYear,
        status: overviewStatus((report?.status ?? null) as never, deadline, today),
        deadline,
      });
      assert.equal(
        row.alerts,
        Object.values(expected).filter((x) => x > 0).length + (row.report.status === 'overdue' ? 1 : 0),
      );
    }
    assert.ok(nonZero >= 4, `the demo gives late items in several families (${nonZero})`);
    assert.equal(d.rows.find((r) => r.agency.id === below[0])!.report.deadline, `${d.reportYear + 1}-12-01`);
    for (const f of FIGURES)
      assert.equal(
        d.totals[f.key],
        d.rows.reduce((s, r) => s + r.figures[f.key], 0),
        f.key,
      );
  });
});
