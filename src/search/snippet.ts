/** Highlighted snippets for search results. Pure: returns segments, so views escape the text themselves. */

export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** Split a text into highlighted and plain segments for the given needles (longest match first, case-insensitive). */
export function highlight(text: string, needles: readonly string[]): SnippetPart[] {
  const ns = needles.filter((n) => n.length > 0);
  if (!ns.length) return [{ text, hit: false }];
  const lower = text.normalize('NFKC').toLowerCase();
  // NFKC may change length (full-width forms keep length 1, ligatures do not); fall back to the raw text then.
  const hay = lower.length === text.length ? lower : text.toLowerCase();
  const parts: SnippetPart[] = [];
  let pos = 0;
  let plainStart = 0;
  while (pos < hay.length) {
    const n = ns.find((x) => hay.startsWith(x, pos));
    if (n) {
      if (plainStart < pos) parts.push({ text: text.slice(plainStart, pos), hit: false });
      parts.push({ text: text.slice(pos, pos + n.length), hit: true });
      pos += n.length;
      plainStart = pos;
    } else pos++;
  }
  if (plainStart < text.length) parts.push({ text: text.slice(plainStart), hit: false });
  return parts;
}

/**
 * A window of about `width` characters around the first place a needle occurs (or the start of the text), with
 * the needles highlighted and ellipses where the text was cut.
 */
export function snippet(text: string, needles: readonly string[], width = 120): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const hay = flat.toLowerCase();
  let first = -1;
  for (const n of needles) {
    const i = n ? hay.indexOf(n) : -1;
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  const start = first <= 20 ? 0 : first - 20;
  const end = Math.min(flat.length, start + width);
  const parts = highlight(flat.slice(start, end), needles);
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (end < flat.length) parts.push({ text: '…', hit: false });
  return parts;
}
