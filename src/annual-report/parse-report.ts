/**
 * parseReport: any published annual report (plain text, HTML, DOCX, or gongkai's own JSON export) → ParsedReport.
 * Input that cannot be read at all, or is not an annual report, raises a ReportInputError with a Chinese message.
 */
import { SECTIONS, type CellAddress, type Cells, type Fees, type SectionId } from './report-format.ts';
import { finding, layout2019Severity, type Finding } from './finding.ts';
import { htmlToRows } from './read-html.ts';
import { DocxReadError, docxToRows } from './read-docx.ts';
import { PdfReadError, pdfToRows } from './read-pdf.ts';
import { readTables, type Layout } from './read-tables.ts';
import { readSections } from './read-sections.ts';
import type { CellConfidence } from './template-align.ts';
import {
  checkTitle,
  checkUnitPunctuation,
  detectAgency,
  detectYear,
  makeNarrative,
  readFees,
  type Narrative,
} from './narrative.ts';
import { rowParts, textToRows, type Row } from './rows.ts';
import { normalizeText, toSimplified } from './normalize.ts';
import { isExportJson, readExport } from './export-json.ts';
import { ReportInputError } from './report-input-error.ts';
import { ZipBombError, zipRefusal } from '../documents/zip-guard.ts';

export { ReportInputError, type ReportInputProblem } from './report-input-error.ts';

/** The size limit of one report file. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

export type SourceKind = 'text' | 'html' | 'docx' | 'pdf' | 'json';

export interface ParsedSection {
  no: string;
  id: SectionId;
  found: boolean;
  heading: string | null;
  line: number | null;
  /** The section's narrative (the rows between its heading and the next section's), without the tables. */
  text: string;
}

/** A report read into the model, with what reading it revealed. */
export interface ParsedReport {
  name: string;
  source: SourceKind;
  format: Layout;
  year: number | null;
  agency: string | null;
  complete: boolean;
  sections: ParsedSection[];
  cells: Cells;
  /** Input line of each cell that was read from the document (for finding locations). */
  cellLines: Partial<Record<CellAddress, number>>;
  /** How each cell with a value was read (template-align.ts); empty for gongkai's own JSON export. */
  confidence: Partial<Record<CellAddress, CellConfidence>>;
  fees: Fees;
  /** All narrative text in document order (for the text checks). */
  narrative: Narrative;
  /** Findings made while reading: placeholder cells, incomplete and 2019 tables, section structure. */
  readingFindings: Finding[];
  /** Only for gongkai's own export. */
  status?: 'draft' | 'final';
}

// -- input detection ------------------------------------------------------------------------------------------

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

const UTF8 = new TextDecoder('utf-8');

/** Occurrences of `ch` in `s`. */
function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function decodeText(bytes: Uint8Array): string {
  const utf8 = UTF8.decode(bytes);
  const bad = countOf(utf8, '\ufffd');
  if (bad > 0 && bad > utf8.length / 200) {
    // Many government sites still publish in GBK/GB18030.
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return utf8;
    }
  }
  return utf8.replace(/^\ufeff/, '');
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n / 100;
}

function looksHtml(name: string, text: string): boolean {
  if (/\.(s?html?|xhtml|jsp|aspx?|php)$/i.test(name)) return true;
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype|html|head|body|table|div|p|meta)\b/i.test(text);
}

function rowsOf(
  name: string,
  bytes: Uint8Array,
): { rows: Row[]; source: SourceKind } | { parsed: ParsedReport } {
  if (bytes.length > MAX_REPORT_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new ReportInputError('too_large', `文件过大（${mb} MB），超过 20 MB 的上限，无法检查`);
  }
  if (bytes.length === 0) throw new ReportInputError('empty', '文件为空，没有可检查的内容');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    try {
      return { rows: docxToRows(bytes), source: 'docx' };
    } catch (e) {
      if (e instanceof ZipBombError) throw new ReportInputError('too_large', zipRefusal(name, e.reason));
      if (e instanceof DocxReadError) {
        throw new ReportInputError(
          'not_docx',
          e.problem === 'not_docx'
            ? '这是一个 ZIP 压缩包，但不是 Word 文档（.docx）：其中没有 word/document.xml'
            : '文件像是 ZIP/DOCX，但已损坏，无法解压',
        );
      }
      throw e;
    }
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ReportInputError(
      'unsupported',
      '这是旧版 Word（.doc）或 Excel 文件，请在 Word 中另存为 .docx 后再检查',
    );
  }
  if (isPdf(bytes)) {
    // Reading a PDF is asynchronous (pdf.js): parseReportAsync reads it; this synchronous path cannot.
    throw new ReportInputError('unsupported', 'PDF 文件需要通过文件检查入口读取（parseReportAsync）');
  }
  if (looksBinary(bytes))
    throw new ReportInputError('binary', '文件不是文本、网页或 Word 文档（像是二进制数据），无法检查');
  // Mirror sites publish in Traditional characters: convert the whole document once.
  const text = toSimplified(decodeText(bytes));
  if (text.trim() === '') throw new ReportInputError('empty', '文件只有空白，没有可检查的内容');
  if (isExportJson(text)) return { parsed: readExport(name, text) };
  if (looksHtml(name, text)) return { rows: htmlToRows(text), source: 'html' };
  return { rows: textToRows(text), source: 'text' };
}

