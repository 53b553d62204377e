/**
 * CSV and XLSX downloads of the public registers: the list of public items (政府信息公开目录), the 第二十条 decision
 * register and the fee register. Columns are the presenters' fields with Chinese headers.
 */
import { writeXlsx, type SheetSpec } from '../documents/xlsx.ts';
import type { Agency } from '../org/org.ts';
import type { DbOrTrx } from '../db/database.ts';
import { openDecisions, openFees, openPublications, MAX_PAGE_SIZE } from './open-data.ts';

export interface RegisterTable {
  /** File and sheet name, Chinese. */
  name: string;
  columns: { header: string; key: string; width?: number }[];
  rows: Record<string, string | number | null>[];
}

/**
 * One CSV field. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is prefixed with
 * an apostrophe (OWASP "CSV injection"); numbers are written as they are.
 */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark (so Excel opens Chinese text correctly), CRLF line ends (RFC 4180). */
export function toCsv(t: RegisterTable): Buffer {
  const lines = [
    t.columns.map((c) => csvField(c.header)).join(','),
    ...t.rows.map((r) => t.columns.map((c) => csvField(r[c.key] ?? null)).join(',')),
  ];
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}

export function toXlsx(t: RegisterTable): Promise<Buffer> {
  const sheet: SheetSpec = { name: t.name, columns: t.columns, rows: t.rows };
  return writeXlsx([sheet]);
}

export const REGISTERS = ['publications', 'decisions', 'fees'] as const;
export type RegisterId = (typeof REGISTERS)[number];

/** The whole register (every page), as a table. */
export async function registerTable(
  db: DbOrTrx,
  agency: Agency,
  base: string,
  id: RegisterId,
  query: Record<string, string>,
): Promise<RegisterTable> {
  switch (id) {
    case 'publications': {
      const rows: RegisterTable['rows'] = [];
      for (let page = 1; ; page++) {
        const r = await openPublications(db, agency, base, { ...query, page, pageSize: MAX_PAGE_SIZE });
        for (const p of r.items)
          rows.push({
            indexNo: p.indexNo,
            title: p.title,
            docNo: p.docNo,
            issuer: p.issuer,
            category: p.category.name,
            writtenOn: p.writtenOn,
            publishedOn: p.publishedOn,
            validity: p.validityLabel,
            url: p.url,
          });
        if (page * MAX_PAGE_SIZE >= r.total) break;
      }
      return {
        name: `${agency.name}政府信息公开目录`,
        columns: [
          { header: '索引号', key: 'indexNo', width: 24 },
          { header: '标题', key: 'title', width: 48 },
          { header: '文号', key: 'docNo', width: 18 },
          { header: '发布机构', key: 'issuer', width: 20 },
          { header: '目录', key: 'category', width: 20 },
          { header: '成文日期', key: 'writtenOn', width: 12 },
          { header: '发布日期', key: 'publishedOn', width: 12 },
          { header: '有效性', key: 'validity', width: 8 },
          { header: '网址', key: 'url', width: 40 },
        ],
        rows,
      };
    }
    case 'decisions':
      return {
        name: `${agency.name}${query.year}年行政许可处罚强制决定登记`,
        columns: [
          { header: '年度', key: 'year', width: 8 },
          { header: '类别', key: 'kindLabel', width: 12 },
          { header: '件数', key: 'count', width: 8 },
          { header: '决定日期', key: 'decidedOn', width: 12 },
          { header: '名称', key: 'title', width: 40 },
          { header: '文号', key: 'docNo', width: 20 },
        ],
        rows: await openDecisions(db, agency, query),
      };
    case 'fees':
      return {
        name: `${agency.name}${query.year}年行政事业性收费登记`,
        columns: [
          { header: '年度', key: 'year', width: 8 },
          { header: '收费项目', key: 'item', width: 30 },
          { header: '金额（元）', key: 'amountYuan', width: 12 },
          { header: '收取日期', key: 'collectedOn', width: 12 },
        ],
        rows: await openFees(db, agency, query),
      };
  }
}
