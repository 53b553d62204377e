import crypto from 'node:crypto';
import os from 'node:os';
import { Cron } from 'croner';
import type { Db } from '../db/database.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { systemActor } from '../context.ts';
import { claimNext, completeJob, enqueue, failJob, type JobHandler } from './queue.ts';
import type { Schedule } from './schedules.ts';

/** What the worker runs: handlers by kind and the recurring schedules (from src/features.ts). */
export interface JobWiring {
  handlers: ReadonlyMap<string, JobHandler>;
  schedules: readonly Schedule[];
}

/** Run every due job once; returns how many ran (tests call this directly instead of waiting). */
export async function drainJobs(
  deps: { db: Db; clock: Clock; logger?: Logger },
  handlers: ReadonlyMap<string, JobHandler>,
  workerId = 'drain',
): Promise<number> {
  let n = 0;
  for (;;) {
    const job = await claimNext(deps.db, workerId, deps.clock.now());
    if (!job) return n;
    n++;
    const handler = handlers.get(job.kind);
    try {
      // A kind nobody handles fails visibly (retried, then dead) instead of completing silently.
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      else
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
  wiring: JobWiring,
  pollMs = 2000,
): { stop(): Promise<void> } {
  const workerId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const crons = wiring.schedules.map(
    (s) =>
      new Cron(s.cron, { timezone: 'Asia/Shanghai' }, () => {
        enqueue(deps.db, s.kind, {}, { uniqueKey: s.uniqueKey(deps.clock) }).catch((e) =>
          deps.logger.error({ err: e }, 'schedule failed'),
        );
      }),
  );
  const tick = () => {
    if (stopped) return;
    running = drainJobs(deps, wiring.handlers, workerId)
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
