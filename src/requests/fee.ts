/**
 * 信息处理费 (pure): 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号) under 条例第四十二条;
 * disclosure-rules.md §5. Amounts are integer yuan.
 *
 * - 第三条: 按件 or 按量, both 超额累进 (progressive: a band's rate applies only to the units inside it); one method
 *   per request, never both.
 * - 第四条 按件: per applicant per calendar month, cumulative over all of the applicant's requests: 1–10 free;
 *   11–30 100元/件; from the 31st, bands of 10, each band 100元/件 more (31–40 200元, 41–50 300元 …; band
 *   boundaries are a reading of tier (三), interpretation).
 * - 第五条 按量: per request by pages provided: 1–30 free; 31–100 10元/页; 101–200 20元/页; 201+ 40元/页.
 */
import { InvalidStateError, ValidationError } from '../errors.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import { FEE_PAYMENT_PERIOD } from './deadline.ts';

export type FeeMethod = 'none' | 'by_count' | 'by_volume';

/** 按量 bands (第五条): pages from `from` (inclusive) up to `to` (inclusive; null = no limit) at `rate` 元/页. */
export const VOLUME_BANDS: readonly { from: number; to: number | null; rate: number }[] = [
  { from: 1, to: 30, rate: 0 },
  { from: 31, to: 100, rate: 10 },
  { from: 101, to: 200, rate: 20 },
  { from: 201, to: null, rate: 40 },
];

/** 第四条（一）: the first 10 requests of a month are free. */
const FREE_REQUESTS = 10;
/** 第四条（二）: requests 11–30 at 100元. */
const FIRST_PAID_BAND_END = 30;
const BASE_RATE = 100;
/** 第四条（三）: from the 31st, every band of 10 adds 100元/件. */
const BAND_SIZE = 10;

function requireCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new ValidationError(`${what}必须是非负整数：${n}`);
}

/** The fee of the k-th request (1-based) of an applicant in a calendar month, 按件 (第四条). */
export function countFeeOfNth(k: number): number {
  requireCount(k, '申请序号');
  if (k === 0) throw new ValidationError('申请序号从1开始');
  if (k <= FREE_REQUESTS) return 0;
  if (k <= FIRST_PAID_BAND_END) return BASE_RATE;
  return BASE_RATE * (2 + Math.floor((k - FIRST_PAID_BAND_END - 1) / BAND_SIZE));
}

/** Total 按件 fee of `count` requests by one applicant in one calendar month. */
export function monthlyCountFee(count: number): number {
  requireCount(count, '申请件数');
  let total = 0;
  for (let k = FREE_REQUESTS + 1; k <= count; k++) total += countFeeOfNth(k);
  return total;
}

/** 按件 fee of `n` requests when the applicant already made `before` requests this month. */
export function countFee(before: number, n = 1): number {
  requireCount(before, '本月已申请件数');
  requireCount(n, '申请件数');
  return monthlyCountFee(before + n) - monthlyCountFee(before);
}

/** 按量 fee of a request by the pages provided (第五条). */
export function volumeFee(pages: number): number {
  requireCount(pages, '页数');
  let total = 0;
  for (const b of VOLUME_BANDS) {
    if (pages < b.from) break;
    const upper = b.to === null ? pages : Math.min(pages, b.to);
    total += (upper - b.from + 1) * b.rate;
  }
  return total;
}

export interface RequestFeeInput {
  method: FeeMethod;
  /** For by_count: requests by the same applicant earlier in the same calendar month (this one not included). */
  earlierThisMonth?: number;
  /** For by_volume: pages provided. */
  pages?: number;
}

/** The fee of one request under its single chosen method (第三条: never both). */
export function requestFee(input: RequestFeeInput): number {
  if (input.method === 'none') return 0;
  if (input.method === 'by_count') {
    if (input.earlierThisMonth == null) throw new ValidationError('按件计收需要本月已申请件数');
    return countFee(input.earlierThisMonth, 1);
  }
  if (input.pages == null) throw new ValidationError('按量计收需要提供的页数');
  return volumeFee(input.pages);
}

/** Both candidate amounts, for the officer choosing a method (disclosure-rules.md §5.4). */
export function feeCandidates(
  earlierThisMonth: number,
  pages: number | null,
): { byCount: number; byVolume: number | null } {
  return { byCount: countFee(earlierThisMonth, 1), byVolume: pages == null ? null : volumeFee(pages) };
}

