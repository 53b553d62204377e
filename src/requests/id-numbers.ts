/**
 * Identity numbers of applicants (条例第二十九条第（一）项: 身份证明), pure:
 * - 公民身份号码 (GB 11643-1999): 17 digits + a check character (ISO 7064 MOD 11-2), birth date inside;
 * - 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set, the last a MOD 31 check character.
 */

const RID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RID_CHECK = '10X98765432';

/** The check character of the first 17 digits of a 公民身份号码 (GB 11643, MOD 11-2). */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RID_WEIGHTS[i]!;
  return RID_CHECK[sum % 11]!;
}

function isValidDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Why a 公民身份号码 is invalid, or null when it is valid. `today` bounds the birth date. */
export function residentIdError(raw: string, today?: string): string | null {
  const s = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(s)) return '居民身份证号码应为18位，前17位为数字，最后一位为数字或X';
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1900 || !isValidDate(y, m, d)) return '居民身份证号码中的出生日期不正确';
  if (today && `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}` > today)
    return '居民身份证号码中的出生日期晚于今天';
  if (residentIdCheckChar(s) !== s[17]) return '居民身份证号码校验位不正确，请核对后重新填写';
  return null;
}

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a 统一社会信用代码 (GB 32100, MOD 31). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c]!;
}

/** Why a 统一社会信用代码 is invalid, or null when it is valid. */
export function usccError(raw: string): string | null {
  const s = normalizeIdNumber(raw);
  if (s.length !== 18) return '统一社会信用代码应为18位';
  for (const ch of s) {
    if (!USCC_CHARSET.includes(ch)) return `统一社会信用代码含有不允许的字符“${ch}”（不使用 I、O、Z、S、V）`;
  }
  if (!/^\d{6}$/.test(s.slice(2, 8))) return '统一社会信用代码第3至8位应为登记管理机关行政区划码';
  if (usccCheckChar(s) !== s[17]) return '统一社会信用代码校验位不正确，请核对后重新填写';
  return null;
}

/** Trim, drop inner spaces, upper-case (x → X): the stored and compared form. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/[\s\u3000-]/g, '').toUpperCase();
}

/** Mask an ID number for lists and logs: keep the first 3 and last 4 characters (110***********002X). */
export function maskIdNumber(raw: string): string {
  const s = normalizeIdNumber(raw);
  if (s.length <= 7) return s.length <= 2 ? '*'.repeat(s.length) : s[0] + '*'.repeat(s.length - 1);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}
