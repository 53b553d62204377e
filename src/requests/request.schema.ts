/**
 * Input schemas of 依申请公开, shared by the web forms, the JSON API and the CLI. Messages are Chinese; ID
 * numbers are checked with their checksums (id-numbers.ts).
 */
import { z } from 'zod';
import {
  APPEAL_KINDS,
  APPEAL_RESULTS,
  APPLICANT_KINDS,
  CHANNELS,
  DECIDABLE_OUTCOMES,
  DELIVERIES,
  FORMS,
  ID_TYPES,
  ORG_ID_TYPES,
  PERSON_ID_TYPES,
  WITHHOLDING_GROUNDS,
} from './request.ts';
import { normalizeIdNumber, residentIdError, usccError } from './id-numbers.ts';
import { NOTICE_DELIVERY } from './correction-rules.ts';
import { phoneError } from '../validation/phone-numbers.ts';
import { dateInput, optionalDateInput } from '../calendar/date-input.ts';

const blankToUndef = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);
const optText = (max: number) =>
  z.preprocess(blankToUndef, z.string().trim().max(max, `不能超过${max}个字`).optional());
/** A date field: the one date parser (src/calendar/date-input.ts), no rollover. */
export const dateField = dateInput;
const optDate = optionalDateInput;
const flag = z.preprocess((v) => v === true || v === 'on' || v === '1' || v === 'true', z.boolean());
const int = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label}应为整数` })
    .int(`${label}应为整数`)
    .min(min, `${label}不能小于${min}`)
    .max(max, `${label}不能大于${max}`);
const version = z.coerce.number().int().min(1).optional();

const ApplicantFields = {
  applicantKind: z.enum(APPLICANT_KINDS, { error: '请选择申请人类型' }),
  applicantName: text('申请人姓名或名称', 100),
  idType: z.enum(ID_TYPES, { error: '请选择证件类型' }),
  idNumber: text('证件号码', 40),
  phone: z.preprocess(
    blankToUndef,
    z
      .string()
      .trim()
      .max(40, '联系电话不能超过40个字')
      .superRefine((s, ctx) => {
        const err = phoneError(s);
        if (err) ctx.addIssue({ code: 'custom', message: err });
      })
      .optional(),
  ),
  email: z.preprocess(blankToUndef, z.email('电子邮箱格式不正确').optional()),
  address: optText(200),
  needsAssistance: flag.default(false),
  assistanceNote: optText(500),
};

const InfoFields = {
  infoDescription: text('所需信息的名称或描述', 2000),
  infoDocNo: optText(100),
  formRequested: z.enum(FORMS, { error: '请选择获取信息的形式' }),
  deliveryRequested: z.enum(DELIVERIES, { error: '请选择获取信息的方式' }),
};

type ApplicantShape = {
  applicantKind: (typeof APPLICANT_KINDS)[number];
  idType: (typeof ID_TYPES)[number];
  idNumber: string;
  phone?: string;
  email?: string;
  address?: string;
};

/** 条例第二十九条: a valid identity document for the applicant kind, and at least one way to reach them. */
function checkApplicant(v: ApplicantShape, ctx: z.RefinementCtx): void {
  const person = v.applicantKind === 'natural_person';
  if (person && !PERSON_ID_TYPES.includes(v.idType))
    ctx.addIssue({ code: 'custom', path: ['idType'], message: '自然人请选择居民身份证、护照等个人证件' });
  if (!person && !ORG_ID_TYPES.includes(v.idType))
    ctx.addIssue({
      code: 'custom',
      path: ['idType'],
      message: '法人或其他组织请填写统一社会信用代码或其他登记证件',
    });
  const err =
    v.idType === 'resident_id'
      ? residentIdError(v.idNumber)
      : v.idType === 'uscc'
        ? usccError(v.idNumber)
        : null;
  if (err) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: err });
  if (!v.phone && !v.email && !v.address)
    ctx.addIssue({
      code: 'custom',
      path: ['phone'],
      message: '请至少填写一种联系方式（电话、电子邮箱或通信地址）',
    });
}

const normalize = <T extends { idNumber: string }>(v: T): T => ({
  ...v,
  idNumber: normalizeIdNumber(v.idNumber),
});

/** The way of delivery the applicant chose needs its address: 邮寄 a mailing address, 电子邮件 an e-mail address. */
function checkDeliveryAddress(
  v: { deliveryRequested?: string; address?: string; email?: string },
  ctx: z.RefinementCtx,
): void {
  if (v.deliveryRequested === 'post' && !v.address)
    ctx.addIssue({ code: 'custom', path: ['address'], message: '选择邮寄的，请填写通信地址（邮寄地址）' });
  if (v.deliveryRequested === 'email' && !v.email)
    ctx.addIssue({ code: 'custom', path: ['email'], message: '选择电子邮件的，请填写电子邮箱' });
}

/** An online request from the public portal. */
export const OnlineRequestInput = z
  .object({ ...ApplicantFields, ...InfoFields })
  .superRefine(checkApplicant)
  .superRefine(checkDeliveryAddress)
  .transform(normalize);
export type OnlineRequestInput = z.infer<typeof OnlineRequestInput>;

/** A request registered by a clerk from another channel (条例第三十一条 decides the receipt date). */
export const RegisterRequestInput = z
  .object({
    ...ApplicantFields,
    ...InfoFields,
    channel: z
      .enum(CHANNELS, { error: '请选择申请渠道' })
      .refine((c) => c !== 'online', '网上申请由申请人在门户网站提交'),
    submittedOn: dateField('提交或到达日期'),
    confirmedOn: optDate('签收或确认日期'),
    receiptEvidence: optText(500),
    /** 第三十一条: why a 平信 was confirmed after the day it arrived. */
    lateReason: optText(500),
  })
  .superRefine(checkApplicant)
  .transform(normalize);
export type RegisterRequestInput = z.infer<typeof RegisterRequestInput>;

export const ConfirmInput = z.object({
  confirmedOn: dateField('确认日期'),
  evidence: text('确认记录（如何与申请人确认）', 500),
  lateReason: optText(500),
});
export const ContactAttemptInput = z.object({
  method: text('联系方式', 50),
  result: text('联系结果', 500),
});
export const AssignInput = z.object({
  officeId: z.preprocess(blankToUndef, z.coerce.number().int().positive().optional()),
  handlerId: z.preprocess(blankToUndef, z.coerce.number().int().positive().optional()),
});
export const NoteInput = z.object({ body: text('办理记录', 4000) });
export const CorrectionInput = z.object({
  items: text('需要补正的事项', 2000),
  guidance: optText(2000),
  periodDays: int('补正期限', 1, 60),
  deliveryMethod: z.enum(NOTICE_DELIVERY, { error: '请选择告知书送达方式' }).default('online'),
});
export const CorrectionReceivedInput = z.object({
  receivedOn: dateField('收到补正日期'),
  /** The request as narrowed by the applicant's 补正 (the reply quotes it). */
  content: optText(2000),
});
/** The applicant received a notice (补正告知书 or 说明理由告知书) sent by post: the signed-for day. */
export const NoticeDeliveryInput = z.object({
  notice: z.enum(['correction', 'reasons'], { error: '请选择文书' }),
  deliveredOn: dateField('申请人签收日期'),
});
export const ConsultationInput = z.object({
  kind: z.enum(['third_party', 'co_agency'], { error: '请选择征求意见对象类型' }),
  party: text('征求意见对象', 200),
  matter: text('征求意见事项', 2000),
  sentOn: dateField('发出日期'),
  deliveredOn: optDate('对方收到日期'),
});
export const ConsultationEndInput = z.object({
  consultationId: z.coerce.number().int().positive(),
  answeredOn: optDate('收到意见日期'),
  answer: z.enum(['agree', 'object', 'none'], { error: '请选择意见结果' }),
  note: optText(2000),
});
export const ExtensionInput = z.object({
  days: int('延长天数', 1, 20),
  reason: text('延期理由', 500),
});
export const FeeNoticeInput = z.object({
  method: z.enum(['by_count', 'by_volume'], { error: '请选择计收方式' }),
  pages: z.preprocess(blankToUndef, int('页数', 0, 1_000_000).optional()),
  /** 一事一申请 (办法第四条): counted items, and why when more than one. */
  items: z.preprocess(blankToUndef, int('拆分计算的件数', 1, 100).default(1)),
  splitReason: optText(500),
  noticeOn: dateField('申请人收到收费通知日期'),
  reason: text('收费理由（数量、频次明显超过合理范围的情况）', 1000),
});
export const FeePaymentInput = z.object({
  paidOn: dateField('缴费日期'),
  amount: int('缴费金额', 0, 10_000_000),
  receiptNo: text('财政票据号码', 100),
});
export const FeeWaiverInput = z.object({
  full: flag.default(false),
  amount: z.preprocess(blankToUndef, int('减免金额', 0, 10_000_000).optional()),
  reason: text('减免理由', 1000),
});
export const WithheldPart = z.object({
  part: text('不予公开的内容', 500),
  ground: z.enum(WITHHOLDING_GROUNDS as [string, ...string[]], { error: '请选择不予公开的理由类型' }),
  reason: text('不予公开的具体理由', 1000),
});
export const DecisionInput = z.object({
  outcome: z.enum(DECIDABLE_OUTCOMES as [string, ...string[]], { error: '请选择办理结果' }),
  basis: text('法律依据（条例条款）', 500),
  reason: text('决定说明（理由、获取方式或检索情况等）', 4000),
  withheld: z.array(WithheldPart).default([]),
  /** 第三十六条第（五）项: the agency responsible for disclosing it, and its contact. */
  responsibleAgency: optText(100),
  responsibleContact: optText(200),
  /** 第三十六条第（六）项: the earlier reply (文号, date). */
  earlierReplyRef: optText(200),
  expectedVersion: version,
});
export type DecisionInput = z.infer<typeof DecisionInput>;
export const VersionInput = z.object({ expectedVersion: version });
export const ReturnInput = z.object({ reason: text('退回理由', 1000), expectedVersion: version });
export const DeliveryInput = z.object({
  method: z.enum(['in_person', 'post', 'email', 'online', 'fax'], { error: '请选择送达方式' }),
  deliveredOn: dateField('送达日期'),
  proof: optText(500),
  letterId: z.preprocess(blankToUndef, z.coerce.number().int().positive().optional()),
});
export const WithdrawInput = z.object({ reason: text('撤回说明', 500) });
export const AppealInput = z.object({
  requestId: z.preprocess(blankToUndef, z.coerce.number().int().positive().optional()),
  kind: z.enum(APPEAL_KINDS, { error: '请选择案件类型' }),
  filedOn: dateField('申请或起诉日期'),
  body: text('复议机关或人民法院', 100),
  caseNo: optText(100),
  result: z.enum(APPEAL_RESULTS, { error: '请选择结果' }).default('pending'),
  concludedOn: optDate('审结日期'),
  note: optText(2000),
});
export type AppealInput = z.infer<typeof AppealInput>;

export const DELIVERY_METHOD_LABELS: Record<z.infer<typeof DeliveryInput>['method'], string> = {
  in_person: '当面送达',
  post: '邮寄送达',
  email: '电子邮件送达',
  online: '网上送达（申请人凭查询码下载）',
  fax: '传真送达',
};

/** 第三十二条: the 决定公开告知书 to a third party that objected, or the day it reached them. */
export const DisclosureNoticeInput = z.object({
  consultationId: z.coerce.number().int().positive(),
  content: text('决定公开的政府信息内容', 2000),
  reason: text('决定公开的理由（不公开可能对公共利益造成重大影响的情况）', 2000),
  deliveredOn: optDate('第三方收到日期'),
});
export const DisclosureNoticeDeliveryInput = z.object({
  consultationId: z.coerce.number().int().positive(),
  deliveredOn: dateField('第三方收到日期'),
});
/** 第三十五条: ask for reasons; record them; set a later reply date. */
export const ReasonsRequestInput = z.object({
  matter: text('申请数量、频次明显超过合理范围的情况', 2000),
  periodDays: z.preprocess(blankToUndef, int('说明理由期限', 1, 60).optional()),
  deliveryMethod: z.enum(NOTICE_DELIVERY, { error: '请选择告知书送达方式' }).default('online'),
});
export const ReasonsReceivedInput = z.object({
  answeredOn: dateField('收到理由日期'),
  answer: text('申请人说明的理由', 4000),
});
export const LaterReplyInput = z.object({
  laterOn: dateField('延迟答复的日期'),
  reason: text('无法在法定期限内答复的原因', 1000),
});
