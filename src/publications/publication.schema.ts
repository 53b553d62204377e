/** zod schemas of 主动公开, shared by the web forms, the JSON API and the CLI. Messages are what users read. */
import { z } from 'zod';
import { ATTRIBUTES, DOC_KINDS, REVIEW_STEPS, VALIDITIES, WITHHOLD_GROUND_IDS } from './publication.ts';
import { dateInput } from '../calendar/date-input.ts';

// Date.parse would roll 2026-02-30 over to 03-02: the one strict parser instead.
const date = dateInput;
const optDate = (label: string) =>
  z.preprocess((v) => (v === '' || v == null ? null : v), date(label).nullable());
const optText = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v == null ? null : String(v).trim()),
    z.string().max(max, `${label}不能超过${max}个字`).nullable(),
  );
const optId = z.preprocess(
  (v) => (v === '' || v == null ? null : Number(v)),
  z.number().int().positive().nullable(),
);
const flag = z.preprocess((v) => v === true || v === '1' || v === 'on' || v === 'true', z.boolean());
const list = z.preprocess(
  (v) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string()),
);

export const PublicationInput = z
  .object({
    categoryId: z.preprocess(
      (v) => Number(v),
      z.number({ message: '请选择栏目' }).int().positive('请选择栏目'),
    ),
    officeId: optId,
    title: z.string({ message: '请填写标题' }).trim().min(1, '请填写标题').max(200, '标题不能超过200个字'),
    docNo: optText(60, '文号'),
    issuer: z
      .string({ message: '请填写发布机构' })
      .trim()
      .min(1, '请填写发布机构')
      .max(100, '发布机构不能超过100个字'),
    writtenOn: optDate('成文日期'),
    topic: optText(40, '主题分类'),
    genre: optText(20, '体裁'),
    keywords: optText(200, '关键词'),
    body: z.string().max(500_000, '正文过长（超过50万字），请改为附件').default(''),
    attribute: z.enum(ATTRIBUTES, { message: '请选择公开属性' }),
    withholdGrounds: list.pipe(z.array(z.enum(WITHHOLD_GROUND_IDS, { message: '不予公开理由无效' }))),
    docKind: z.enum(DOC_KINDS).default('none'),
    interpretsId: optId,
    isMajor: flag,
    formedOn: date('信息形成（变更）日期'),
    periodOverrideDays: z.preprocess(
      (v) => (v === '' || v == null ? null : Number(v)),
      z.number().int().min(1, '公开期限至少1个工作日').max(365, '公开期限过长').nullable(),
    ),
    periodOverrideBasis: optText(200, '期限依据'),
    validity: z.enum(VALIDITIES).default('in_force'),
    repealedOn: optDate('废止（失效）日期'),
    repealedById: optId,
    repealedByTitle: optText(200, '废止依据文件'),
  })
  .superRefine((v, ctx) => {
    if (v.attribute === 'withheld' && v.withholdGrounds.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['withholdGrounds'],
        message: '不予公开必须选择至少一项法定理由（条例第十四条至第十六条）',
      });
    if (v.attribute !== 'withheld' && v.withholdGrounds.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['withholdGrounds'],
        message: '只有“不予公开”才需要选择不予公开理由',
      });
    if (v.periodOverrideDays != null && !v.periodOverrideBasis)
      ctx.addIssue({
        code: 'custom',
        path: ['periodOverrideBasis'],
        message: '另行规定公开期限时，必须写明法律、法规的具体条款',
      });
    if (v.validity === 'repealed' && v.repealedById == null && !v.repealedByTitle)
      ctx.addIssue({
        code: 'custom',
        path: ['repealedByTitle'],
        message: '标为“废止”时必须写明废止它的文件（文号及标题）',
      });
    if (v.validity !== 'in_force' && !v.repealedOn)
      ctx.addIssue({ code: 'custom', path: ['repealedOn'], message: '请填写废止（失效）日期' });
  });
export type PublicationInput = z.infer<typeof PublicationInput>;

