/**
 * 公开模板 (itemTemplate): the typed fields of a village disclosure item, and the pure rules that turn what a liaison
 * typed into checked values — money in 元 or 万元 held as whole 分, dates, lists of persons, tables whose lines must
 * add up to their declared totals. Drafts keep the raw text (nothing typed is ever lost); checking happens when the
 * item is submitted and when it is shown.
 */
import { scanText, maskText, type SecrecyHit } from '../publications/index.ts';
import { isNoticeOver, type Cadence, type DisclosureKind } from './village-disclosure.ts';
import { parseDateInput } from '../calendar/date-input.ts';
import { cutChars } from '../text/cut.ts';

export type MoneyUnit = 'yuan' | 'wan';
export const UNIT_LABELS: Record<MoneyUnit, string> = { yuan: '元', wan: '万元' };

export interface ColumnDef {
  key: string;
  label: string;
  type: 'text' | 'money' | 'date' | 'number';
  unit?: MoneyUnit;
  required?: boolean;
}

export type FieldDef =
  | {
      key: string;
      label: string;
      type: 'text' | 'longtext' | 'date' | 'number';
      required?: boolean;
      hint?: string;
    }
  | { key: string; label: string; type: 'money'; unit: MoneyUnit; required?: boolean; hint?: string }
  | {
      key: string;
      label: string;
      type: 'persons' | 'table';
      columns: ColumnDef[];
      required?: boolean;
      hint?: string;
      /** Holds personal data: off public pages when the 公示期 ends. 'persons' fields always do. */
      personal?: boolean;
    };

/** Arithmetic the item must satisfy. */
export type Check =
  /** The lines of a table column add up to a money field (the 合计 row). */
  | { kind: 'sum'; table: string; column: string; total: string }
  /** 期初余额 + 本期收入 − 本期支出 = 期末余额. */
  | { kind: 'balance'; opening: string; income: string; expense: string; closing: string };

export const APPROVALS = ['supervision', 'township'] as const;
export type Approval = (typeof APPROVALS)[number];
export const APPROVAL_LABELS: Record<Approval, string> = {
  supervision: '村务监督委员会审核',
  township: '乡镇审核（包村干部或党政办）',
};

export const ATTACHMENT_KINDS = ['voucher', 'photo', 'minutes'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_LABELS: Record<AttachmentKind, string> = {
  voucher: '记账凭证照片',
  photo: '现场照片',
  minutes: '会议记录照片',
};

/** One version of an item template, as configured by the township. */
export interface ItemTemplateDef {
  code: string;
  kind: DisclosureKind;
  name: string;
  cadence: Cadence;
  /** Minimum 公示期 in days (0: none). */
  minNoticeDays: number;
  legalBasis: string;
  fields: FieldDef[];
  checks?: Check[];
  /** What comes off-line when the 公示期 ends (shown to the liaison and the public). */
  offlineNote?: string | null;
  approvals: Approval[];
  attachments: AttachmentKind[];
}

/** Raw values as typed: strings, and for persons/tables a list of rows of strings. */
export type RawValue = string | Record<string, string>[];
export type RawValues = Record<string, RawValue>;

export type Cell = string | number | null;
export type Value = Cell | Record<string, Cell>[];
export type Values = Record<string, Value>;

export const isPersonal = (f: FieldDef) =>
  f.type === 'persons' || (f.type === 'table' && f.personal === true);
export const hasPersonalData = (fields: FieldDef[]) => fields.some(isPersonal);

/**
 * Whether an item's photos are off its public page and their public address: its template holds personal data (a
 * 低保 list is on the board in the photo, names on a voucher) and its 公示期 is over, when the lists themselves come
 * off-line. The township keeps them (the office pages); the public page keeps the record that the board was posted
 * and taken down, with its times, without the images.
 */
export const photosOffline = (fields: FieldDef[], noticeEndOn: string | null, today: string) =>
  hasPersonalData(fields) && isNoticeOver(noticeEndOn, today);

const FULL_WIDTH = /[０-９．，－]/g;
const half = (s: string) =>
  s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '');

