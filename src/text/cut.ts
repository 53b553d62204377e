/**
 * Cutting text to a limit without breaking it: never inside a UTF-8 sequence or a surrogate pair, and never
 * inside a grapheme (an emoji with its modifiers or joiners, a letter with its combining marks), so a cut name or
 * excerpt still renders as what the person typed. Limits count graphemes (what a reader sees as one character)
 * or UTF-8 bytes (storage and header limits).
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const encoder = new TextEncoder();

/** The graphemes of s, in order. */
export function graphemes(s: string): string[] {
  return Array.from(segmenter.segment(s), (g) => g.segment);
}

/** At most `max` graphemes of s (s itself when it is short enough). */
export function cutChars(s: string, max: number): string {
  if (s.length <= max) return s; // fewer UTF-16 units than max: fewer graphemes too
  let out = '';
  let n = 0;
  for (const { segment } of segmenter.segment(s)) {
    if (n === max) break;
    out += segment;
    n++;
  }
  return out;
}

/** At most `max` graphemes, ending with '…' when something was cut (the '…' counts as one). */
export function shorten(s: string, max: number): string {
  const head = cutChars(s, max);
  if (head === s) return s;
  return cutChars(head, Math.max(max - 1, 0)) + '…';
}

/** The longest whole-grapheme prefix of s whose UTF-8 encoding fits in `maxBytes`. */
export function cutBytes(s: string, maxBytes: number): string {
  if (s.length * 3 <= maxBytes) return s; // a UTF-16 unit is at most 3 UTF-8 bytes
  let out = '';
  let bytes = 0;
  for (const { segment } of segmenter.segment(s)) {
    const b = encoder.encode(segment).length;
    if (bytes + b > maxBytes) break;
    out += segment;
    bytes += b;
  }
  return out;
}

/** UTF-8 length of s in bytes. */
export const utf8Length = (s: string): number => encoder.encode(s).length;