export const ReviewInput = z.object({
  step: z.enum(REVIEW_STEPS, { message: '审核环节无效' }),
  action: z.enum(['approve', 'return'], { message: '请选择通过或退回' }),
  reason: optText(1000, '意见'),
  /** The reviewer's attestation on the 保密审查单 (required when approving 站办所负责人复审). */
  secrecyConfirmed: flag,
  secrecyNote: optText(1000, '保密审查说明'),
  /** The secrecy reviewer checked by hand the attachments the scan could not read. */
  unreadableChecked: flag,
  version: z.preprocess((v) => Number(v), z.number().int().positive()),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

export const ValidityInput = z
  .object({
    validity: z.enum(VALIDITIES, { message: '请选择有效性' }),
    repealedOn: optDate('废止（失效）日期'),
    repealedById: optId,
    repealedByTitle: optText(200, '废止依据文件'),
  })
  .superRefine((v, ctx) => {
    if (v.validity === 'repealed' && v.repealedById == null && !v.repealedByTitle)
      ctx.addIssue({
        code: 'custom',
        path: ['repealedByTitle'],
        message: '标为“废止”时必须写明废止它的文件（文号及标题）',
      });
    if (v.validity !== 'in_force' && !v.repealedOn)
      ctx.addIssue({ code: 'custom', path: ['repealedOn'], message: '请填写废止（失效）日期' });
  });
export type ValidityInput = z.infer<typeof ValidityInput>;

export const CategoryInput = z.object({
  name: z
    .string({ message: '请填写栏目名称' })
    .trim()
    .min(1, '请填写栏目名称')
    .max(60, '栏目名称不能超过60个字'),
  parentId: optId,
  sortOrder: z.preprocess((v) => (v === '' || v == null ? 0 : Number(v)), z.number().int().min(0).max(9999)),
  isActive: z.preprocess((v) => v === undefined || v === true || v === '1' || v === 'on', z.boolean()),
});
export type CategoryInput = z.infer<typeof CategoryInput>;

export const PortalPageInput = z.object({
  title: z.string().trim().min(1, '请填写标题').max(60),
  body: z.string().min(1, '请填写内容').max(200_000, '内容过长'),
});

export const DecisionInput = z.object({
  year: z.preprocess((v) => Number(v), z.number().int().min(2008, '年份无效').max(2100, '年份无效')),
  kind: z.enum(['administrative_licensing', 'administrative_penalty', 'administrative_coercion'], {
    message: '请选择决定类型',
  }),
  count: z.preprocess(
    (v) => (v === '' || v == null ? 1 : Number(v)),
    z.number({ message: '件数应为整数' }).int('件数应为整数').min(1, '件数至少为1').max(100_000, '件数过大'),
  ),
  decidedOn: optDate('决定日期'),
  title: optText(200, '事项'),
  docNo: optText(60, '决定书文号'),
  note: optText(500, '备注'),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

/** 万元 as typed (up to 4 decimals, i.e. 1 元) → integer 元. Never goes through a float. */
export function wanYuanToYuan(s: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d{1,4}))?$/.exec(s.trim());
  if (!m) return null;
  return Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
}

/** Integer 元 → 万元 with 4 decimals, as a string ("1.2345"). */
export function yuanToWanYuan(yuan: number): string {
  const whole = Math.trunc(yuan / 10_000);
  const frac = String(yuan % 10_000).padStart(4, '0');
  return `${whole}.${frac}`;
}

export const FeeInput = z.object({
  year: z.preprocess((v) => Number(v), z.number().int().min(2008, '年份无效').max(2100, '年份无效')),
  item: z.string().trim().min(1, '请填写收费项目').max(100),
  amountWanYuan: z
    .string({ message: '请填写金额' })
    .trim()
    .refine((s) => wanYuanToYuan(s) != null, '金额应为不超过4位小数的非负数（单位：万元），如 1.25'),
  collectedOn: optDate('收费日期'),
  note: optText(500, '备注'),
});
export type FeeInput = z.infer<typeof FeeInput>;

/**
 * Recording that an item went out through a channel: generating an output is not publishing it, so the record asks
 * when it went out and, for a 公众号 article, under which link (the annual report counts only these records).
 */
export const ChannelInput = z
  .object({
    channel: z.enum(['wechat_account', 'wechat_group', 'notice_board', 'reading_point'], {
      message: '请选择渠道',
    }),
    usedOn: date('发出日期'),
    link: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? null : v == null ? null : String(v).trim()),
      z
        .string()
        .max(500, '链接不能超过500个字符')
        .regex(/^https?:\/\/[^\s]+$/, '链接应以 http:// 或 https:// 开头')
        .nullable(),
    ),
    note: optText(200, '说明'),
  })
  .superRefine((v, ctx) => {
    if (v.channel === 'wechat_account' && !v.link)
      ctx.addIssue({ code: 'custom', path: ['link'], message: '请填写公众号文章的链接' });
  });

export const SettingsInput = z.object({
  indexFormat: z.string().trim().min(1, '请填写索引号格式').max(80),
  principalWhen: z.enum(['major', 'always']),
  skipSecondReview: flag,
});
