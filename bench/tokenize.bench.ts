/**
 * The cost of jieba's words in the search index: tokenizing the same texts with the bigrams alone (the baseline,
 * measured in the same run) and with bigrams plus jieba words, and the query cut. Figures only, never asserted.
 */
import { bigramTokens, queryTerms, tokenize } from '../src/search/tokenize.ts';
import { timeIt } from './support.ts';

const TEXTS = Array.from(
  { length: 2000 },
  (_, i) =>
    `关于做好2026年第${i}批春耕生产补贴资金发放工作的通知。各村民委员会：为贯彻落实农业农村政策，` +
    `现将哈拉直沟乡人民政府城乡最低生活保障资金和临时救助对象公示有关事项通知如下，请认真组织实施。`.repeat(
      3,
    ),
);
const QUERIES = ['春耕补贴', '低保名单', '乡预算', '哈拉直沟乡人民政府', '宅基地审批结果'];

export async function run(): Promise<void> {
  tokenize('预热'); // load jieba's dictionary outside the measurement
  const rounds = 3;
  let base = Infinity;
  let words = Infinity;
  let chars = 0;
  for (let r = 0; r < rounds; r++) {
    base = Math.min(base, (await timeIt(async () => TEXTS.forEach((t) => bigramTokens(t)))).ms);
    words = Math.min(words, (await timeIt(async () => TEXTS.forEach((t) => tokenize(t)))).ms);
  }
  for (const t of TEXTS) chars += t.length;
  const extra = TEXTS.reduce((s, t) => s + tokenize(t).length - bigramTokens(t).length, 0);
  const all = TEXTS.reduce((s, t) => s + bigramTokens(t).length, 0);
  console.log(`index tokens of ${TEXTS.length} texts (${chars} characters): bigrams ${base.toFixed(1)} ms`);
  console.log(`  bigrams + jieba words ${words.toFixed(1)} ms: ratio ×${(words / base).toFixed(1)}`);
  console.log(`  tokens added by jieba: +${((100 * extra) / all).toFixed(1)}%`);
  const q = await timeIt(async () => {
    for (let i = 0; i < 1000; i++) for (const x of QUERIES) queryTerms(x);
  });
  console.log(`query terms: ${(q.ms / (1000 * QUERIES.length)).toFixed(3)} ms a query`);
}
