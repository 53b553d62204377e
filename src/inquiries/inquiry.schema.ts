/**
 * Input schemas of 互动交流, shared by the portal form, the office pages and the tests. Messages are Chinese and
 * name the field; nothing the citizen typed is lost when one fails (the form is shown again with the values).
 */
import { z } from 'zod';
import { normalizeTrackingCode } from '../tracking/tracking-code.ts';
import { INQUIRY_KINDS, RATINGS, REJECT_REASONS, REPLY_OUTCOMES } from './inquiry.ts';
import { dateInput } from '../calendar/date-input.ts';

export const MAX_BODY = 2000;
const blankToUndef = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const flag = z.preprocess((v) => v === true || v === 'on' || v === '1' || v === 'true', z.boolean());
const optId = z.preprocess(
  (v) => (v === '' || v == null || v === 'unknown' ? undefined : v),
  z.coerce.number().int().positive().optional(),
);

/** Markup or script in a citizen's text: refused with a clear message (views escape anyway). */
const SCRIPT_RE =
  /<\s*\/?\s*(script|iframe|object|embed|style|img|svg|a|form|input)\b|javascript:|on[a-z]+\s*=/i;

export const textField = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字，请精简后再提交`)
    .refine((s) => !SCRIPT_RE.test(s), `${label}中不能包含网页代码或脚本（如 <script>），请删除后再提交`);

const MOBILE = /^1[3-9]\d{9}$/;

export const InquiryInput = z
  .object({
    kind: z.enum(INQUIRY_KINDS, { error: '请选择留言类型（咨询、建议、投诉或求助）' }),
    topic: z.string({ error: '请选择留言涉及的事项' }).trim().min(1, '请选择留言涉及的事项').max(30),
    villageId: optId,
    officeId: optId,
    body: textField('留言内容', MAX_BODY).refine(
      (s) => Array.from(s).length >= 5,
      '留言内容太短，请把事情说清楚（至少5个字）',
    ),
    contactName: textField('姓名或称呼', 30),
    contactPhone: z.preprocess(
      (v) => (typeof v === 'string' ? v.replace(/[\s-]/g, '') : v),
      z.preprocess(blankToUndef, z.string().regex(MOBILE, '手机号码应为11位数字，以1开头').optional()),
    ),
    contactEmail: z.preprocess(blankToUndef, z.email('电子邮箱格式不正确').max(100).optional()),
    allowPublish: flag.default(false),
  })
  .superRefine((v, ctx) => {
    if (!v.contactPhone && !v.contactEmail)
      ctx.addIssue({
        code: 'custom',
        path: ['contactPhone'],
        message: '请至少填写手机号码或电子邮箱，以便告知您查询码和办理结果（不会公开）',
      });
  });
export type InquiryInput = z.infer<typeof InquiryInput>;

export const TrackInquiryInput = z.object({
  reference: z.string({ error: '请填写留言编号' }).trim().min(1, '请填写留言编号').max(60),
  code: z
    .string({ error: '请填写查询码' })
    .trim()
    .min(1, '请填写查询码')
    .max(20, '查询码为8位字母和数字')
    .transform(normalizeTrackingCode),
});

export const RateInput = z
  .object({
    rating: z.enum(RATINGS, { error: '请选择满意、基本满意或不满意' }),
    reason: z.preprocess(blankToUndef, textField('不满意的原因', 500).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.rating === 'dissatisfied' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '选择“不满意”时请说明原因，便于我们改进' });
  });

export const ReopenInput = z.object({ reopenReason: textField('重新办理的理由', 500) });

export const RouteInput = z.object({
  officeId: z.coerce.number({ error: '请选择承办单位' }).int().positive('请选择承办单位'),
});
export const TransferInput = z.object({
  toOfficeId: z.coerce.number({ error: '请选择移交的单位' }).int().positive('请选择移交的单位'),
  reason: textField('移交理由', 300),
});
export const DecideTransferInput = z
  .object({ accept: flag, reason: z.preprocess(blankToUndef, textField('不接受的理由', 300).optional()) })
  .superRefine((v, ctx) => {
    if (!v.accept && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不接受移交时请说明理由' });
  });
export const ExtendInput = z.object({
  days: z.coerce
    .number({ error: '请填写延长的工作日数' })
    .int('延长天数应为整数')
    .min(1, '至少延长1个工作日'),
  reason: textField('延期理由', 300),
});
export const ReplyInput = z.object({
  outcome: z.enum(REPLY_OUTCOMES).default('answer'),
  reply: textField('答复内容', 4000),
});
export const ReturnInput = z.object({ reason: textField('退回理由', 300) });
export const MergeInput = z.object({
  intoReference: z.string({ error: '请填写主留言的编号' }).trim().min(1, '请填写主留言的编号').max(60),
});
export const ReferInput = z.object({
  to: textField('转办单位', 100),
  note: textField('告知留言人的说明', 500),
});
export const RejectInput = z.object({
  reason: z.enum(REJECT_REASONS, { error: '请选择不予受理的理由' }),
  note: textField('告知留言人的说明', 500),
});
export const PublishInput = z.object({
  title: textField('公开标题', 60),
  body: textField('公开的留言内容', MAX_BODY),
  reply: textField('公开的答复内容', 4000),
});
export const FaqInput = z.object({
  question: textField('问题', 200),
  answer: textField('解答', 4000),
  officeId: optId,
  sortOrder: z.coerce.number().int().min(0).max(9999).default(0),
  isPublished: flag.default(false),
});
export const CommentCallInput = z.object({
  title: textField('征集标题', 100),
  draftText: textField('征求意见稿内容', 20000),
  officeId: optId,
  closesOn: dateInput('截止日期'),
});
export const CommentInput = z.object({
  body: textField('意见内容', 2000),
  contactName: z.preprocess(blankToUndef, textField('姓名或称呼', 30).optional()),
  contactPhone: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/[\s-]/g, '') : v),
    z.preprocess(blankToUndef, z.string().regex(MOBILE, '手机号码应为11位数字，以1开头').optional()),
  ),
});
export const ADOPTIONS = ['adopted', 'partly', 'not_adopted'] as const;
export const ADOPTION_LABELS: Record<(typeof ADOPTIONS)[number], string> = {
  adopted: '采纳',
  partly: '部分采纳',
  not_adopted: '未采纳',
};
