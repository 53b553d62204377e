/** How chart values are written in labels, tables and summaries (Chinese conventions). */
export type ValueFormat = 'count' | 'percent' | 'days' | 'yuan';

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/** Write one value; `null` (no data for this point) is a dash, never 0. */
export function formatValue(value: number | null, format: ValueFormat = 'count'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (format) {
    case 'count':
      return grouped.format(value);
    case 'percent':
      // Values are ratios (0.853 → 85.3%).
      return `${oneDecimal.format(value * 100)}%`;
    case 'days':
      return `${oneDecimal.format(value)} 天`;
    case 'yuan':
      return `${grouped.format(value)} 元`;
  }
}

/** A short axis tick (no unit word, so ticks stay narrow). */
export function formatTick(value: number, format: ValueFormat = 'count'): string {
  if (format === 'percent') return `${oneDecimal.format(value * 100)}%`;
  return oneDecimal.format(value);
}

/** Approximate rendered width of a label in px: CJK and full-width characters are one em, others ~0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/u.test(ch) ? 1 : 0.6;
  return w * fontSize;
}

/** Shorten a label to fit `maxWidth` px, ending with an ellipsis; the full label stays in the table. */
export function fitLabel(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(out + ch + '…', fontSize) > maxWidth) break;
    out += ch;
  }
  return out + '…';
}
