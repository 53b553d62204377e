/**
 * Per-agency settings of 互动交流, stored as one JSON value in agency_settings under the key `inquiries`; missing
 * keys take the defaults below. Reply periods are working days per kind: 咨询 5 (国办秘函〔2019〕19号 deducts points
 * for simple questions answered after 5 working days), 建议 10, 投诉/求助 15 (the provincial mailbox rules' range is
 * 3–15 working days).
 */
import { z } from 'zod';
import type { DbOrTrx } from '../db/database.ts';
import { parseJson } from '../db/values.ts';
import { INQUIRY_KINDS, type InquiryKind } from './inquiry.ts';

export const SETTINGS_KEY = 'inquiries';

const days = z.number().int().min(1).max(60);
const words = z.array(z.string().trim().min(1).max(40)).max(2000);

export const InquirySettingsSchema = z.object({
  replyDays: z
    .object({ question: days, suggestion: days, complaint: days, help: days })
    .default({ question: 5, suggestion: 10, complaint: 15, help: 15 }),
  /** The one extension: at most this many working days more. */
  maxExtensionDays: days.default(10),
  /** A citizen may reopen within this many days of the answer. */
  reopenDays: z.number().int().min(1).max(60).default(7),
  /** Topics offered on the form (routing rules match them). */
  topics: z
    .array(z.string().trim().min(1).max(30))
    .min(1)
    .max(60)
    .default([
      '农业农村',
      '社会救助与低保',
      '医疗卫生与医保',
      '教育',
      '道路交通与基础设施',
      '环境卫生',
      '乡村振兴与产业',
      '惠民补贴',
      '户籍与证照',
      '行政执法',
      '其他',
    ]),
  /** The configurable sensitive-word list; a hit holds the message for the clerk. */
  sensitiveWords: words.default([
    '代开发票',
    '办证',
    '赌博',
    '博彩',
    '枪支',
    '毒品',
    '色情',
    '传销',
    '贷款',
    '杀',
    '炸',
  ]),
  /** Allow-list: a sensitive word inside one of these phrases is not a hit (the clerk still sees why). */
  allowWords: words.default([
    '办证大厅',
    '便民办证',
    '杀虫',
    '杀菌',
    '消杀',
    '炸药管理',
    '禁毒',
    '扫黄打非',
    '反赌',
  ]),
  /** Where a 信访 matter goes (the answer tells the citizen). */
  petitionGuide: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .default(
      '您反映的事项属于信访事项，请依照《信访工作条例》向县信访局提出，或登录国家信访局网上信访平台（https://wsxf.gjxfj.gov.cn）反映。',
    ),
  /** Anti-abuse: messages per IP address per hour and per contact per day before the challenge is asked. */
  perIpPerHour: z.number().int().min(1).max(1000).default(5),
  perContactPerDay: z.number().int().min(1).max(1000).default(3),
  /** Calendar days before the 3-month mark at which an unanswered message raises the alarm. */
  alarmDaysBefore: z.number().int().min(1).max(60).default(14),
  /** 意见征集: working days after closing by which the 采纳情况 is due. */
  adoptionDays: days.default(15),
});
export type InquirySettings = z.infer<typeof InquirySettingsSchema>;

export const DEFAULT_INQUIRY_SETTINGS: InquirySettings = InquirySettingsSchema.parse({});

/** The agency's settings merged over the defaults. */
export async function getInquirySettings(db: DbOrTrx, agencyId: number): Promise<InquirySettings> {
  const row = await db
    .selectFrom('agency_settings')
    .select('value_json')
    .where('agency_id', '=', agencyId)
    .where('key', '=', SETTINGS_KEY)
    .executeTakeFirst();
  const r = InquirySettingsSchema.safeParse(parseJson(row?.value_json, {}));
  return r.success ? r.data : DEFAULT_INQUIRY_SETTINGS;
}

export const replyDaysOf = (s: InquirySettings, kind: InquiryKind): number => s.replyDays[kind];
export { INQUIRY_KINDS };
