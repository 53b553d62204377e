/**
 * What the open data API emits: one zod schema per resource, which is both the presenter's type (a presenter
 * builds exactly these fields; a new column never leaks by default) and, through z.toJSONSchema, the OpenAPI
 * schema the responses are validated against.
 */
import { z } from 'zod';
import { VALIDITY_LABELS, DOC_KIND_LABELS } from '../publications/index.ts';
import type { Attachment, Publication } from '../publications/index.ts';
import type { Category } from '../publications/index.ts';
import { DECISION_KIND_LABELS, type DecisionRow, type FeeRow } from '../publications/index.ts';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('日期（北京时间，YYYY-MM-DD）');
const url = z.string().describe('绝对地址');

export const PublicCategory = z
  .object({
    id: z.number().int(),
    code: z.string().describe('目录代码（用于 /catalogue/{code} 与订阅）'),
    name: z.string(),
    parentId: z.number().int().nullable(),
    sortOrder: z.number().int(),
    count: z.number().int().describe('该目录（不含下级）已公开信息条数'),
    url,
    feeds: z.object({ rss: url, atom: url }),
  })
  .describe('政府信息公开目录的一个栏目');

export const PublicAttachment = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    mime: z.string(),
    size: z.number().int().describe('字节'),
    sha256: z.string(),
    url,
  })
  .describe('附件');

export const PublicPublication = z
  .object({
    id: z.number().int(),
    indexNo: z.string().nullable().describe('索引号'),
    title: z.string(),
    docNo: z.string().nullable().describe('文号'),
    issuer: z.string().describe('发布机构'),
    writtenOn: date.nullable().describe('成文日期'),
    publishedOn: date.describe('发布日期'),
    category: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    topic: z.string().nullable().describe('主题分类'),
    genre: z.string().nullable().describe('体裁'),
    keywords: z.string().nullable(),
    validity: z.enum(['in_force', 'repealed', 'expired']),
    validityLabel: z.string().describe('有效性（中文）'),
    repealedOn: date.nullable(),
    docKind: z.enum(['none', 'normative_documents', 'regulations']),
    docKindLabel: z.string(),
    url,
    updatedAt: z.string().describe('最后更新时间（ISO 8601，UTC）'),
  })
  .describe('一条主动公开的政府信息（元数据）');

export const PublicPublicationDetail = PublicPublication.extend({
  bodyHtml: z.string().describe('正文（已清洗的 HTML）'),
  bodyText: z.string().describe('正文纯文本'),
  attachments: z.array(PublicAttachment),
}).describe('一条主动公开的政府信息（含正文与附件）');

export const PublicDecision = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    kind: z.enum(['administrative_licensing', 'administrative_penalty', 'administrative_coercion']),
    kindLabel: z.string(),
    count: z.number().int(),
    decidedOn: date.nullable(),
    title: z.string().nullable(),
    docNo: z.string().nullable(),
  })
  .describe('第二十条第（五）（六）项登记：行政许可、行政处罚、行政强制决定');

export const PublicFee = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    item: z.string().describe('收费项目'),
    amountYuan: z.number().int().describe('金额（元，整数）'),
    collectedOn: date.nullable(),
  })
  .describe('第二十条第（八）项登记：行政事业性收费');

export const PublicReportSummary = z
  .object({
    year: z.number().int(),
    title: z.string(),
    publishedAt: z.string().nullable(),
    url,
    dataUrl: url,
    graphicUrl: url,
  })
  .describe('已发布的年度报告');

export const PublicReport = z
  .object({
    agency: z.string(),
    year: z.number().int(),
    publishedAt: z.string().nullable(),
    cells: z
      .record(z.string(), z.number().nullable())
      .describe(
        '表一至表三全部单元格，键为年报格式规范的单元格地址（如 B.new_received.total）；null 表示未填报',
      ),
    fees: z.record(z.string(), z.number().nullable()).describe('第六部分信息处理费数字'),
  })
  .describe('年度报告的表格数据');

export const WorkdayStatus = z.object({
  date,
  workday: z.boolean(),
  provisional: z.boolean().describe('该年国务院办公厅放假通知尚未载入，按暂行规则推算'),
  reason: z.string().describe('原因代码：workday、weekend、holiday:名称、makeup:名称、regional:名称'),
  reasonLabel: z.string(),
});

export const AddWorkdaysResult = z.object({
  date,
  n: z.number().int(),
  result: date.describe('起算日之后第 n 个工作日（起算当日不计入）'),
  provisional: z.boolean(),
});

export const ExplainResult = AddWorkdaysResult.extend({
  skipped: z.array(z.object({ date, reason: z.string(), reasonLabel: z.string() })),
});

/** A page of a list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    total: z.number().int().min(0),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Presenters: each builds exactly its schema's fields.

export function presentPublication(
  p: Publication,
  category: Pick<Category, 'id' | 'code' | 'name'>,
  base: string,
): z.infer<typeof PublicPublication> {
  return {
    id: p.id,
    indexNo: p.indexNo,
    title: p.title,
    docNo: p.docNo,
    issuer: p.issuer,
    writtenOn: p.writtenOn,
    publishedOn: p.publishedOn!,
    category: { id: category.id, code: category.code, name: category.name },
    topic: p.topic,
    genre: p.genre,
    keywords: p.keywords,
    validity: p.validity,
    validityLabel: VALIDITY_LABELS[p.validity],
    repealedOn: p.repealedOn,
    docKind: p.docKind,
    docKindLabel: DOC_KIND_LABELS[p.docKind],
    url: `${base}/p/${p.id}`,
    updatedAt: p.updatedAt,
  };
}

export function presentAttachment(
  p: Publication,
  a: Attachment,
  base: string,
): z.infer<typeof PublicAttachment> {
  return {
    id: a.id,
    fileName: a.fileName,
    mime: a.mime,
    size: a.size,
    sha256: a.sha256,
    url: `${base}/p/${p.id}/files/${a.id}`,
  };
}

export function presentDecision(d: DecisionRow): z.infer<typeof PublicDecision> {
  return {
    id: d.id,
    year: d.year,
    kind: d.kind,
    kindLabel: DECISION_KIND_LABELS[d.kind],
    count: d.count,
    decidedOn: d.decidedOn,
    title: d.title,
    docNo: d.docNo,
  };
}

export function presentFee(f: FeeRow): z.infer<typeof PublicFee> {
  return { id: f.id, year: f.year, item: f.item, amountYuan: f.amountYuan, collectedOn: f.collectedOn };
}
