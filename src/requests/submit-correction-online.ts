/**
 * The applicant sends the 补正 through the portal (with the reference and the tracking code): the corrected
 * request is received today, the reply period restarts (条例第三十条), and the text is kept with the file.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { systemActor } from '../context.ts';
import { trackRequest, TrackInput } from './track-request.ts';
import { receiveCorrection } from './receive-correction.ts';

export const OnlineCorrectionInput = TrackInput.extend({
  correction: z.string().trim().min(1, '请填写补正内容').max(4000, '补正内容不能超过4000字'),
});

export async function submitCorrectionOnline(ctx: Ctx, raw: unknown) {
  const input = parseInput(OnlineCorrectionInput, raw);
  const tracked = await trackRequest(ctx, input);
  if (tracked.status !== 'awaiting_correction') throw new InvalidStateError('该申请目前不需要补正');
  // The portal acts for the applicant: the step runs as the system, the note names the applicant as author.
  const asPortal: Ctx = { ...ctx, actor: systemActor('门户网站（申请人网上补正）') };
  await ctx.db
    .insertInto('request_notes')
    .values({
      request_id: tracked.id,
      kind: 'correction',
      body: `申请人网上提交补正：${input.correction}`,
      author_id: null,
      author_name: '申请人',
      created_at: nowIso(ctx.clock.now()),
    })
    .execute();
  return receiveCorrection(asPortal, tracked.id, { receivedOn: ctx.clock.today() });
}
