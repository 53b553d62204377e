/**
 * Whether a short text (a portal page, an annual report) has every word of a query, the same words the index
 * matches (tokenize.ts). For the handful of pages of an agency that are searched where they are stored instead of
 * through the index. Pure.
 */
import { queryWords } from './tokenize.ts';

/** A text as matched: NFKC, lower case, runs of white space as one space. */
export const foldText = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

export function matchesAllWords(q: string, text: string): boolean {
  return hasAllWords(q, foldText(text));
}

/** matchesAllWords on a text already folded (foldText), for texts matched against many queries. */
export function hasAllWords(q: string, folded: string): boolean {
  const words = queryWords(q);
  if (!words.length) return false;
  return words.every((w) => folded.includes(w.word));
}
