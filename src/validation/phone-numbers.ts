/**
 * Chinese telephone numbers as applicants type them: a mobile number (11 digits starting 13–19, optionally with
 * +86 / 86), a landline with its area code (0 + 2–3 digits, then 7–8 digits, optionally an extension), or a
 * national service number (400 / 800 + 7 digits). Spaces, hyphens, dots and brackets between the groups are
 * accepted and full-width digits are read as digits. Pure.
 */

export type PhoneKind = 'mobile' | 'landline' | 'service';

/** The number's digits (extension after "-" or "转" kept apart), or null when it has letters or stray signs. */
function digitsOf(raw: string): { main: string; ext: string } | null {
  const s = raw.normalize('NFKC').trim();
  if (!s || /[^0-9+\-\s().（）转]/.test(s)) return null;
  const [main = '', ext = ''] = s.split(/转|(?<=\d{7,})\s*-\s*(?=\d{1,6}$)/);
  return { main: main.replace(/[^0-9+]/g, ''), ext: ext.replace(/\D/g, '') };
}

/** What kind of number this is, or null when it is not a valid Chinese telephone number. */
export function phoneKind(raw: string): PhoneKind | null {
  const d = digitsOf(raw);
  if (!d) return null;
  const main = d.main.replace(/^(\+86|0086|86(?=1\d{10}$))/, '');
  if (main.includes('+')) return null;
  if (/^1[3-9]\d{9}$/.test(main)) return d.ext ? null : 'mobile';
  if (/^(400|800)\d{7}$/.test(main)) return d.ext ? null : 'service';
  // Area codes: 010 and 02x have 3 digits (with the 0), the rest 4; local numbers 7 or 8 digits.
  if (/^(010|02\d)\d{8}$/.test(main) || /^0[3-9]\d{2}\d{7,8}$/.test(main)) return 'landline';
  return null;
}

/** The Chinese message for an invalid number (null when valid). */
export function phoneError(raw: string): string | null {
  return phoneKind(raw)
    ? null
    : '联系电话格式不正确：手机号为11位数字（如 13800000000），固定电话请带区号（如 0972-8321234）';
}
