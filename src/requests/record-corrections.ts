/**
 * The register of 更正 requests (条例第四十一条): intake on the same channels as disclosure requests, the record
 * concerned and the evidence; the decision and the letter that tells the applicant, with its deadline (agency setting
 * `recordCorrectionDays`) and relief wording.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { assertCan, InvalidStateError, NotFoundError, parseInput, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { nextSerial } from '../serials/next-serial.ts';
import { requestPolicy } from './request.policy.ts';
import { requestScope } from './requests.queries.ts';
import { getRequestSettings, formatNumber } from './settings.ts';
import { CHANNEL_LABELS, CHANNELS } from './request.ts';
import { writeXlsx } from '../documents/xlsx.ts';
import { dateField } from './request.schema.ts';
import { actorName } from './create-request-record.ts';
import { reconsiderationBody } from './issue-letter.ts';
import { reliefParagraph } from './dispositions.ts';
import { cnDate } from './letters.ts';
import {
  CORRECTION_DECISIONS,
  CORRECTION_DECISION_LABELS,
  checkCorrectionDecision,
  correctionDecisionText,
  type CorrectionDecision,
} from './record-correction-rules.ts';

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

export const RecordCorrectionInput = z.object({
  channel: z.enum(CHANNELS, { error: '请选择提出方式' }),
  receivedOn: dateField('收到日期'),
  applicantName: text('申请人姓名或名称', 100),
  contact: text('联系方式', 200),
  record: text('要求更正的政府信息记录', 1000),
  error: text('记录不准确之处及应更正为', 2000),
  evidence: text('证据（证明记录不准确的材料）', 2000),
});
export const CorrectionDecisionInput = z.object({
  decision: z.enum(CORRECTION_DECISIONS, { error: '请选择处理结果' }),
  reason: text('说明（更正内容、转送情况或不予更正的理由）', 2000),
  referredTo: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(100).optional()),
});

async function authorize(ctx: Ctx, agencyId: number) {
  const scope = await requestScope(ctx.db, agencyId);
  assertCan(requestPolicy.view(ctx.actor, scope), { hide: true });
  assertCan(requestPolicy.register(ctx.actor, scope), {
    message: '只有政府信息公开工作机构人员可以办理更正申请',
  });
  return scope;
}

/** Register a 更正 request; its due date is `recordCorrectionDays` working days after receipt. */
export async function registerRecordCorrection(ctx: Ctx, agencyId: number, raw: unknown) {
  const input = parseInput(RecordCorrectionInput, raw);
  const scope = await authorize(ctx, agencyId);
  if (input.receivedOn > ctx.clock.today())
    throw new ValidationError('收到日期不能晚于今天', { receivedOn: '不能晚于今天' });
  return insertRecordCorrection(ctx, agencyId, scope.agency.shortName, input);
}

/** What a person gives on the portal's 更正 form (the channel is online, received today). */
export const OnlineRecordCorrectionInput = RecordCorrectionInput.omit({ channel: true, receivedOn: true });

/**
 * A 更正 request sent through the portal (条例第四十一条; intake on the same channels as disclosure requests): in
 * the register like one the clerk enters, received today; the applicant gets the reference to quote.
 */
export async function submitRecordCorrectionOnline(
  ctx: Ctx,
  agency: { id: number; shortName: string },
  raw: unknown,
) {
  const input = parseInput(OnlineRecordCorrectionInput, raw);
  return insertRecordCorrection(ctx, agency.id, agency.shortName, {
    ...input,
    channel: 'online',
    receivedOn: ctx.clock.today(),
  });
}

async function insertRecordCorrection(
  ctx: Ctx,
  agencyId: number,
  shortName: string,
  input: z.infer<typeof RecordCorrectionInput>,
) {
  const settings = await getRequestSettings(ctx.db, agencyId);
  const cal = await getCalendar(ctx.db, agencyId);
  const due = cal.addWorkdays(input.receivedOn, settings.recordCorrectionDays);
  return ctx.db.transaction().execute(async (trx) => {
    const year = Number(input.receivedOn.slice(0, 4));
    const serial = await nextSerial(trx, `record_correction:${agencyId}:${year}`);
    const reference = `${shortName}政更正〔${year}〕第${serial}号`;
    const now = nowIso(ctx.clock.now());
    const row = await trx
      .insertInto('record_corrections')
      .values({
        agency_id: agencyId,
        reference,
        channel: input.channel,
        received_on: input.receivedOn,
        applicant_name: input.applicantName,
        contact: input.contact,
        record: input.record,
        error: input.error,
        evidence: input.evidence,
        status: 'pending',
        due_on: due,
        decision: null,
        decision_reason: null,
        referred_to: null,
        decided_on: null,
        decided_by_name: null,
        letter_doc_no: null,
        letter_title: null,
        letter_body_json: null,
        created_by_name: actorName(ctx),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      action: 'request.record_correction_registered',
      objectType: 'record_correction',
      objectId: row.id,
      agencyId,
      after: { reference, dueOn: due },
    });
    return { id: row.id, reference, dueOn: due };
  });
}