const isPdf = (bytes: Uint8Array) => startsWith(bytes, [0x25, 0x50, 0x44, 0x46]);

/** The Chinese message for a PDF that cannot be read. */
function pdfProblem(e: PdfReadError): ReportInputError {
  if (e.problem === 'no_text') {
    return new ReportInputError(
      'scanned_pdf',
      '这个 PDF 没有文字层（像是扫描件或图片），无法读取其中的文字；请上传带文字的 PDF、Word（.docx）或网页版本，或先做文字识别（OCR）',
    );
  }
  if (e.problem === 'encrypted')
    return new ReportInputError('unsupported', 'PDF 文件设有密码，无法读取，请上传未加密的版本');
  return new ReportInputError('not_pdf', '文件像是 PDF，但已损坏，无法读取');
}

/** Read a report file of any kind, PDF included (pdf.js reads asynchronously). */
export async function parseReportAsync(input: { name: string; bytes: Uint8Array }): Promise<ParsedReport> {
  if (!isPdf(input.bytes) || input.bytes.length > MAX_REPORT_BYTES) return parseReport(input);
  let rows: Row[];
  try {
    rows = await pdfToRows(input.bytes);
  } catch (e) {
    if (e instanceof PdfReadError) throw pdfProblem(e);
    throw e;
  }
  return parseRows(input.name, rows, 'pdf');
}

// -- parse ------------------------------------------------------------------------------------------------------

const isNarrativeRow = (r: Row) => r.kind === 'text' || r.kind === 'space';

/** Read a report file into the model. Throws ReportInputError for unreadable input or input that is no report. */
export function parseReport(input: { name: string; bytes: Uint8Array }): ParsedReport {
  const read = rowsOf(input.name, input.bytes);
  if ('parsed' in read) return read.parsed;
  return parseRows(input.name, read.rows, read.source);
}

