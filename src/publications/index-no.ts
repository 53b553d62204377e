/**
 * 索引号: generated at publication from the agency's format (setting `publications.index_format`) with a serial
 * that is gap-free per agency and year: the serial is taken from the `serials` table inside the publishing
 * transaction, so a failed publication rolls its number back.
 *
 * Placeholders: {code} agency code, {year} publication year, {category} category code, {serial:N} serial padded
 * to N digits ({serial} unpadded).
 */

export const INDEX_PLACEHOLDERS = ['{code}', '{year}', '{category}', '{serial}', '{serial:N}'];

/** Format an index number. Pure. */
export function formatIndexNo(
  format: string,
  v: { code: string; year: number; category: string; serial: number },
): string {
  return format
    .replace(/\{code\}/g, v.code)
    .replace(/\{year\}/g, String(v.year))
    .replace(/\{category\}/g, v.category)
    .replace(/\{serial(?::(\d))?\}/g, (_m, n?: string) => String(v.serial).padStart(Number(n ?? 0), '0'));
}

/** Whether a format is usable: it names the serial (else every number of a year would collide) and nothing unknown. */
export function indexFormatProblem(format: string): string | null {
  if (!format.trim()) return '索引号格式不能为空';
  if (format.length > 80) return '索引号格式过长';
  const unknown = format.match(/\{[^}]*\}/g)?.find((p) => !/^\{(code|year|category|serial(:\d)?)\}$/.test(p));
  if (unknown) return `索引号格式中的“${unknown}”无法识别，可用：{code} {year} {category} {serial:5}`;
  if (!/\{serial(:\d)?\}/.test(format))
    return '索引号格式必须包含序号 {serial}（如 {serial:5}），否则同年索引号会重复';
  // Serials restart every year, so without the year the numbers of two years would collide.
  if (!format.includes('{year}')) return '索引号格式必须包含年份 {year}（序号每年从1开始）';
  return null;
}
