/**
 * Applicant tracking (no account): with the reference and the tracking code the applicant sees the status, the
 * dates that matter to them (received, the deadline as extended, replied, delivered), the 补正 asked of them with
 * its deadline, the letters sent to them, and — when they chose 网上获取 — the files provided with the reply. Nothing
 * else about the request, nothing about other requests. The reference is read as people type it
 * (tracking/reference-input.ts).
 */
import { normalizeTrackingCode, trackingCodesEqual } from '../tracking/tracking-code.ts';
import { parseReferenceInput } from '../tracking/reference-input.ts';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { DomainError, NotFoundError, parseInput } from '../errors.ts';
import { takeToken } from '../auth/rate-limit.ts';
import { STATE_LABELS, type RequestState } from './request.ts';

export const TrackInput = z.object({
  reference: z.string().trim().min(1, '请填写登记编号').max(60, '登记编号不能超过60个字'),
  code: z
    .string()
    .trim()
    .min(1, '请填写查询码')
    .max(20, '查询码不能超过20个字')
    .transform(normalizeTrackingCode),
});

/** Attachment sources: what the applicant sent, what the office kept, what the reply provides to the applicant. */
export const DISCLOSED_SOURCE = 'disclosed';

/** States after the reply was issued: the reply's dates and the provided files are shown from then on. */
const REPLIED_STATES: readonly RequestState[] = ['replied', 'delivered', 'archived'];

export interface TrackedRequest {
  id: number;
  reference: string;
  status: RequestState;
  statusLabel: string;
  receivedOn: string | null;
  dueOn: string | null;
  dueProvisional: boolean;
  /** The statutory deadline before an extension (null when never extended). */
  originalDueOn: string | null;
  extensionDays: number | null;
  /** The day the reply was issued, and the day it reached the applicant. */
  repliedOn: string | null;
  deliveredOn: string | null;
  deliveryRequested: string;
  /** The open 补正 asked of the applicant (awaiting_correction only). */
  correction: { items: string; guidance: string | null; noticeOn: string; dueOn: string } | null;
  letters: { id: number; title: string; docNo: string; issuedOn: string }[];
  /** Files provided with the reply, downloadable here when the applicant chose 网上获取. */
  files: { id: number; fileName: string; size: number }[];
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
  const parts = parseReferenceInput(input.reference);
  let q = ctx.db
    .selectFrom('info_requests')
    .select([
      'id',
      'reference',
      'tracking_code',
      'status',
      'received_on',
      'due_on',
      'due_provisional',
      'original_due_on',
      'extension_days',
      'closed_on',
      'delivered_on',
      'delivery_requested',
    ]);
  q = parts
    ? q.where('ref_year', '=', parts.year).where('ref_serial', '=', parts.serial)
    : q.where('reference', '=', input.reference);
  const rows = await q.execute();
  const r = rows.find((x) => trackingCodesEqual(x.tracking_code, input.code));
  if (!r)
    throw new NotFoundError(
      '登记编号或查询码不正确，请核对回执上的信息（登记编号可只填年份和序号，如 (2026)13）',
    );
  const status = r.status as RequestState;
  const [letters, correction, files] = await Promise.all([
    ctx.db
      .selectFrom('request_letters')
      .select(['id', 'title', 'doc_no', 'issued_on'])
      .where('request_id', '=', r.id)
      .where('for_applicant', '=', 1)
      .orderBy('id')
      .execute(),
    status === 'awaiting_correction'
      ? ctx.db
          .selectFrom('request_corrections')
          .select(['items', 'guidance', 'notice_on', 'period_end_on'])
          .where('request_id', '=', r.id)
          .where('received_on', 'is', null)
          .orderBy('id', 'desc')
          .executeTakeFirst()
      : undefined,
    REPLIED_STATES.includes(status) && r.delivery_requested === 'online'
      ? ctx.db
          .selectFrom('request_attachments')
          .select(['id', 'file_name', 'size'])
          .where('request_id', '=', r.id)
          .where('source', '=', DISCLOSED_SOURCE)
          .orderBy('id')
          .execute()
      : [],
  ]);
  const replied = REPLIED_STATES.includes(status);
  return {
    id: r.id,
    reference: r.reference,
    status,
    statusLabel: STATE_LABELS[status],
    receivedOn: r.received_on,
    dueOn: r.due_on,
    dueProvisional: Boolean(r.due_provisional),
    originalDueOn: r.extension_days ? r.original_due_on : null,
    extensionDays: r.extension_days,
    repliedOn: replied ? r.closed_on : null,
    deliveredOn: r.delivered_on,
    deliveryRequested: r.delivery_requested,
    correction: correction
      ? {
          items: correction.items,
          guidance: correction.guidance,
          noticeOn: correction.notice_on,
          dueOn: correction.period_end_on,
        }
      : null,
    letters: letters.map((l) => ({ id: l.id, title: l.title, docNo: l.doc_no, issuedOn: l.issued_on })),
    files: files.map((f) => ({ id: f.id, fileName: f.file_name, size: f.size })),
  };
}