/**
 * Parse a money amount typed in its unit to whole 分 (integer, so sums are exact): '1,234.5' 元 → 123450;
 * '1.25' 万元 → 1250000. null when empty; an error message when malformed.
 */
export function parseMoney(input: string, unit: MoneyUnit): { value: number | null } | { error: string } {
  const s = half(input.trim()).replace(/元$|万元$|万$/, '');
  if (s === '') return { value: null };
  const decimals = unit === 'yuan' ? 2 : 6;
  if (!new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`).test(s))
    return { error: unit === 'yuan' ? '金额应为数字，最多两位小数' : '金额应为数字（万元），最多六位小数' };
  const [int, frac = ''] = s.split('.');
  const fen =
    Number(int) * (unit === 'yuan' ? 100 : 1_000_000) + Number((frac + '000000').slice(0, decimals));
  return { value: fen };
}

/** 123450 分 → '1,234.50'; in 万元: 1250000 → '1.25'. */
export function formatMoney(fen: number, unit: MoneyUnit = 'yuan'): string {
  if (unit === 'wan') return String(Math.round(fen / 100) / 10000);
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function parseDate(s: string): { value: string | null } | { error: string } {
  if (s.trim() === '') return { value: null };
  const iso = parseDateInput(s); // the one date parser: no rollover
  return iso ? { value: iso } : { error: '日期不存在或格式不对，应为 2026-03-31' };
}

function parseCell(col: Pick<ColumnDef, 'type' | 'unit'>, raw: string): { value: Cell } | { error: string } {
  if (col.type === 'money') return parseMoney(raw, col.unit ?? 'yuan');
  if (col.type === 'date') return parseDate(raw);
  if (col.type === 'number') {
    const s = half(raw.trim());
    if (s === '') return { value: null };
    return /^-?\d+(\.\d+)?$/.test(s) ? { value: Number(s) } : { error: '应为数字' };
  }
  const s = raw.trim();
  return { value: s === '' ? null : cutChars(s, 2000) };
}

const rowIsBlank = (r: Record<string, string>) => Object.values(r).every((v) => !v || !v.trim());

/** The rows of a persons/table field that hold anything. */
export function filledRows(v: RawValue | undefined): Record<string, string>[] {
  return Array.isArray(v) ? v.filter((r) => !rowIsBlank(r)) : [];
}

export interface ParseResult {
  values: Values;
  /** Field (or `field.row.column`, rows from 1) → Chinese message. */
  errors: Record<string, string>;
}

/** Check raw values against the template: types, required fields, and the template's arithmetic (Check). */
export function parseValues(def: Pick<ItemTemplateDef, 'fields' | 'checks'>, raw: RawValues): ParseResult {
  const values: Values = {};
  const errors: Record<string, string> = {};
  for (const f of def.fields) {
    const r = raw[f.key];
    if (f.type === 'persons' || f.type === 'table') {
      const rows = filledRows(r);
      const out: Record<string, Cell>[] = [];
      rows.forEach((row, i) => {
        const o: Record<string, Cell> = {};
        for (const col of f.columns) {
          const p = parseCell(col, row[col.key] ?? '');
          if ('error' in p)
            errors[`${f.key}.${i + 1}.${col.key}`] = `${f.label}第${i + 1}行“${col.label}”：${p.error}`;
          else if (p.value == null && col.required)
            errors[`${f.key}.${i + 1}.${col.key}`] = `${f.label}第${i + 1}行“${col.label}”未填写`;
          else o[col.key] = p.value;
        }
        out.push(o);
      });
      if (f.required && out.length === 0) errors[f.key] = `请填写“${f.label}”（至少一行）`;
      values[f.key] = out;
      continue;
    }
    const s = typeof r === 'string' ? r : '';
    const p =
      f.type === 'money'
        ? parseMoney(s, f.unit)
        : parseCell({ type: f.type === 'longtext' ? 'text' : f.type }, s);
    if ('error' in p) errors[f.key] = `“${f.label}”：${p.error}`;
    else if (p.value == null && f.required) errors[f.key] = `请填写“${f.label}”`;
    else values[f.key] = p.value;
  }
  for (const c of def.checks ?? []) {
    const msg = checkArithmetic(def.fields, c, values);
    if (msg) errors[msg.key] ??= msg.message;
  }
  return { values, errors };
}

const fenOf = (v: Value | undefined) => (typeof v === 'number' ? v : 0);

/** One arithmetic check; the message names the row that does not add up. */
export function checkArithmetic(
  fields: FieldDef[],
  c: Check,
  values: Values,
): { key: string; message: string } | null {
  const label = (k: string) => fields.find((f) => f.key === k)?.label ?? k;
  if (c.kind === 'sum') {
    const rows = values[c.table];
    const total = values[c.total];
    if (!Array.isArray(rows) || typeof total !== 'number') return null;
    const sum = rows.reduce((s, r) => s + fenOf(r[c.column]), 0);
    if (sum === total) return null;
    const t = fields.find((f) => f.key === c.table);
    const col = t && 'columns' in t ? t.columns.find((x) => x.key === c.column)?.label : c.column;
    return {
      key: c.total,
      message: `合计行“${label(c.total)}”为${formatMoney(total)}元，但${label(c.table)}第1至${rows.length}行“${col}”相加为${formatMoney(sum)}元，相差${formatMoney(Math.abs(total - sum))}元`,
    };
  }
  const [o, i, e, cl] = [values[c.opening], values[c.income], values[c.expense], values[c.closing]];
  if ([o, i, e, cl].some((v) => typeof v !== 'number')) return null;
  const expected = fenOf(o) + fenOf(i) - fenOf(e);
  if (expected === cl) return null;
  return {
    key: c.closing,
    message: `“${label(c.closing)}”为${formatMoney(fenOf(cl))}元，但${label(c.opening)}加${label(c.income)}减${label(c.expense)}为${formatMoney(expected)}元`,
  };
}

/** A secrecy-scan hit located in a field (and row/column of a table). */
export interface FieldHit extends SecrecyHit {
  field: string;
  fieldLabel: string;
  row: number | null;
  column: string | null;
}

/** Run the 保密审查 scan (src/publications/secrecy-scan.ts) over every field and every table cell. */
export function scanValues(fields: FieldDef[], raw: RawValues): FieldHit[] {
  const out: FieldHit[] = [];
  for (const f of fields) {
    const v = raw[f.key];
    if (typeof v === 'string') {
      for (const h of scanText(v))
        out.push({ ...h, field: f.key, fieldLabel: f.label, row: null, column: null });
    } else if (Array.isArray(v) && 'columns' in f) {
      filledRows(v).forEach((r, i) => {
        for (const col of f.columns) {
          for (const h of scanText(r[col.key] ?? ''))
            out.push({
              ...h,
              field: f.key,
              fieldLabel: `${f.label}第${i + 1}行“${col.label}”`,
              row: i + 1,
              column: col.key,
            });
        }
      });
    }
  }
  return out;
}

/** Mask every maskable hit in every field (one tap). Returns the new raw values and how many were masked. */
export function maskValues(fields: FieldDef[], raw: RawValues): { raw: RawValues; masked: number } {
  let masked = 0;
  const mask = (s: string) => {
    const hits = scanText(s).filter((h) => h.masked != null);
    masked += hits.length;
    return hits.length ? maskText(s, hits) : s;
  };
  const out: RawValues = { ...raw };
  for (const f of fields) {
    const v = raw[f.key];
    if (typeof v === 'string') out[f.key] = mask(v);
    else if (Array.isArray(v))
      out[f.key] = v.map((r) => Object.fromEntries(Object.entries(r).map(([k, s]) => [k, mask(s ?? '')])));
  }
  return { raw: out, masked };
}

/** Plain text of a cell for display. */
export function cellText(col: Pick<ColumnDef, 'type' | 'unit'>, v: Cell | undefined): string {
  if (v == null) return '';
  if (col.type === 'money' && typeof v === 'number') return formatMoney(v, col.unit ?? 'yuan');
  return String(v);
}
