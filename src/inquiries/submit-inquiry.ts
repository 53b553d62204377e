/**
 * A citizen leaves a message on the portal (or a clerk enters one received by phone or WeChat, channel given).
 * Order: validate → anti-abuse → screen → one transaction: the message with its reference, tracking code and due
 * date, the first history line, the clerks' reminders, the citizen's SMS/e-mail job and the audit row.
 */
import type { Ctx } from '../context.ts';
import { assertCan, parseInput, ValidationError } from '../errors.ts';
import { inquiryPolicy } from './inquiry.policy.ts';
import { fromBool, nowIso } from '../db/values.ts';
import { recordEvent } from '../audit/record-event.ts';
import { enqueue } from '../jobs/queue.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import type { Agency } from '../org/org.ts';
import { listOffices, listVillages } from '../org/org.queries.ts';
import { nextSerial } from '../serials/next-serial.ts';
import { newTrackingCode } from '../tracking/tracking-code.ts';
import { InquiryInput } from './inquiry.schema.ts';
import { getInquirySettings } from './settings.ts';
import { screenText } from './screening.ts';
import { replyDue } from './deadline.ts';
import { suggestOffice } from './routing.ts';
import { listRoutingRules } from './manage-settings.ts';
import {
  addEvent,
  clerksOf,
  getInquiry,
  inquiryAgencyScope,
  notifyUsers,
  officeLink,
} from './inquiries.queries.ts';
import { guardSubmission, type AbuseInput } from './abuse.ts';
import { CITIZEN_JOB } from './notify-citizen.ts';
import { KIND_LABELS, type Inquiry } from './inquiry.ts';
import { withUploads, type PendingUploads } from '../requests/index.ts';
import { safeFileName } from '../text/file-name.ts';

export const contactKeyOf = (phone?: string | null, email?: string | null) =>
  phone ? `p:${phone}` : email ? `e:${email.toLowerCase()}` : null;

/** Submit a message. `abuse` carries the honeypot and the challenge answer (public channel only). */
export async function submitInquiry(
  ctx: Ctx,
  agency: Agency,
  raw: unknown,
  opts: { abuse?: AbuseInput; uploads?: PendingUploads; channel?: 'portal' | 'wechat' | 'phone' } = {},
): Promise<Inquiry> {
  const input = parseInput(InquiryInput, raw);
  const settings = await getInquirySettings(ctx.db, agency.id);
  if (!settings.topics.includes(input.topic))
    throw new ValidationError('请从列表中选择留言涉及的事项', { topic: '请选择事项' });
  const offices = await listOffices(ctx.db, agency.id);
  const villages = await listVillages(ctx.db, agency.id);
  if (input.officeId != null && !offices.some((o) => o.id === input.officeId))
    throw new ValidationError('请选择本乡镇的站办所，或选择“不清楚”', { officeId: '单位不存在' });
  if (input.villageId != null && !villages.some((v) => v.id === input.villageId))
    throw new ValidationError('请选择本乡镇的村', { villageId: '村不存在' });
  const contactKey = contactKeyOf(input.contactPhone, input.contactEmail);
  const channel = opts.channel ?? 'portal';
  // A message taken by phone or from a WeChat conversation is entered by a clerk.
  if (channel !== 'portal' && ctx.actor.kind !== 'system')
    assertCan(inquiryPolicy.manage(ctx.actor, await inquiryAgencyScope(ctx.db, agency.id)), { hide: true });
  if (channel === 'portal') await guardSubmission(ctx, 'inquiry', { ...opts.abuse, contactKey }, settings);
  const screen = screenText(input.body, settings);
  const rules = await listRoutingRules(ctx.db, agency.id);
  const suggestion = suggestOffice(rules, {
    topic: input.topic,
    villageId: input.villageId ?? null,
    officeChosenId: input.officeId ?? null,
  });
  const cal = await getCalendar(ctx.db, agency.id);
  const today = ctx.clock.today();
  const due = replyDue(cal, today, settings.replyDays[input.kind]);
  const clerks = await clerksOf(ctx.db, agency.id);
  const now = ctx.clock.now();
  const year = Number(today.slice(0, 4));
  // The message, its files and their rows in one step (written only after the anti-abuse checks passed).
  return withUploads(ctx.db, opts.uploads, { agencyId: agency.id, year }, async (trx, files) => {
    const serial = await nextSerial(trx, `inquiry:${agency.id}:${year}`);
    const reference = `${agency.shortName}留〔${year}〕${serial}号`;
    const code = newTrackingCode();
    const row = await trx
      .insertInto('inquiries')
      .values({
        agency_id: agency.id,
        ref_year: year,
        ref_serial: serial,
        reference,
        tracking_code: code,
        kind: input.kind,
        topic: input.topic,
        village_id: input.villageId ?? null,
        office_chosen_id: input.officeId ?? null,
        office_id: suggestion.officeId,
        body: input.body,
        contact_name: input.contactName,
        contact_phone: input.contactPhone ?? null,
        contact_email: input.contactEmail ?? null,
        contact_key: contactKey,
        allow_publish: fromBool(input.allowPublish),
        channel,
        status: 'pending_routing',
        screen_json: JSON.stringify(screen),
        needs_screening: fromBool(screen.hold),
        submitted_at: nowIso(now),
        received_on: today,
        due_on: due,
        original_due_on: due,
        extension_days: null,
        extension_reason: null,
        extended_by_name: null,
        draft_reply: null,
        draft_outcome: null,
        draft_by_name: null,
        returned_reason: null,
        reply: null,
        outcome: null,
        approved_by_name: null,
        first_replied_on: null,
        first_on_time: null,
        replied_on: null,
        referral_to: null,
        reject_reason: null,
        converted_request_id: null,
        merged_into_id: null,
        rating: null,
        rating_reason: null,
        rated_at: null,
        reopen_count: 0,
        is_published: 0,
        public_title: null,
        public_body: null,
        public_reply: null,
        published_on: null,
        alarm_sent_on: null,
        created_at: nowIso(now),
        updated_at: nowIso(now),
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const f of files)
      await trx
        .insertInto('inquiry_attachments')
        .values({
          inquiry_id: row.id,
          file_name: safeFileName(f.fileName),
          content_type: f.contentType,
          size: f.size,
          storage_path: f.storagePath,
          created_at: nowIso(now),
        })
        .execute();
    await addEvent(trx, ctx, row.id, 'submitted', { forCitizen: true, note: `建议承办：${suggestion.why}` });
    await notifyUsers(
      trx,
      clerks,
      {
        kind: 'inquiry.new',
        title: `新留言${reference}（${KIND_LABELS[input.kind]}·${input.topic}）待分办${screen.hold ? '，含需审看的词语' : ''}`,
        link: officeLink(row.id),
      },
      now,
    );
    if (contactKey)
      await enqueue(trx, CITIZEN_JOB, {
        inquiryId: row.id,
        text: `【${agency.shortName}】您的留言已收到，留言编号${reference}，查询码${code}，可在门户网站“留言查询”查看办理进度。`,
      });
    await recordEvent(trx, ctx, {
      action: 'inquiry.submitted',
      objectType: 'inquiry',
      objectId: row.id,
      agencyId: agency.id,
      after: {
        reference,
        kind: input.kind,
        topic: input.topic,
        channel,
        held: screen.hold,
        attachments: files.length,
      },
    });
    return getInquiry(trx, row.id);
  });
}
