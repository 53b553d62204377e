/** How chart values are written in labels, tables and summaries (Chinese conventions). */
export type ValueFormat = 'count' | 'percent' | 'days' | 'yuan';

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/** Written values per format: Intl's format is the costliest step of a chart's cells and tables, and the values of a
 * page repeat (a heatmap's 156 shares are a dozen distinct ratios). Bounded: emptied when full. */
const written = new Map<ValueFormat, Map<number, string>>();
const WRITTEN_MAX = 5000;

/** Write one value; `null` (no data for this point) is a dash, never 0. */
export function formatValue(value: number | null, format: ValueFormat = 'count'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  // A map does not tell -0 from 0 (Intl writes "-0").
  if (Object.is(value, -0)) return write(value, format);
  let memo = written.get(format);
  if (!memo) written.set(format, (memo = new Map()));
  let s = memo.get(value);
  if (s === undefined) {
    s = write(value, format);
    if (memo.size >= WRITTEN_MAX) memo.clear();
    memo.set(value, s);
  }
  return s;
}

function write(value: number, format: ValueFormat): string {
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
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += cp >= 0x2e80 && cp <= 0xffff ? 1 : 0.6;
  }
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
