/**
 * The county's January summary: one row per checked report (agency, year, complete?, errors, warnings, the key
 * totals) and a sheet of every finding, as an .xlsx workbook.
 */
import ExcelJS from 'exceljs';
import type { CheckError, CheckResult } from './check-report.ts';
import { countFindings } from './check-files.ts';
import type { CellAddress } from './report-format.ts';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

/** Key totals shown per report: [column title, cells summed]. */
const KEY_TOTALS: [string, CellAddress[]][] = [
  ['本年新收申请', ['B.new_received.total']],
  ['上年结转', ['B.carried_over.total']],
  ['办理结果总计', ['B.result.total.total']],
  ['结转下年度', ['B.carried_forward.total']],
  ['予以公开', ['B.result.granted.total']],
  ['行政复议', ['C.review.total']],
  ['行政诉讼', ['C.litigation_direct.total', 'C.litigation_after_review.total']],
  ['行政规范性文件现行有效', ['A.art20_1.normative_documents.in_force']],
  ['行政许可', ['A.art20_5.administrative_licensing.decisions']],
  ['行政处罚', ['A.art20_6.administrative_penalty.decisions']],
  ['行政事业性收费（万元）', ['A.art20_8.administrative_fees.amount_wan_yuan']],
];

function total(result: CheckResult, cells: CellAddress[]): number | null {
  const values = cells.map((c) => result.cells[c]);
  return values.some((v) => v === null) ? null : (values as number[]).reduce((s, v) => s + v, 0);
}

/** Build the summary workbook; resolves to the .xlsx bytes. */
export async function writeCheckSummary(entries: (CheckResult | CheckError)[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongkai';
  const reports = wb.addWorksheet('年报汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  reports.columns = [
    { header: '文件', key: 'file', width: 40 },
    { header: '机关', key: 'agency', width: 28 },
    { header: '年度', key: 'year', width: 8 },
    { header: '格式', key: 'format', width: 10 },
    { header: '完整', key: 'complete', width: 8 },
    { header: '错误', key: 'errors', width: 8 },
    { header: '警告', key: 'warnings', width: 8 },
    { header: '提示', key: 'infos', width: 8 },
    ...KEY_TOTALS.map(([title], i) => ({
      header: title,
      key: `t${i}`,
      width: Math.max(10, title.length * 2 + 2),
    })),
    { header: '无法检查的原因', key: 'error', width: 40 },
  ];
  const findings = wb.addWorksheet('问题清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  findings.columns = [
    { header: '文件', key: 'file', width: 40 },
    { header: '机关', key: 'agency', width: 28 },
    { header: '规则', key: 'rule', width: 28 },
    { header: '级别', key: 'severity', width: 8 },
    { header: '说明', key: 'message', width: 80 },
    { header: '单元格', key: 'cells', width: 40 },
    { header: '行', key: 'line', width: 8 },
  ];
  for (const e of entries) {
    if ('error' in e) {
      reports.addRow({ file: e.file, error: e.error });
      continue;
    }
    const n = countFindings(e);
    reports.addRow({
      file: e.file,
      agency: e.agency ?? '',
      year: e.year ?? '',
      format: e.format,
      complete: e.complete ? '是' : '否',
      errors: n.error,
      warnings: n.warning,
      infos: n.info,
      ...Object.fromEntries(KEY_TOTALS.map(([, cells], i) => [`t${i}`, total(e, cells) ?? ''])),
    });
    for (const f of e.findings) {
      findings.addRow({
        file: e.file,
        agency: e.agency ?? '',
        rule: f.rule,
        severity: SEVERITY[f.severity],
        message: f.message,
        cells: f.cells.slice(0, 10).join(' ') + (f.cells.length > 10 ? ` …（共${f.cells.length}个）` : ''),
        line: f.location?.line ?? '',
      });
    }
  }
  for (const ws of [reports, findings]) {
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
