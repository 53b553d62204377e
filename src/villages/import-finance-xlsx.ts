/**
 * Read a finance table (收支明细) from an XLSX sheet, as a village accountant keeps it: a header row with 日期、摘要、
 * 收入、支出 (凭证号 optional) in any order, then one line per entry; a 合计 line gives the declared totals. Returns
 * raw strings for the form, so the liaison sees and can correct every cell before submitting; the sum check then
 * names any row that does not add up.
 */
import ExcelJS from 'exceljs';
import { ValidationError } from '../errors.ts';
import { assertZipWithinLimits, ZipBombError, zipRefusal } from '../documents/zip-guard.ts';

const HEADERS: Record<string, RegExp> = {
  date: /日期|时间/,
  voucher: /凭证/,
  summary: /摘要|事由|项目|内容/,
  income: /收入|借方/,
  expense: /支出|贷方/,
};

export interface ImportedFinance {
  lines: Record<string, string>[];
  totalIncome: string | null;
  totalExpense: string | null;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v).trim();
}

export async function importFinanceXlsx(bytes: Uint8Array): Promise<ImportedFinance> {
  try {
    assertZipWithinLimits(bytes); // before ExcelJS (JSZip) inflates anything
  } catch (e) {
    if (e instanceof ZipBombError)
      throw new ValidationError(zipRefusal('收支明细表', e.reason), { xlsx: '文件超出解压限制' });
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError('无法读取该文件，请上传 Excel（.xlsx）格式的收支明细表', {
      xlsx: '不是 xlsx 文件',
    });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new ValidationError('表格中没有工作表', { xlsx: '空文件' });
  let cols: Record<string, number> | null = null;
  const lines: Record<string, string>[] = [];
  let totalIncome: string | null = null;
  let totalExpense: string | null = null;
  for (let r = 1; r <= Math.min(ws.rowCount, 1000); r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(ws.columnCount, 20); c++) cells[c] = cellText(row.getCell(c).value);
    if (!cols) {
      const found: Record<string, number> = {};
      cells.forEach((t, c) => {
        for (const [k, re] of Object.entries(HEADERS)) if (t && re.test(t) && !(k in found)) found[k] = c;
      });
      if ('date' in found && 'summary' in found && ('income' in found || 'expense' in found)) cols = found;
      continue;
    }
    const get = (k: string) => (cols![k] ? (cells[cols![k]!] ?? '') : '');
    if (cells.every((t) => !t)) continue;
    if (/合计|总计/.test(cells.join(''))) {
      totalIncome = get('income') || null;
      totalExpense = get('expense') || null;
      break;
    }
    lines.push({
      date: get('date'),
      voucher: get('voucher'),
      summary: get('summary'),
      income: get('income'),
      expense: get('expense'),
    });
  }
  if (!cols)
    throw new ValidationError('没有找到表头：第一行应包含“日期”“摘要”“收入”“支出”等列', { xlsx: '缺少表头' });
  if (lines.length === 0) throw new ValidationError('表格中没有收支明细行', { xlsx: '没有明细' });
  return { lines, totalIncome, totalExpense };
}