/** 'YYYY-MM' of a date: the calendar month the 按件 counter runs in (第四条 一个自然月). */
export function feeMonth(date: string): string {
  return date.slice(0, 7);
}

/**
 * The ordinal (1-based) of each request within its applicant's calendar month, in order of receipt
 * (fee_count_basis default: receipt date; per agency — disclosure-rules.md §9).
 */
export function monthlyOrdinals<T extends { applicantKey: string; receivedOn: string }>(
  requests: readonly T[],
): number[] {
  const order = requests
    .map((r, i) => i)
    .sort((a, b) => {
      const x = requests[a]!.receivedOn;
      const y = requests[b]!.receivedOn;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  const counters = new Map<string, number>();
  const out = new Array<number>(requests.length);
  for (const i of order) {
    const r = requests[i]!;
    const key = `${r.applicantKey}|${feeMonth(r.receivedOn)}`;
    const k = (counters.get(key) ?? 0) + 1;
    counters.set(key, k);
    out[i] = k;
  }
  return out;
}

/** The last day to pay: 20 working days from the day after the applicant received the fee notice (§5.5). */
export function feePaymentDue(
  cal: WorkCalendar,
  noticeReceivedOn: string,
): { date: string; provisional: boolean } {
  return cal.addWorkdaysChecked(noticeReceivedOn, FEE_PAYMENT_PERIOD);
}

/**
 * 办法第五条: 「按量计收适用于申请人要求以提供纸质件、发送电子邮件、复制电子数据等方式获取政府信息的情形」 — not to 当场查阅、
 * 抄录. And a fee notice is issued on the day it is written (never backdated) and reaches the applicant no earlier than
 * that day and no earlier than the request's receipt (办法: 「应当在政府信息公开申请处理期限内……发出收费通知」).
 */
export function checkFeeNotice(c: {
  method: 'by_count' | 'by_volume';
  formRequested: string;
  receivedOn: string;
  issuedOn: string;
  noticeOn: string;
  today: string;
}): void {
  if (c.method === 'by_volume' && c.formRequested === 'inspection')
    throw new InvalidStateError(
      '按量计收只适用于提供纸质件、发送电子邮件、复制电子数据等方式（《政府信息公开信息处理费管理办法》第五条），申请人选择当场查阅、抄录的，不能按量计收',
    );
  if (c.issuedOn !== c.today)
    throw new ValidationError('收费通知以出具当日为发出日期，不能倒签或预签', { issuedOn: '应为今天' });
  if (c.noticeOn < c.receivedOn)
    throw new ValidationError('申请人收到收费通知的日期不能早于本机关收到申请的日期', {
      noticeOn: '早于收到申请日期',
    });
  if (c.noticeOn < c.issuedOn)
    throw new ValidationError('申请人收到收费通知的日期不能早于通知发出的日期（倒签）', {
      noticeOn: '早于通知发出日期',
    });
  if (c.noticeOn > c.today)
    throw new ValidationError('申请人收到通知的日期不能晚于今天', { noticeOn: '不能晚于今天' });
}

/**
 * 一事一申请 (办法第四条): 「申请人的一份政府信息公开申请包含多项内容的，行政机关可以按照“一事一申请”原则，以合理的最小单位
 * 拆分计算件数」 — a request counted as more than one item needs the reason recorded.
 */
export function checkSplit(items: number, reason: string | null | undefined): void {
  if (!Number.isInteger(items) || items < 1 || items > 100)
    throw new ValidationError('拆分计算的件数应为1至100的整数', { items: '件数不正确' });
  if (items > 1 && !reason?.trim())
    throw new ValidationError(
      '按“一事一申请”拆分计算件数的，请写明拆分理由（《政府信息公开信息处理费管理办法》第四条）',
      {
        splitReason: '请写明拆分理由',
      },
    );
}

/**
 * What the fee notice states so that the amount can be checked: the request's rank(s) among the applicant's requests
 * of the month (按件), or the page count (按量).
 */
export function feeBasisText(
  c:
    | { method: 'by_count'; earlierItems: number; items: number; month: string }
    | { method: 'by_volume'; pages: number },
): string {
  if (c.method === 'by_volume') return `本次提供的政府信息共${c.pages}页`;
  const [y, m] = c.month.split('-');
  const first = c.earlierItems + 1;
  const last = c.earlierItems + c.items;
  const rank =
    first === last ? `第${first}件` : `第${first}至第${last}件（按“一事一申请”拆分为${c.items}件）`;
  return `本申请为申请人${Number(y)}年${Number(m)}月向本机关提出的${rank}`;
}
