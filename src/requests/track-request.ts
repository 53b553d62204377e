/**
 * Applicant tracking (no account): with the reference and the tracking code the applicant sees the status, the
 * due date and the letters sent to them — nothing else about the request, nothing about other requests.
 */
import { normalizeTrackingCode, trackingCodesEqual } from '../tracking/tracking-code.ts';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { DomainError, NotFoundError, parseInput } from '../errors.ts';
import { takeToken } from '../auth/rate-limit.ts';
import { STATE_LABELS, type RequestState } from './request.ts';

export const TrackInput = z.object({
  reference: z.string().trim().min(1, '请填写登记编号').max(60),
  code: z.string().trim().min(1, '请填写查询码').max(20).transform(normalizeTrackingCode),
});

export interface TrackedRequest {
  id: number;
  reference: string;
  status: RequestState;
  statusLabel: string;
  receivedOn: string | null;
  dueOn: string | null;
  dueProvisional: boolean;
  letters: { id: number; title: string; docNo: string; issuedOn: string }[];
}

/** Look a request up for its applicant. Wrong reference or code: the same "not found" (and rate-limited by IP). */
export async function trackRequest(ctx: Ctx, raw: unknown): Promise<TrackedRequest> {
  const input = parseInput(TrackInput, raw);
  const ok = await takeToken(
    ctx.db,
    `track:${ctx.meta.ip ?? 'unknown'}`,
    30,
    15 * 60 * 1000,
    ctx.clock.now(),
  );
  if (!ok) throw new DomainError('rate_limited', '查询过于频繁，请15分钟后再试');
  const rows = await ctx.db
    .selectFrom('info_requests')
    .select(['id', 'reference', 'tracking_code', 'status', 'received_on', 'due_on', 'due_provisional'])
    .where('reference', '=', input.reference)
    .execute();
  const r = rows.find((x) => trackingCodesEqual(x.tracking_code, input.code));
  if (!r) throw new NotFoundError('登记编号或查询码不正确，请核对回执上的信息');
  const letters = await ctx.db
    .selectFrom('request_letters')
    .select(['id', 'title', 'doc_no', 'issued_on'])
    .where('request_id', '=', r.id)
    .where('for_applicant', '=', 1)
    .orderBy('id')
    .execute();
  const status = r.status as RequestState;
  return {
    id: r.id,
    reference: r.reference,
    status,
    statusLabel: STATE_LABELS[status],
    receivedOn: r.received_on,
    dueOn: r.due_on,
    dueProvisional: Boolean(r.due_provisional),
    letters: letters.map((l) => ({ id: l.id, title: l.title, docNo: l.doc_no, issuedOn: l.issued_on })),
  };
}
