import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { openDatabase } from '../db/database.ts';
import { claimNext, completeJob, enqueue, type JobHandler } from './queue.ts';
import { drainJobs } from './worker.ts';
import { fixedClock } from '../clock.ts';
import { isoWeek, periodKey } from './schedules.ts';

describeEachDialect('job queue', (t) => {
  test('a scheduled job is queued once per period however many instances try', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T00:30:00Z');
    const daily = { uniqueKey: periodKey.day('daily_sweep') };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => enqueue(db, 'daily_sweep', {}, { uniqueKey: daily.uniqueKey(clock) })),
    );
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal(daily.uniqueKey(clock), 'daily_sweep:2026-03-02');
    assert.equal(periodKey.week('weekly_reminder')(clock), 'weekly_reminder:2026-W10');
    assert.equal(periodKey.month('monthly_bulletin')(clock), 'monthly_bulletin:2026-03');
    assert.equal(isoWeek('2027-01-01'), '2026-W53');
    await db.deleteFrom('jobs').execute();
  });

  test('concurrent workers never claim the same job (each runs exactly once)', async () => {
    const tdb = t();
    const { db } = tdb;
    for (let i = 0; i < 40; i++) await enqueue(db, 'test_count', { i });
    // A second connection pool stands in for a second app instance.
    const other =
      tdb.dialect === 'postgres' ? openDatabase({ kind: 'postgres', url: tdb.url }, { pgPoolSize: 4 }) : db;
    const seen: number[] = [];
    const claimAll = async (h: typeof db, id: string) => {
      for (;;) {
        const job = await claimNext(h, id, new Date());
        if (!job) return;
        seen.push((job.payload as { i: number }).i);
        await completeJob(h, job.id, new Date());
      }
    };
    await Promise.all([claimAll(db, 'a'), claimAll(other, 'b'), claimAll(db, 'c'), claimAll(other, 'd')]);
    if (other !== db) await other.destroy();
    assert.equal(seen.length, 40);
    assert.equal(new Set(seen).size, 40);
    await db.deleteFrom('jobs').execute();
  });

  test('a failing job is retried later, then marked failed', async () => {
    const { db } = t();
    let calls = 0;
    const handlers = new Map<string, JobHandler>();
    handlers.set('test_fail', async () => {
      calls++;
      throw new Error('boom');
    });
    await enqueue(db, 'test_fail', {}, { maxAttempts: 2 });
    const clock = fixedClock(new Date().toISOString());
    assert.equal(await drainJobs({ db, clock }, handlers), 1);
    assert.equal(await drainJobs({ db, clock }, handlers), 0, 'not before the back-off');
    clock.advance(10 * 60 * 1000);
    await drainJobs({ db, clock }, handlers);
    const job = await db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'test_fail')
      .executeTakeFirstOrThrow();
    assert.equal(calls, 2);
    assert.equal(job.status, 'failed');
    assert.equal(job.last_error, 'boom');
  });
});
