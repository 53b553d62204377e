/**
 * Whether a short text (a portal page, an annual report) has every word of a query, the same words the index
 * matches (tokenize.ts). For the handful of pages of an agency that are searched where they are stored instead of
 * through the index. Pure.
 */
import { queryWords } from './tokenize.ts';

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

export function matchesAllWords(q: string, text: string): boolean {
  const words = queryWords(q);
  if (!words.length) return false;
  const hay = fold(text);
  return words.every((w) => hay.includes(w.word));
}
