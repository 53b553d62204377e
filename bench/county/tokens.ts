/**
 * The words the county bench writes its items in, and the fast tokenizer for them (the same tokens as `tokenize`).
 */
import { cjkWords, MAX_INDEXED_CHARS } from '../../src/search/tokenize.ts';

/** Two-character words built from common characters: 1,600 of them, so a word matches about 1 item in 160. */
const CHARS =
  '农村土地水利道路交通教育卫生医疗养老就业社会保障财政预算安全生产环境保护森林防火应急管理'.split('');
export const VOCABULARY: string[] = [];
for (let i = 0; i < 40; i++)
  for (let j = 0; j < 40; j++) VOCABULARY.push(CHARS[i]! + CHARS[(i + j + 1) % 40]!);

const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9]+|[a-z]+/g;
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** jieba's non-bigram words of a run, memoised (a pure function of the run; bounded, cleared when full). */
const runWords = new Map<string, string[]>();
function wordsOfRun(r: string): string[] {
  let w = runWords.get(r);
  if (!w) {
    w = cjkWords(r, true).filter((x) => Array.from(x).length !== 2);
    if (runWords.size >= 300_000) runWords.clear();
    runWords.set(r, w);
  }
  return w;
}

/**
 * `tokenize(text)` computed faster for the generator's texts: the same runs, bigrams and jieba words in the same
 * order (the CJK ranges are in the BMP, so a run's string index is its character index), with jieba called once
 * per distinct run rather than once per run — most runs of the generated texts repeat (the fixed phrases, the title
 * twice). The generator checks it against `tokenize` on every 1,000th document.
 */
export function benchTokens(text: string): string[] {
  const rs = text.normalize('NFKC').toLowerCase().slice(0, MAX_INDEXED_CHARS).match(RUN) ?? [];
  const out: string[] = [];
  for (const r of rs) {
    if (!CJK.test(r[0]!)) out.push(r);
    else if (r.length === 1) out.push(r);
    else for (let i = 0; i + 1 < r.length; i++) out.push(r.slice(i, i + 2));
  }
  for (const r of rs) if (r.length > 1 && CJK.test(r[0]!)) for (const w of wordsOfRun(r)) out.push(w);
  return out;
}
