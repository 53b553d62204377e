/**
 * A citizen applies online (条例第二十九条). The request is received on the day the office confirms it
 * (第三十一条第（三）项: 双方确认), unless the agency counts the portal's automatic acknowledgement as confirmation
 * (setting onlineAutoConfirmation, default off). The applicant gets the reference and a tracking code at once.
 *
 * The form carries an idempotency key (made when the form was shown): the same key files at most one request. A
 * refreshed or re-posted form, or two posts racing each other, get the request the first one filed.
 */
import type { Ctx } from '../context.ts';
import { parseInput } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { Agency } from '../org/org.ts';
import { OnlineRequestInput } from './request.schema.ts';
import { getRequestSettings } from './settings.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { createRequestRecord } from './create-request-record.ts';
import { getRequest } from './requests.queries.ts';
import { issueLetter } from './issue-letter.ts';
import { withUploads, type PendingUploads } from './uploads.ts';
import type { InfoRequest } from './request.ts';
import type { DbOrTrx } from '../db/database.ts';

/** The request an idempotency key already filed, if any, and when. */
export async function findOnlineSubmission(
  db: DbOrTrx,
  key: string,
): Promise<{ request: InfoRequest; createdAt: string } | undefined> {
  const row = await db
    .selectFrom('online_submissions')
    .select(['request_id', 'created_at'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row ? { request: await getRequest(db, row.request_id), createdAt: row.created_at } : undefined;
}

export async function submitOnlineRequest(
  ctx: Ctx,
  agency: Agency,
  raw: unknown,
  uploads?: PendingUploads,
  idempotencyKey?: string,
): Promise<InfoRequest> {
  const input = parseInput(OnlineRequestInput, raw);
  if (idempotencyKey) {
    const earlier = await findOnlineSubmission(ctx.db, idempotencyKey);
    if (earlier) return earlier.request;
  }
  try {
    return await fileOnlineRequest(ctx, agency, input, uploads, idempotencyKey);
  } catch (e) {
    // A concurrent post with the same key won the unique index: answer with its request.
    const earlier = idempotencyKey ? await findOnlineSubmission(ctx.db, idempotencyKey) : undefined;
    if (earlier) return earlier.request;
    throw e;
  }
}

async function fileOnlineRequest(
  ctx: Ctx,
  agency: Agency,
  input: OnlineRequestInput,
  uploads: PendingUploads | undefined,
  idempotencyKey: string | undefined,
): Promise<InfoRequest> {
  const settings = await getRequestSettings(ctx.db, agency.id);
  const today = ctx.clock.today();
  const auto = settings.onlineAutoConfirmation;
  const cal = await getCalendar(ctx.db, agency.id);
  // The request, its files and their rows in one step: a failure keeps none of them.
  const place = { agencyId: agency.id, year: Number(today.slice(0, 4)) };
  return withUploads(ctx.db, uploads, place, async (trx, files) => {
    const id = await createRequestRecord(trx, ctx, agency, settings, cal, {
      input,
      channel: 'online',
      submittedOn: today,
      receivedOn: auto ? today : null,
      receiptEvidence: auto ? '门户网站自动确认（本机关设置：自动回执视为双方确认）' : null,
      status: auto ? 'accepted' : 'pending_confirmation',
    });
    if (idempotencyKey)
      await trx
        .insertInto('online_submissions')
        .values({
          idempotency_key: idempotencyKey,
          agency_id: agency.id,
          request_id: id,
          created_at: nowIso(ctx.clock.now()),
        })
        .execute();
    for (const f of files) {
      await trx
        .insertInto('request_attachments')
        .values({
          request_id: id,
          file_name: f.fileName,
          content_type: f.contentType,
          size: f.size,
          storage_path: f.storagePath,
          source: 'applicant',
          uploaded_by_name: '申请人',
          created_at: nowIso(ctx.clock.now()),
        })
        .execute();
    }
    const r = await getRequest(trx, id);
    if (auto)
      await issueLetter(trx, ctx, r, agency, settings, { kind: 'receipt', vars: { 收到方式: '网上申请' } });
    await recordEvent(trx, ctx, {
      action: 'request.submitted',
      objectType: 'info_request',
      objectId: id,
      agencyId: agency.id,
      after: { reference: r.reference, channel: 'online', attachments: files.length },
    });
    return r;
  });
}
