/**
 * The password policy (GB/T 22239-2019 身份鉴别: 口令复杂度): applied wherever a password is set or changed.
 * Pure; returns the Chinese reason a password is refused, or null. Reuse of the last few passwords is checked
 * against the stored hashes in `password-history.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
/** A new password may not equal the current one nor the ones before it, this many in all. */
export const PASSWORD_HISTORY = 5;

/**
 * Common passwords: the zxcvbn-ts common list (MIT; drawn from published password corpora by the zxcvbn project)
 * and our Chinese list, src/auth/data/common-passwords-zh.txt (its source is in its header).
 */
const COMMON: ReadonlySet<string> = new Set([
  ...dictionary['passwords-common'].map((p) => p.toLowerCase()),
  ...fs
    .readFileSync(path.join(import.meta.dirname, 'data', 'common-passwords-zh.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l && !l.startsWith('#')),
]);

const SUBSTITUTIONS: [RegExp, string][] = [
  [/@|4/g, 'a'],
  [/0/g, 'o'],
  [/3/g, 'e'],
  [/\$|5/g, 's'],
  [/7/g, 't'],
];

/** The readings of a password a guesser would try first: lower case, de-substituted, with its affixes stripped. */
function readings(pw: string): string[] {
  const lower = pw.toLowerCase();
  const undo = (s: string, one: string) =>
    SUBSTITUTIONS.reduce((t, [re, to]) => t.replace(re, to), s).replace(/1|!/g, one);
  const bases = [lower, undo(lower, 'i'), undo(lower, 'l')];
  const out = new Set<string>();
  for (const b of bases) {
    out.add(b);
    out.add(b.replace(/^[^a-z]+|[^a-z]+$/g, '')); // "2026Dragon!" → "dragon"
    out.add(b.replace(/[^a-z0-9]+$/g, '')); // "12345678!" → "12345678"
  }
  // Mostly digits ("qq-5201314", "a.123456789!"): the digits alone.
  if ((lower.match(/[a-z]/g) ?? []).length <= 3) out.add(lower.replace(/[^0-9]/g, ''));
  return [...out].filter((s) => s.length >= 4);
}

/** Whether the password, read as a guesser would, is on the common lists. */
export function isCommonPassword(pw: string): boolean {
  return readings(pw).some((r) => COMMON.has(r));
}

const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const SEQUENCE_RUN = 5;

/** Whether the password holds a run of SEQUENCE_RUN consecutive characters (12345, cdefg, qwert, or reversed). */
export function hasSequence(pw: string): boolean {
  const s = pw.toLowerCase();
  for (let i = 0; i + SEQUENCE_RUN <= s.length; i++) {
    const part = s.slice(i, i + SEQUENCE_RUN);
    const reversed = [...part].reverse().join('');
    if (SEQUENCES.some((q) => q.includes(part) || q.includes(reversed))) return true;
  }
  return false;
}

/** The Chinese reason a password is refused, or null when it meets the policy. */
export function passwordProblem(pw: string, username?: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(pw)) return '密码不能包含空字符、换行等控制字符';
  if (pw.trim() === '') return '密码不能为空或只有空格';
  if (pw !== pw.trim()) return '密码的开头和结尾不能是空格';
  const length = [...pw].length;
  if (length < MIN_PASSWORD_LENGTH) return `密码至少需要${MIN_PASSWORD_LENGTH}个字符`;
  if (length > MAX_PASSWORD_LENGTH) return `密码不能超过${MAX_PASSWORD_LENGTH}个字符`;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && username.length >= 3 && pw.toLowerCase().includes(username.toLowerCase()))
    return '密码不能包含用户名';
  if (/^(.{1,5})\1+$/su.test(pw)) return '密码不能由同一小段字符反复组成（如 Ab1!Ab1!Ab1!）';
  if (/(.)\1{3,}/su.test(pw)) return '密码不能有4个或以上相同的字符连在一起';
  if (hasSequence(pw)) return '密码不能含5个或以上连续的字符（如 12345、abcde、qwert）';
  if (isCommonPassword(pw)) return '这个密码过于常见，很容易被猜中，请换一个';
  return null;
}
