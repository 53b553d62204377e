/**
 * The open data API's schemas for 监督保障 (as presenters.ts for the rest): the published monthly bulletins and the
 * public aggregate figures. Each zod schema is the presenter's type and, through z.toJSONSchema, the OpenAPI schema
 * the responses are validated against. Counts and published text only: no evidence, no person, no draft.
 */
import { z } from 'zod';

const month = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .describe('月份（YYYY-MM）');
const url = z.string().describe('绝对地址');
const count = z.number().int().min(0);

export const PublicBulletinHead = z
  .object({
    period: month.describe('通报所属月份（YYYY-MM）'),
    title: z.string(),
    publishedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .describe('发布日期（北京时间，YYYY-MM-DD）'),
    url: url.describe('门户网站上的通报页面'),
    dataUrl: url.describe('本通报的数据（开放数据接口）'),
  })
  .describe('一期已发布的政务公开工作通报（摘要）');

const MonthProblems = z.object({
  found: count.describe('当月发现的问题数'),
  fixed: count.describe('当月整改销号的问题数'),
  fixedOnTime: count.describe('其中按期整改的'),
  overdue: count.describe('月底仍未整改且已过整改期限的'),
  open: count.describe('月底尚未销号的'),
  recurring: count.describe('回头看发现复发的'),
});

export const PublicBulletin = PublicBulletinHead.extend({
  body: z.string().describe('通报正文（发布时的文本）'),
  problems: MonthProblems.describe('通报所列当月问题数（发布时统计）'),
  timeliness: z
    .object({
      published: count.describe('当月主动公开的政府信息条数'),
      publishedOnTime: count.describe('其中在20个工作日内公开的'),
      replied: count.describe('当月答复的依申请公开件数'),
      repliedOnTime: count.describe('其中在法定期限内答复的'),
    })
    .describe('公开时效（发布时统计）'),
}).describe('一期已发布的政务公开工作通报（含正文和数字）');

export const PublicSupervisionFigures = z
  .object({
    year: z.number().int(),
    months: z.array(MonthProblems.extend({ month })).describe('已结束月份的问题整改情况（按月）'),
    trainings: z
      .object({
        superior: count.describe('上级业务培训次数'),
        township: count.describe('本级业务培训次数'),
      })
      .describe('当年业务培训次数'),
  })
  .describe('监督保障的公开数字：问题发现、整改、逾期（按月）和业务培训次数');
