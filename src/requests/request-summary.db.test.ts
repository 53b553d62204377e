/**
 * The per-month request summary when something goes around the use cases: a row written directly, an agency never
 * summarised, a calendar changed without its listener. The dashboard never shows a stale figure (it counts such an
 * agency from its rows), and `gongkai requests rebuild-summary` brings the summary back.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect, targetOf } from '../../test/support/db.ts';
import { cli } from '../../test/support/cli.ts';
import { ctxAs, makeAgency, makeUser, systemCtx, userActor } from '../../test/support/factories.ts';
import { prepareDatabase } from '../setup.ts';
import { fixedClock, systemClock } from '../clock.ts';
import { setCliDatabase } from '../cli/open-db.ts';
import { generateRequests } from './generate-requests.ts';
import {
  readMonthSummaries,
  REBUILD_SUMMARY_JOB,
  rebuildSummaryJob,
  rebuildSummaryKey,
  requestSummarySeed,
  summaryState,
} from './request-summary.ts';
import { drainJobs } from '../jobs/worker.ts';
import { requestDashboard } from '../dashboards/request-dashboard.ts';

const clock = fixedClock('2026-06-15T02:00:00Z');

describeEachDialect('request summary outside the use cases', (t) => {
  before(() => setCliDatabase(targetOf(t()), clock));
  after(() => setCliDatabase());

  test('a direct write: rebuild-summary recounts; no state or another calendar: the dashboard reads the rows', async () => {
    const db = t().db;
    await prepareDatabase(db, clock);
    const county = await makeAgency(db, { kind: 'county', parentId: null });
    const town = await makeAgency(db, { parentId: county.id });
    await generateRequests(db, town.id, 2026, 60, 5);
    const inspector = await makeUser(db, county.id, ['inspector']);
    const ctx = ctxAs(db, userActor(inspector), clock);
    const figures = async () => (await requestDashboard(ctx, county.id, 2026)).below[0]!.figures;
    const truth = await figures();
    assert.ok(truth.totals.replies > 0);

    // A row changed directly (as a restore script might): the summary no longer matches until rebuilt.
    const march = await db
      .selectFrom('info_requests')
      .select('id')
      .where('agency_id', '=', town.id)
      .where('received_on', '>=', '2026-03-01')
      .where('received_on', '<=', '2026-03-31')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('info_requests')
      .set({ received_on: '2026-04-01' })
      .where('id', '=', march.id)
      .execute();
    assert.equal(
      (await figures()).receivedByMonth[2],
      truth.receivedByMonth[2],
      'the summary, not yet rebuilt',
    );
    const r = await cli('requests', 'rebuild-summary', '--agency', town.code);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /已重新统计 1 个机关的月度汇总/);
    const fixed = await figures();
    assert.equal(fixed.receivedByMonth[2], truth.receivedByMonth[2]! - 1);
    assert.equal(fixed.receivedByMonth[3], truth.receivedByMonth[3]! + 1);
    const months = (await readMonthSummaries(db, [town.id], 2026)).get(town.id)!;
    assert.equal(months.find((m) => m.month === '2026-04')!.received, fixed.receivedByMonth[3]);

    // Not summarised (no state row): the rows are counted, the same figures.
    await db.deleteFrom('request_summary_state').where('agency_id', '=', town.id).execute();
    await db.deleteFrom('request_month_stats').where('agency_id', '=', town.id).execute();
    assert.equal((await summaryState(db, [town.id])).size, 0);
    assert.deepEqual(await figures(), fixed);

    // A calendar changed in SQL, without the calendar use cases: the stored fingerprint is another one, so the rows
    // are counted on the new calendar, and the medians move with it.
    assert.equal((await cli('requests', 'rebuild-summary')).code, 0);
    await db
      .updateTable('calendar_years')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('year', '=', 2026)
      .execute();
    // March 2026 becomes a month of rest days: every reply across it takes fewer working days.
    await db.deleteFrom('calendar_days').where('date', 'like', '2026-03-%').execute();
    await db
      .insertInto('calendar_days')
      .values(
        Array.from({ length: 31 }, (_, i) => ({
          date: `2026-03-${String(i + 1).padStart(2, '0')}`,
          year: 2026,
          is_workday: 0,
          name: '测试',
        })),
      )
      .execute();
    const moved = await figures();
    assert.notDeepEqual(moved.medianDaysByMonth, fixed.medianDaysByMonth);
    // The start-up seed rebuilds the agency on the calendar in force; the figures stay those of the rows.
    await prepareDatabase(db, clock);
    assert.equal((await summaryState(db, [town.id])).size, 1);
    assert.deepEqual(await figures(), moved);
  });
});

describeEachDialect('the request summary rebuild job', (t) => {
  test('two nodes starting at once queue one job; one worker runs it; the dashboard counts rows until then', async () => {
    const db = t().db;
    await prepareDatabase(db, clock);
    const county = await makeAgency(db, { kind: 'county', parentId: null });
    const town = await makeAgency(db, { parentId: county.id });
    await generateRequests(db, town.id, 2026, 40, 7);
    const inspector = await makeUser(db, county.id, ['inspector']);
    const ctx = ctxAs(db, userActor(inspector), clock);
    const figures = async () => (await requestDashboard(ctx, county.id, 2026)).below[0]!.figures;
    const truth = await figures();
    // As after an upgrade: the agency is not summarised, and this schema version's job not queued yet.
    await db.deleteFrom('request_summary_state').where('agency_id', '=', town.id).execute();
    await db.deleteFrom('request_month_stats').where('agency_id', '=', town.id).execute();
    await db.deleteFrom('jobs').where('kind', '=', REBUILD_SUMMARY_JOB).execute();
    const sys = systemCtx(db, clock);
    await Promise.all([requestSummarySeed.run(sys), requestSummarySeed.run(sys)]);
    const jobs = await db
      .selectFrom('jobs')
      .select(['status', 'unique_key'])
      .where('kind', '=', REBUILD_SUMMARY_JOB)
      .execute();
    assert.deepEqual(jobs, [{ status: 'pending', unique_key: rebuildSummaryKey() }]);
    assert.equal((await summaryState(db, [town.id])).size, 0, 'not built at start-up');
    assert.deepEqual(await figures(), truth, 'counted from the rows meanwhile');
    let runs = 0;
    const handlers = new Map([
      [
        REBUILD_SUMMARY_JOB,
        async (c: Parameters<typeof rebuildSummaryJob>[0]) => {
          runs++;
          await rebuildSummaryJob(c);
        },
      ],
    ]);
    const ran = await Promise.all([
      // enqueue stamps run_at with the real time: the workers claim on it.
      drainJobs({ db, clock: systemClock }, handlers, 'node-1'),
      drainJobs({ db, clock: systemClock }, handlers, 'node-2'),
    ]);
    assert.equal(runs, 1);
    assert.equal(ran[0]! + ran[1]!, 1);
    assert.equal((await summaryState(db, [town.id])).size, 1, 'built by the job');
    assert.deepEqual(await figures(), truth);
    // Restarting on the same schema version queues nothing more.
    await requestSummarySeed.run(sys);
    assert.equal(
      (await db.selectFrom('jobs').select('id').where('kind', '=', REBUILD_SUMMARY_JOB).execute()).length,
      1,
    );
  });
});