function parseRows(name: string, rows: Row[], source: SourceKind): ParsedReport {
  const input = { name };

  const tables = readTables(rows);
  const { a, b, c, afterC } = tables.regions;
  const tableFrom = [a, b, c].filter((x) => x >= 0).reduce((m, x) => Math.min(m, x), rows.length);
  const tableTo = afterC >= 0 ? afterC - 1 : Math.max(a, b, c);
  const sections = readSections(rows, { from: tableFrom, to: tableTo });

  const anySection = sections.sections.some((s) => s.found);
  const anyTable = tables.found.A || tables.found.B || tables.found.C || tables.layout === '2019-trial';
  const head = rows
    .slice(0, 40)
    .map((r) => rowParts(r).labels.join(''))
    .join('\n');
  const hasTitle = /政府信息公开[\s\S]{0,6}报告/.test(head.replace(/\s+/g, ''));
  if (!anySection && !anyTable && !hasTitle) {
    throw new ReportInputError(
      'not_report',
      '没有找到政府信息公开工作年度报告的内容（没有规定的章节标题、统计表或报告标题）',
    );
  }

  const year = detectYear(head);
  const title = findTitle(rows);
  const agency = agencyOfTitle(title?.text ?? null) ?? detectAgency(head) ?? agencyLine(rows);
  const inTables = (i: number) => i >= tableFrom && i <= tableTo;

  // Section texts: the narrative rows between a heading and the next heading (tables excluded).
  const starts = sections.sections
    .filter((s) => s.found)
    .map((s) => s.rowIndex)
    .sort((x, y) => x - y);
  const parsedSections: ParsedSection[] = sections.sections.map((s) => {
    let text = '';
    if (s.found) {
      const end = starts.find((x) => x > s.rowIndex) ?? rows.length;
      text = rows
        .slice(s.rowIndex + 1, end)
        .filter((r, k) => isNarrativeRow(r) && !inTables(s.rowIndex + 1 + k))
        .map((r) => rowParts(r).labels.join(' ') || r.cells.join(' '))
        .join('\n');
    }
    return { no: s.no, id: s.id, found: s.found, heading: s.heading, line: s.line, text };
  });

  const narrative = makeNarrative(
    rows
      .map((r, i) => ({ r, i }))
      .filter(({ r, i }) => isNarrativeRow(r) && !inTables(i))
      .map(({ r }) => ({ text: r.cells.join(''), line: r.line })),
  );

  const complete =
    (tables.found.C && afterC >= 0 && afterC < rows.length) ||
    (sections.sections.find((s) => s.id === 'other_matters')?.found ?? false);
  // A text cut short does not lack the sections after the cut: it says nothing of them (complete: false).
  const lastFound = sections.sections.reduce((m, s, i) => (s.found ? i : m), -1);
  const cutOff = new Set(
    complete ? [] : SECTIONS.filter((_, i) => i > lastFound).map((s) => `缺少第${s.no}部分“${s.rendered}”`),
  );
  const findings: Finding[] = [
    ...sections.findings.filter((f) => !(f.rule === 'SECTION-MISSING' && cutOff.has(f.message))),
    ...tables.findings,
  ];
  findings.push(...checkTitle(title?.text ?? null, title?.line));
  findings.push(
    ...checkUnitPunctuation(
      rows.slice(Math.max(0, tableFrom), tableTo + 1).map((r) => ({ text: r.cells.join(''), line: r.line })),
    ),
  );
  if (tables.layout === '2019-trial') {
    findings.push(
      finding(
        'TABLE-LAYOUT-2019',
        '统计表使用2019年试行格式（国办公开办函〔2019〕60号），应使用2021年格式（国办公开办函〔2021〕30号）；表二按空白处理，表三“（六）其他处理”的三个细项无法对应',
        [],
        undefined,
        layout2019Severity(year),
      ),
    );
  }
  const tableNames = {
    A: '表二（主动公开政府信息情况）',
    B: '表三（收到和处理政府信息公开申请情况）',
    C: '表四（政府信息公开行政复议、行政诉讼情况）',
  };
  for (const t of ['A', 'B', 'C'] as const) {
    if (tables.found[t] || (t === 'A' && tables.layout === '2019-trial')) continue;
    findings.push(
      complete
        ? finding('TABLE-MISSING', `缺少${tableNames[t]}`)
        : finding('TABLE-INCOMPLETE', `文本在${tableNames[t]}之前或之中结束，该表的单元格记为空（null）`),
    );
  }
  if (year === null)
    findings.push(finding('YEAR-MISSING', '报告没有写明年度（如“2025年度”或“2025年1月1日至12月31日”）'));

  const other = parsedSections.find((s) => s.id === 'other_matters')!;
  const feeText = other.found ? other.text : narrative.text;
  return {
    name: input.name,
    source,
    format: tables.layout,
    year,
    agency,
    complete,
    sections: parsedSections,
    cells: tables.cells,
    cellLines: tables.cellLines,
    confidence: tables.confidence,
    fees: readFees(feeText),
    narrative,
    readingFindings: findings,
  };
}

/** The report's title: the first short line of the head naming the annual report (site chrome and dates skipped). */
function findTitle(rows: Row[]): { text: string; line: number } | null {
  for (const r of rows.slice(0, 40)) {
    for (const cell of r.cells) {
      const text = cell.trim();
      if (/^一、/.test(text)) return null;
      if (text.length > 60 || /[。，,；;《]|根据|依据|按照/.test(text)) continue;
      if (/政府信息公开[\s\S]{0,8}报告$/.test(text.replace(/\s+/g, ''))) return { text, line: r.line };
    }
  }
  return null;
}

const AGENCY_NAME =
  /^[\p{Script=Han}（）()]{2,30}?(?:人民政府办公厅|人民政府办公室|人民政府|街道办事处|办事处|委员会|局|厅|办公室|中心|乡|镇|街道)$/u;

/**
 * The agency from the title (“XX乡人民政府2025年政府信息公开工作年度报告”); else (after the narrative's wording) from
 * a line of the head that is a name alone (“盐边县新九镇人民政府” above “关于2021年度…的年度报告”).
 */
function agencyOfTitle(title: string | null): string | null {
  const flat = title ? normalizeText(title).replace(/\s+/g, '') : '';
  const m = /^(.{2,40}?)(?:20\d{2}年度?)政府信息公开/.exec(flat) ?? /^(.{2,40}?)关于20\d{2}年度?/.exec(flat);
  if (m && AGENCY_NAME.test(m[1]!)) return m[1]!;
  const after = /^20\d{2}年度?(.{2,30}?)政府信息公开/.exec(flat);
  return after && AGENCY_NAME.test(after[1]!) ? after[1]! : null;
}

function agencyLine(rows: Row[]): string | null {
  for (const r of rows.slice(0, 20)) {
    for (const cell of r.cells) {
      const t = normalizeText(cell).replace(/\s+/g, '');
      if (t.length <= 30 && AGENCY_NAME.test(t) && !/^(?:本|我|该)/.test(t)) return t;
    }
  }
  return null;
}

/** Section ids in official order with their numbers (for renderers). */
export const SECTION_ORDER = SECTIONS.map((s) => ({ no: s.no, id: s.id, heading: s.rendered }));
