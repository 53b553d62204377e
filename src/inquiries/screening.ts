/**
 * Screening of a citizen's text before anything of it is shown: personal data through the shared secrecy scan
 * (src/publications/secrecy-scan.ts — masked in the public version), and the agency's sensitive-word list with its
 * allow-list. Word lists are known to misfire, so each hit carries the word, where it is and why it matched, and
 * each allow-list pass says which phrase let it through: the clerk decides, not the list. Pure.
 */
import { maskText, scanText, type SecrecyHit } from '../publications/index.ts';

export interface WordHit {
  word: string;
  start: number;
  end: number;
  before: string;
  after: string;
  /** Why it matched, in Chinese, for the clerk. */
  why: string;
  /** The allow-list phrase that covers it (then it is not a hit). */
  allowedBy: string | null;
}

export interface ScreenResult {
  secrecy: Pick<SecrecyHit, 'kind' | 'label' | 'severity' | 'start' | 'end' | 'before' | 'after'>[];
  words: WordHit[];
  /** The text with personal data masked (what may be displayed). */
  masked: string;
  /** True when a clerk must look before anything is shown: a sensitive word or a high-severity secrecy hit. */
  hold: boolean;
}

const CONTEXT = 8;

/** Screen a text with the agency's lists. */
export function screenText(
  text: string,
  lists: { sensitiveWords: string[]; allowWords: string[] },
): ScreenResult {
  const hits = scanText(text);
  const words: WordHit[] = [];
  const allowSpans: { phrase: string; start: number; end: number }[] = [];
  for (const phrase of lists.allowWords) {
    if (!phrase) continue;
    for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1))
      allowSpans.push({ phrase, start: i, end: i + phrase.length });
  }
  for (const [n, word] of lists.sensitiveWords.entries()) {
    if (!word) continue;
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) {
      const end = i + word.length;
      const cover = allowSpans.find((a) => a.start <= i && a.end >= end);
      words.push({
        word,
        start: i,
        end,
        before: text.slice(Math.max(0, i - CONTEXT), i),
        after: text.slice(end, end + CONTEXT),
        why: cover
          ? `含敏感词表第${n + 1}项“${word}”，但位于允许词“${cover.phrase}”中，已放行`
          : `与敏感词表第${n + 1}项“${word}”完全一致（按字面匹配，可能误报，请结合上下文判断）`,
        allowedBy: cover?.phrase ?? null,
      });
    }
  }
  words.sort((a, b) => a.start - b.start);
  return {
    secrecy: hits.map((h) => ({
      kind: h.kind,
      label: h.label,
      severity: h.severity,
      start: h.start,
      end: h.end,
      before: h.before,
      after: h.after,
    })),
    words,
    masked: maskText(text, hits),
    hold: words.some((w) => !w.allowedBy) || hits.some((h) => h.severity === 'high' && h.masked == null),
  };
}

/** Mask personal data in a text that is about to be published (reply, edited question). */
export function maskForPublication(text: string): string {
  return maskText(text, scanText(text));
}
