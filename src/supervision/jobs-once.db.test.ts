import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import {
  ctxAs,
  fixedClock,
  makeAgency,
  makeOffice,
  makeUser,
  systemCtx,
  userActor,
} from '../../test/support/factories.ts';
import { openDatabase, type Db } from '../db/database.ts';
import { seedCalendar } from '../calendar/seed-calendar.ts';
import { enqueue } from '../jobs/queue.ts';
import { drainJobs } from '../jobs/worker.ts';
import { featureJobHandlers, featureSchedules } from '../features.ts';
import { DEFAULT_SETTINGS, writeSettings } from './supervision.queries.ts';
import { recordProblem } from './record-problem.ts';
import { DAILY_JOB } from './daily-checks.ts';
import { WEEKLY_JOB } from './weekly-reminder.ts';
import { MONTHLY_JOB, runMonthlyBulletins } from './bulletin.ts';
import { ensureCatalogue } from '../publications/seed-catalogue.ts';

const KINDS = [DAILY_JOB, WEEKLY_JOB, MONTHLY_JOB];

describeEachDialect('supervision jobs: exactly once with two app instances', (t) => {
  test('the daily, weekly and monthly jobs, queued by both instances’ schedules several times and drained by both at once, each run once; a past month re-runs without a second bulletin', async () => {
    const tdb = t();
    const db = tdb.db;
    // Monday 2 March 2026, 08:00 in Beijing: every one of the three schedules is due.
    const clock = fixedClock('2026-03-02T00:00:00Z');
    await seedCalendar(systemCtx(db, clock));
    const agency = await makeAgency(db);
    await ensureCatalogue(systemCtx(db, clock), agency.id);
    const office = await makeOffice(db, agency.id);
    const head = await makeUser(db, agency.id, ['office_head'], { officeId: office });
    const clerk = await makeUser(db, agency.id, ['clerk']);
    await writeSettings(db, agency.id, { ...DEFAULT_SETTINGS }, clock.now().toISOString());
    await recordProblem(ctxAs(db, userActor(clerk), clock), agency.id, {
      unitKind: 'office',
      unitId: office,
      responsibleUserId: head.id,
      responsibleName: '',
      title: '办事指南未更新',
      description: '',
      deadline: '2026-03-20',
      link: null,
    });
    // The second instance: its own connection pool (PostgreSQL) — on SQLite one file serves both.
    const other: Db =
      tdb.dialect === 'postgres' ? openDatabase({ kind: 'postgres', url: tdb.url }, { pgPoolSize: 4 }) : db;
    try {
      const mine = featureSchedules().filter((s) => KINDS.includes(s.kind));
      assert.equal(mine.length, 3);
      // Each instance's cron fires three times (e.g. restarts within the period).
      await Promise.all(
        [db, other, db, other, db, other].flatMap((h) =>
          mine.map((s) => enqueue(h, s.kind, {}, { uniqueKey: s.uniqueKey(clock), runAt: clock.now() })),
        ),
      );
      const handlers = featureJobHandlers();
      const ran = await Promise.all([
        drainJobs({ db, clock }, handlers, 'instance-a'),
        drainJobs({ db: other, clock }, handlers, 'instance-b'),
      ]);
      assert.equal(ran[0] + ran[1], 3);
      const jobs = await db
        .selectFrom('jobs')
        .select(['kind', 'status', 'locked_by'])
        .where('kind', 'in', KINDS)
        .execute();
      assert.deepEqual(jobs.map((j) => [j.kind, j.status]).sort(), KINDS.map((k) => [k, 'done']).sort());
      const runs = await db.selectFrom('sv_runs').select(['kind', 'period']).orderBy('kind').execute();
      assert.deepEqual(
        runs.map((r) => [r.kind, r.period]),
        [
          [DAILY_JOB, '2026-03-02'],
          [MONTHLY_JOB, '2026-02'],
          [WEEKLY_JOB, '2026-W10'],
        ],
      );
      const bulletins = await db
        .selectFrom('sv_bulletins')
        .select(['period'])
        .where('agency_id', '=', agency.id)
        .execute();
      assert.deepEqual(
        bulletins.map((b) => b.period),
        ['2026-02'],
      );
      const digests = await db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', head.id)
        .where('kind', '=', 'supervision.weekly')
        .execute();
      assert.equal(digests.length, 1, 'one weekly digest for the office head');
      const daily = await db
        .selectFrom('sv_problems')
        .select(['check_key'])
        .where('agency_id', '=', agency.id)
        .where('source', '=', 'daily_check')
        .execute();
      assert.equal(daily.length, new Set(daily.map((d) => d.check_key)).size, 'no daily-check problem twice');

      // A past month, re-run twice from both instances: one bulletin, two recorded runs.
      const sys = systemCtx(db, clock);
      await Promise.all([
        runMonthlyBulletins(sys, { month: '2026-01' }),
        runMonthlyBulletins({ ...sys, db: other }, { month: '2026-01' }),
      ]);
      const jan = await db
        .selectFrom('sv_bulletins')
        .select('id')
        .where('agency_id', '=', agency.id)
        .where('period', '=', '2026-01')
        .execute();
      assert.equal(jan.length, 1);
      const janRuns = await db
        .selectFrom('sv_runs')
        .select('id')
        .where('kind', '=', MONTHLY_JOB)
        .where('period', '=', '2026-01')
        .execute();
      assert.equal(janRuns.length, 2);
    } finally {
      if (other !== db) await other.destroy();
    }
  });
});
