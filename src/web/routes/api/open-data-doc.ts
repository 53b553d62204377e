/** The OpenAPI description of the open data API (/api/public/…), its schemas derived from the presenters. */
import { z } from 'zod';
import type { OpenApiOperation, OpenApiPathItem } from './openapi.ts';
import {
  AddWorkdaysResult,
  ExplainResult,
  PublicCategory,
  PublicDecision,
  PublicFee,
  PublicPublication,
  PublicPublicationDetail,
  PublicReport,
  PublicReportSummary,
  WorkdayStatus,
  pageOf,
} from '../../../open-data/presenters.ts';
import {
  PublicInquiry,
  PublicInquiryHead,
  PublicInquiryMonth,
  PublicVillage,
  PublicVillageItem,
  PublicVillageItemHead,
} from '../../../open-data/community-presenters.ts';
import {
  PublicBulletin,
  PublicBulletinHead,
  PublicSupervisionFigures,
} from '../../../open-data/supervision-presenters.ts';

function schemaOf(s: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return rest;
}

export const OPEN_DATA_SCHEMAS: Record<string, Record<string, unknown>> = {
  PublicPublicationPage: schemaOf(pageOf(PublicPublication)),
  PublicPublicationDetail: schemaOf(PublicPublicationDetail),
  PublicCategoryList: schemaOf(z.object({ items: z.array(PublicCategory) })),
  PublicDecisionList: schemaOf(z.object({ items: z.array(PublicDecision) })),
  PublicFeeList: schemaOf(z.object({ items: z.array(PublicFee) })),
  PublicReportList: schemaOf(z.object({ items: z.array(PublicReportSummary) })),
  PublicReport: schemaOf(PublicReport),
  WorkdayStatus: schemaOf(WorkdayStatus),
  AddWorkdaysResult: schemaOf(AddWorkdaysResult),
  ExplainResult: schemaOf(ExplainResult),
  PublicVillageList: schemaOf(z.object({ year: z.number().int(), items: z.array(PublicVillage) })),
  PublicVillageItemList: schemaOf(
    z.object({ year: z.number().int(), items: z.array(PublicVillageItemHead) }),
  ),
  PublicVillageItem: schemaOf(PublicVillageItem),
  PublicInquiryPage: schemaOf(pageOf(PublicInquiryHead)),
  PublicInquiry: schemaOf(PublicInquiry),
  PublicInquiryMonthList: schemaOf(z.object({ items: z.array(PublicInquiryMonth) })),
  PublicBulletinPage: schemaOf(pageOf(PublicBulletinHead)),
  PublicBulletin: schemaOf(PublicBulletin),
  PublicSupervisionFigures: schemaOf(PublicSupervisionFigures),
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
const etag = {
  ETag: { description: '内容标识；请求时带 If-None-Match，未变化时返回 304', schema: { type: 'string' } },
};
const errors = {
  '304': { description: '内容未变化（If-None-Match 与 ETag 相同）' },
  '400': { description: '参数错误（中文说明）', content: json(ref('Error')) },
  '404': { description: '不存在或未公开', content: json(ref('Error')) },
};
const q = (name: string, description: string, schema: Record<string, unknown>, required = false) => ({
  name,
  in: 'query' as const,
  required,
  description,
  schema,
});
const year = (required: boolean) =>
  q('year', '年度（四位年份）', { type: 'integer', minimum: 2000, maximum: 2100 }, required);
const date = q('date', '起算日期（YYYY-MM-DD）', { type: 'string', format: 'date' }, true);
const n = q(
  'n',
  '工作日数（起算当日不计入；负数为往前数）',
  { type: 'integer', minimum: -400, maximum: 400 },
  true,
);

function op(
  operationId: string,
  summary: string,
  schema: string,
  parameters: OpenApiOperation['parameters'] = [],
) {
  return {
    get: {
      operationId,
      summary,
      tags: ['开放数据'],
      security: [],
      parameters,
      responses: { '200': { description: summary, headers: etag, content: json(ref(schema)) }, ...errors },
    } satisfies OpenApiOperation,
  };
}

function download(
  operationId: string,
  summary: string,
  type: string,
  parameters: OpenApiOperation['parameters'] = [],
) {
  return {
    get: {
      operationId,
      summary,
      tags: ['开放数据'],
      security: [],
      parameters,
      responses: {
        '200': {
          description: summary,
          content: { [type]: { schema: { type: 'string', contentMediaType: type } } },
        },
        '400': errors['400'],
        '404': errors['404'],
      },
    } satisfies OpenApiOperation,
  };
}

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const pubFilters = [q('category', '目录代码（含下级栏目）', { type: 'string' }), year(false)];

export const OPEN_DATA_PATHS: Record<string, OpenApiPathItem> = {
  '/api/public/publications': op(
    'listPublicPublications',
    '主动公开信息列表（新的在前，分页）',
    'PublicPublicationPage',
    [
      q('page', '页码', { type: 'integer', minimum: 1, default: 1 }),
      q('pageSize', '每页条数', { type: 'integer', minimum: 1, maximum: 100, default: 20 }),
      ...pubFilters,
    ],
  ),
  '/api/public/publications/{id}': op(
    'getPublicPublication',
    '一条主动公开信息（正文与附件）',
    'PublicPublicationDetail',
    [{ name: 'id', in: 'path', required: true, description: '信息编号', schema: { type: 'integer' } }],
  ),
  '/api/public/catalogue': op(
    'listPublicCatalogue',
    '政府信息公开目录（栏目、条数、订阅地址）',
    'PublicCategoryList',
  ),
  '/api/public/registers/decisions': op(
    'listPublicDecisions',
    '第二十条第（五）（六）项：行政许可、处罚、强制决定登记',
    'PublicDecisionList',
    [year(true)],
  ),
  '/api/public/registers/fees': op(
    'listPublicFees',
    '第二十条第（八）项：行政事业性收费登记',
    'PublicFeeList',
    [year(true)],
  ),
  '/api/public/annual-reports': op(
    'listPublicAnnualReports',
    '已发布的政府信息公开工作年度报告',
    'PublicReportList',
  ),
  '/api/public/annual-reports/{year}': op(
    'getPublicAnnualReport',
    '年度报告表格数据（单元格地址同年报格式规范）',
    'PublicReport',
    [{ name: 'year', in: 'path', required: true, description: '年度', schema: { type: 'integer' } }],
  ),
  '/api/public/calendar/is-workday': op(
    'isWorkday',
    '某日是否工作日（含调休、民族自治地方假日）',
    'WorkdayStatus',
    [{ ...date, description: '日期（YYYY-MM-DD）' }],
  ),
  '/api/public/calendar/add-workdays': op('addWorkdays', '起算日之后第 n 个工作日', 'AddWorkdaysResult', [
    date,
    n,
  ]),
  '/api/public/calendar/explain': op(
    'explainWorkdays',
    '第 n 个工作日及其间跳过的每一天和原因',
    'ExplainResult',
    [date, n],
  ),
  '/api/public/villages': op('listPublicVillages', '村级公开：各村及当年公开事项数', 'PublicVillageList', [
    year(false),
  ]),
  '/api/public/villages/{villageId}/items': op(
    'listPublicVillageItems',
    '村级公开：一个村当年已公开的事项',
    'PublicVillageItemList',
    [
      { name: 'villageId', in: 'path', required: true, description: '村编号', schema: { type: 'integer' } },
      year(false),
    ],
  ),
  '/api/public/villages/items/{itemId}': op(
    'getPublicVillageItem',
    '村级公开：一个事项的内容（含个人信息的名单不提供）',
    'PublicVillageItem',
    [{ name: 'itemId', in: 'path', required: true, description: '事项编号', schema: { type: 'integer' } }],
  ),
  '/api/public/inquiries': op(
    'listPublicInquiries',
    '互动交流：公开的留言（新的在前，分页）',
    'PublicInquiryPage',
    [
      q('page', '页码', { type: 'integer', minimum: 1, default: 1 }),
      q('pageSize', '每页条数', { type: 'integer', minimum: 1, maximum: 100, default: 20 }),
    ],
  ),
  '/api/public/inquiries/{inquiryId}': op(
    'getPublicInquiry',
    '互动交流：一条公开的留言及答复',
    'PublicInquiry',
    [{ name: 'inquiryId', in: 'path', required: true, description: '留言编号', schema: { type: 'integer' } }],
  ),
  '/api/public/inquiries/figures': op(
    'listPublicInquiryFigures',
    '互动交流：每月公布的留言办理情况',
    'PublicInquiryMonthList',
  ),
  '/api/public/supervision/bulletins': op(
    'listPublicBulletins',
    '监督保障：已发布的每月政务公开工作通报（新的在前，分页）',
    'PublicBulletinPage',
    [
      q('page', '页码', { type: 'integer', minimum: 1, default: 1 }),
      q('pageSize', '每页条数', { type: 'integer', minimum: 1, maximum: 100, default: 20 }),
    ],
  ),
  '/api/public/supervision/bulletins/{period}': op(
    'getPublicBulletin',
    '监督保障：一期已发布的通报（正文和数字；未发布的不提供）',
    'PublicBulletin',
    [
      {
        name: 'period',
        in: 'path',
        required: true,
        description: '通报所属月份（YYYY-MM）',
        schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
      },
    ],
  ),
  '/api/public/supervision/figures': op(
    'getPublicSupervisionFigures',
    '监督保障：问题发现、整改、逾期（按已结束的月份）和业务培训次数',
    'PublicSupervisionFigures',
    [year(false)],
  ),
  '/api/public/publications.csv': download(
    'downloadPublicationsCsv',
    '政府信息公开目录（CSV）',
    CSV,
    pubFilters,
  ),
  '/api/public/publications.xlsx': download(
    'downloadPublicationsXlsx',
    '政府信息公开目录（Excel）',
    XLSX,
    pubFilters,
  ),
  '/api/public/registers/decisions.csv': download(
    'downloadDecisionsCsv',
    '行政许可、处罚、强制决定登记（CSV）',
    CSV,
    [year(true)],
  ),
  '/api/public/registers/decisions.xlsx': download(
    'downloadDecisionsXlsx',
    '行政许可、处罚、强制决定登记（Excel）',
    XLSX,
    [year(true)],
  ),
  '/api/public/registers/fees.csv': download('downloadFeesCsv', '行政事业性收费登记（CSV）', CSV, [
    year(true),
  ]),
  '/api/public/registers/fees.xlsx': download('downloadFeesXlsx', '行政事业性收费登记（Excel）', XLSX, [
    year(true),
  ]),
};
