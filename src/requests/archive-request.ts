/** 归档: the file is frozen (条例第四十五条); later corrections are logged amendments, never silent edits. */
import type { Ctx } from '../context.ts';
import { nowIso } from '../db/values.ts';
import { requestStep } from './request-step.ts';

export async function archiveRequest(ctx: Ctx, id: number) {
  return requestStep(ctx, id, {
    policy: 'handle',
    action: 'archive',
    audit: 'request.archived',
    async run() {
      return { patch: { archived_at: nowIso(ctx.clock.now()) } };
    },
  });
}
