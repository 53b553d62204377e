/** Uploads: the daily removal of what a crash left in the file store's staging area (staged-upload.ts). */
import type { Feature } from '../feature.ts';
import { config } from '../config.ts';
import { periodKey } from '../jobs/schedules.ts';
import { fileStoreOf } from '../storage/index.ts';
import { purgeStaleStaged } from './staged-upload.ts';

export const PURGE_STAGED_JOB = 'uploads.purge_stale_staged';

export const uploadsFeature: Feature = {
  name: 'uploads',
  jobs: {
    [PURGE_STAGED_JOB]: async (ctx) => {
      await purgeStaleStaged(ctx.db, fileStoreOf(config()), ctx.clock.now());
    },
  },
  // Queued by every instance's cron, run once: the unique key carries the business date.
  schedules: [{ kind: PURGE_STAGED_JOB, cron: '45 3 * * *', uniqueKey: periodKey.day(PURGE_STAGED_JOB) }],
};
