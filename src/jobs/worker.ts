import crypto from 'node:crypto';
import os from 'node:os';
import { Cron } from 'croner';
import type { Db } from '../db/database.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { systemActor } from '../context.ts';
import { claimNext, completeJob, enqueue, failJob, jobHandlers } from './queue.ts';
import { schedules } from './schedules.ts';

/** Run every due job once; returns how many ran (tests call this directly instead of waiting). */
export async function drainJobs(
  deps: { db: Db; clock: Clock; logger?: Logger },
  workerId = 'drain',
): Promise<number> {
  let n = 0;
  for (;;) {
    const job = await claimNext(deps.db, workerId, deps.clock.now());
    if (!job) return n;
    n++;
    const handler = jobHandlers.get(job.kind);
    try {
      if (handler)
        await handler(
          { db: deps.db, clock: deps.clock, actor: systemActor('定时任务'), meta: { ip: null } },
          job.payload,
        );
      await completeJob(deps.db, job.id, deps.clock.now());
    } catch (e) {
      deps.logger?.warn({ err: e, job: job.kind }, 'job failed');
      await failJob(deps.db, job, e instanceof Error ? e.message : String(e), deps.clock.now());
    }
  }
}

/** Start polling for jobs and queueing scheduled ones; stop() waits for the current job. */
export function startWorker(
  deps: { db: Db; clock: Clock; logger: Logger },
  pollMs = 2000,
): { stop(): Promise<void> } {
  const workerId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const crons = schedules.map(
    (s) =>
      new Cron(s.cron, { timezone: 'Asia/Shanghai' }, () => {
        enqueue(deps.db, s.kind, {}, { uniqueKey: s.uniqueKey(deps.clock) }).catch((e) =>
          deps.logger.error({ err: e }, 'schedule failed'),
        );
      }),
  );
  const tick = () => {
    if (stopped) return;
    running = drainJobs(deps, workerId)
      .catch((e) => deps.logger.error({ err: e }, 'worker error'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };
  let timer = setTimeout(tick, 500);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      for (const c of crons) c.stop();
      await running;
    },
  };
}