/** Decide a 更正 request and issue the letter to the applicant (文号 from the letters' serial). */
export async function decideRecordCorrection(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(CorrectionDecisionInput, raw);
  const rc = await ctx.db
    .selectFrom('record_corrections')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!rc) throw new NotFoundError('未找到该更正申请');
  const scope = await authorize(ctx, rc.agency_id);
  if (rc.status !== 'pending') throw new InvalidStateError('该更正申请已作出决定');
  checkCorrectionDecision(input.decision as CorrectionDecision, input.referredTo);
  const settings = await getRequestSettings(ctx.db, rc.agency_id);
  const today = ctx.clock.today();
  return ctx.db.transaction().execute(async (trx) => {
    const year = Number(today.slice(0, 4));
    const serial = await nextSerial(trx, `request_letter:${rc.agency_id}:${year}`);
    const docNo = formatNumber(settings.letterNoFormat, { shortName: scope.agency.shortName, year, serial });
    const body = await reconsiderationBody(trx, scope.agency, settings);
    const paragraphs = [
      `本机关于${cnDate(rc.received_on)}收到您提出的政府信息更正申请（登记编号：${rc.reference}），要求更正“${rc.record.replace(/[。\s]+$/u, '')}”，并提供了相关证据。`,
      correctionDecisionText(input.decision as CorrectionDecision, input.referredTo ?? null, input.reason),
      reliefParagraph('review_or_litigation', body, '本决定')!,
    ];
    await trx
      .updateTable('record_corrections')
      .set({
        status: 'decided',
        decision: input.decision,
        decision_reason: input.reason,
        referred_to: input.referredTo ?? null,
        decided_on: today,
        decided_by_name: actorName(ctx),
        letter_doc_no: docNo,
        letter_title: '政府信息更正申请告知书',
        letter_body_json: JSON.stringify(paragraphs),
        updated_at: nowIso(ctx.clock.now()),
      })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'request.record_correction_decided',
      objectType: 'record_correction',
      objectId: id,
      agencyId: rc.agency_id,
      after: { decision: input.decision, docNo, late: today > (rc.due_on ?? today) },
    });
    return { docNo, paragraphs };
  });
}

/** The 更正 register as XLSX (条例第四十一条): every request of the agency with its decision; readers of requests. */
export async function exportRecordCorrections(ctx: Ctx, agencyId: number): Promise<Buffer> {
  const scope = await requestScope(ctx.db, agencyId);
  assertCan(requestPolicy.view(ctx.actor, scope), { hide: true });
  const rows = await ctx.db
    .selectFrom('record_corrections')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('received_on')
    .orderBy('id')
    .execute();
  const today = ctx.clock.today();
  return writeXlsx([
    {
      name: '更正申请登记',
      columns: [
        { header: '登记编号', key: 'reference', width: 24 },
        { header: '提出方式', key: 'channel', width: 14 },
        { header: '收到日期', key: 'receivedOn', width: 12 },
        { header: '申请人', key: 'applicant', width: 16 },
        { header: '联系方式', key: 'contact', width: 20 },
        { header: '要求更正的记录', key: 'record', width: 40 },
        { header: '不准确之处及应更正为', key: 'error', width: 40 },
        { header: '证据', key: 'evidence', width: 40 },
        { header: '办理期限', key: 'dueOn', width: 12 },
        { header: '处理结果', key: 'decision', width: 16 },
        { header: '说明', key: 'reason', width: 40 },
        { header: '转送机关', key: 'referredTo', width: 20 },
        { header: '决定日期', key: 'decidedOn', width: 12 },
        { header: '告知书文号', key: 'docNo', width: 24 },
        { header: '是否逾期', key: 'late', width: 10 },
      ],
      rows: rows.map((r) => ({
        reference: r.reference,
        channel: CHANNEL_LABELS[r.channel as keyof typeof CHANNEL_LABELS] ?? r.channel,
        receivedOn: r.received_on,
        applicant: r.applicant_name,
        contact: r.contact,
        record: r.record,
        error: r.error,
        evidence: r.evidence,
        dueOn: r.due_on ?? '',
        decision: r.decision ? CORRECTION_DECISION_LABELS[r.decision as CorrectionDecision] : '办理中',
        reason: r.decision_reason ?? '',
        referredTo: r.referred_to ?? '',
        decidedOn: r.decided_on ?? '',
        docNo: r.letter_doc_no ?? '',
        late: (r.decided_on ?? today) > (r.due_on ?? today) ? '逾期' : '',
      })),
    },
  ]);
}
