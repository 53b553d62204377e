/**
 * The open data API's schemas for 村级公开 and 互动交流 (as presenters.ts for the rest): each zod schema is the
 * presenter's type and, through z.toJSONSchema, the OpenAPI schema the responses are validated against.
 */
import { z } from 'zod';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('日期（北京时间，YYYY-MM-DD）');
const url = z.string().describe('绝对地址');
const villageKind = z
  .enum(['party', 'affairs', 'finance'])
  .describe('party 党务公开、affairs 村务公开、finance 财务公开');

export const PublicVillage = z
  .object({
    id: z.number().int(),
    name: z.string(),
    counts: z
      .object({ party: z.number().int(), affairs: z.number().int(), finance: z.number().int() })
      .describe('该年已公开事项数（按类别）'),
    url,
    itemsUrl: url,
  })
  .describe('一个村及其当年公开事项数');

export const PublicVillageItemHead = z
  .object({
    id: z.number().int(),
    villageId: z.number().int(),
    kind: villageKind,
    kindLabel: z.string(),
    title: z.string(),
    period: z.string().nullable().describe('所属期间（如 2026-Q3、2026-07）'),
    periodLabel: z.string().describe('所属期间（中文）'),
    publishedOn: date,
    url,
  })
  .describe('一个村公开事项（摘要）');

export const PublicVillageItem = PublicVillageItemHead.extend({
  villageName: z.string(),
  noticeEndOn: date.nullable().describe('公示期截止日'),
  values: z.array(
    z.union([
      z.object({ key: z.string(), label: z.string(), text: z.string() }),
      z.object({
        key: z.string(),
        label: z.string(),
        columns: z.array(z.string()),
        rows: z.array(z.array(z.string())),
      }),
    ]),
  ),
  withheldLists: z
    .number()
    .int()
    .describe('含个人信息的名单数：名单只在公示期内于网页展示，不作为开放数据提供'),
}).describe('一个村公开事项（内容）');

export const PublicInquiryHead = z
  .object({
    id: z.number().int(),
    title: z.string(),
    kind: z.enum(['question', 'suggestion', 'complaint', 'help']),
    kindLabel: z.string().describe('咨询、建议、投诉、求助'),
    office: z.string().nullable().describe('答复单位'),
    repliedOn: date.nullable(),
    url,
  })
  .describe('一条公开的留言（摘要）');

export const PublicInquiry = PublicInquiryHead.extend({
  topic: z.string(),
  receivedOn: date,
  body: z.string().describe('留言内容（已遮盖个人信息）'),
  reply: z.string().describe('答复内容'),
  reporters: z.number().int().describe('反映同一问题的人数'),
}).describe('一条公开的留言（含答复）');

const Figures = z.object({
  officeId: z.number().int().nullable(),
  office: z.string().describe('单位（合计行为“合计”）'),
  received: z.number().int(),
  answered: z.number().int(),
  onTime: z.number().int(),
  resolved: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  dissatisfied: z.number().int(),
  overdue: z.number().int(),
  replyRate: z.number().nullable().describe('回复率（%）'),
  onTimeRate: z.number().nullable().describe('按期答复率（%）'),
  resolvedRate: z.number().nullable().describe('解决率（%，以留言人评价为准）'),
  satisfactionRate: z.number().nullable().describe('满意率（%）'),
  averageDays: z.number().nullable().describe('平均答复用时（工作日）'),
});

export const PublicInquiryMonth = z
  .object({
    month: z.string().regex(/^\d{4}-\d{2}$/),
    asOf: z.string().describe('统计截止日'),
    total: Figures,
    offices: z.array(Figures),
  })
  .describe('一个月的留言办理情况（每月初公布上月）');
