import { Converter } from 'opencc-js/t2cn';

/**
 * Text normalisation for reading published reports: Traditional → Simplified for the words of the format,
 * full-width/half-width forms, label keys for matching, numbering prefixes and cell values.
 */

// Traditional → Simplified for the characters of the format's headings and labels and the words around them
// (mirror sites republish reports in Traditional characters). Pairs by position.
const TRAD =
  '開請數轉處結與據護務過條項規範發廢現許執決費額單萬業構會織機總計區這種國穩權內類詢關製補確訪舉報訴複覆無當認獲繳納維糾審議經後體況動問題進鄉鎮縣廳辦資訊號們為對於從個來時間實際質統價級應檢評責說該並將產農監導響圍點線網帳專傳聯絡員參頁稅屆陽歷曆彙編預算採購統務職權領導組織覽載擊歸檔環節準備選舉議幹務齊處罰強許劃衛蘭費勞動災療險庫廣場區勢壓優勵嚴謹謝縮償買賣贊貿運輸郵遞電話韓趙劉張陳楊黃吳鄭馮蔣蕭葉閻鍾龍輝碼標簽證書營銷徵稱義務術藝擴張濟衛損壞屬係則層狀續繼須設讓眾擬見視頻臺啟與歲級團積極貫徹'.split(
    '',
  );
const SIMP =
  '开请数转处结与据护务过条项规范发废现许执决费额单万业构会织机总计区这种国稳权内类询关制补确访举报诉复复无当认获缴纳维纠审议经后体况动问题进乡镇县厅办资讯号们为对于从个来时间实际质统价级应检评责说该并将产农监导响围点线网账专传联络员参页税届阳历历汇编预算采购统务职权领导组织览载击归档环节准备选举议干务齐处罚强许划卫兰费劳动灾疗险库广场区势压优励严谨谢缩偿买卖赞贸运输邮递电话韩赵刘张陈杨黄吴郑冯蒋萧叶阎钟龙辉码标签证书营销征称义务术艺扩张济卫损坏属系则层状续继须设让众拟见视频台启与岁级团积极贯彻'.split(
    '',
  );
const t2s = new Map<string, string>();
TRAD.forEach((t, i) => t2s.set(t, SIMP[i]!));
const s2t = new Map<string, string>();
TRAD.forEach((t, i) => {
  if (!s2t.has(SIMP[i]!)) s2t.set(SIMP[i]!, t);
});

const TRAD_RE = new RegExp(`[${[...t2s.keys()].join('')}]`, 'g');
/** The code units of gongkai's Traditional characters (all in the BMP): a scan by table, not by regex. */
const TRAD_UNITS = new Uint8Array(0x10000);
for (const t of t2s.keys()) TRAD_UNITS[t.charCodeAt(0)] = 1;

function hasTraditional(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (TRAD_UNITS[s.charCodeAt(i)] === 1) return true;
  return false;
}

/** A reading a mirror site leaked after a character, in parentheses: “數(shù)據(jù)”, “號(hào)”. */
const LEAKED_READING = /(\p{Script=Han})\(([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)/gu;

/** Traditional characters in a text of this many (of gongkai's list) make it a converted text: OpenCC converts it. */
const TRADITIONAL_TEXT = 8;

let t2cn: ((s: string) => string) | null = null;

/**
 * Traditional → Simplified. A text with a few stray Traditional characters gets them replaced from gongkai's list;
 * a machine-converted Traditional text (a mirror site) is converted back by OpenCC (opencc-js, Traditional → mainland
 * Simplified, phrases included), after the pinyin readings some mirrors leak in parentheses are removed.
 */
export function toSimplified(s: string): string {
  if (!hasTraditional(s)) return s;
  const text = s.replace(LEAKED_READING, '$1');
  const count = text.match(TRAD_RE)?.length ?? 0;
  if (count < TRADITIONAL_TEXT) return text.replace(TRAD_RE, (ch) => t2s.get(ch)!);
  const convert = (t2cn ??= Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

/** The reverse mapping (used by tests to build a mirror-site copy of a report). */
export function toTraditional(s: string): string {
  let out = '';
  for (const ch of s) out += s2t.get(ch) ?? ch;
  return out;
}

/**
 * What each UTF-16 code unit asks of `normalizeText`: 0 nothing (ASCII, CJK ideographs, common CJK punctuation —
 * NFKC leaves them alone), 1 full-width ASCII punctuation (U+FF01–U+FF5E, mapped to ASCII exactly as NFKC would),
 * 2 only NFKC maps it well (full-width letters and digits, circled numbers, compatibility forms, odd spaces),
 * 3 anything else (NFKC is not run for it). One table lookup per character instead of three regular expressions.
 */
const NORMALIZE_CLASS = new Uint8Array(0x10000).fill(3);
{
  const mark = (from: number, to: number, c: number) => NORMALIZE_CLASS.fill(c, from, to + 1);
  for (const c of [0x09, 0x0a, 0x0d]) NORMALIZE_CLASS[c] = 0;
  mark(0x20, 0x7e, 0);
  mark(0x4e00, 0x9fff, 0);
  for (const ch of '、。“”‘’《》〔〕【】—…·') NORMALIZE_CLASS[ch.charCodeAt(0)] = 0;
  mark(0xff01, 0xff5e, 1);
  for (const [from, to] of [
    [0xff10, 0xff19],
    [0xff21, 0xff3a],
    [0xff41, 0xff5a],
    [0x2460, 0x24ff],
    [0x3200, 0x33ff],
    [0xf900, 0xfaff],
    [0x2000, 0x200a],
  ] as const)
    mark(from, to, 2);
  for (const c of [0x00a0, 0x3000, 0x200b, 0xfeff]) NORMALIZE_CLASS[c] = 2;
}

/**
 * NFKC (full-width ASCII and punctuation → half-width), no-break spaces as spaces. Traditional characters are
 * converted once for the whole document when it is decoded (see `toSimplified`), not here. Most report text only
 * has full-width punctuation, which is mapped directly (NFKC on every paragraph was the reader's main cost).
 */
export function normalizeText(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && NORMALIZE_CLASS[s.charCodeAt(i)] === 0) i++;
  if (i === n) return s;
  // One pass: map full-width punctuation as it comes; a character only NFKC maps sends the whole text to NFKC.
  let out = '';
  let from = 0;
  for (let k = i; k < n; k++) {
    const code = s.charCodeAt(k);
    const c = NORMALIZE_CLASS[code];
    if (c === 1) {
      out += s.slice(from, k) + String.fromCharCode(code - 0xfee0);
      from = k + 1;
    } else if (c === 2) return s.normalize('NFKC').replace(/[\u00a0\u3000\u200b\ufeff]/g, ' ');
  }
  return from === 0 ? s : out + s.slice(from);
}

const keyCache = new Map<string, string>();

/** A matching key: normalised, without whitespace, punctuation or symbols. Labels repeat, so short keys are cached. */
export function labelKey(s: string): string {
  const cached = keyCache.get(s);
  if (cached !== undefined) return cached;
  const key = normalizeText(s).replace(/[\s\p{P}\p{S}]/gu, '');
  if (s.length <= 80) {
    if (keyCache.size > 20_000) keyCache.clear();
    keyCache.set(s, key);
  }
  return key;
}

const CN_NUM = '一二三四五六七八九十';

export interface Numbering {
  /** 'cn' = 一、 ; 'paren' = （一） ; 'digit' = 1. */
  kind: 'cn' | 'paren' | 'digit';
  /** 1-based ordinal. */
  n: number;
}

/** 一…十 → 1…10 (enough for report numbering). */
export function chineseOrdinal(s: string): number {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + CN_NUM.indexOf(s[1]!) + 1;
  return CN_NUM.indexOf(s) + 1;
}

const numberingCache = new Map<string, { numbering: Numbering | null; rest: string }>();

/** Split a leading numbering (一、 / （一） / 1.) from a label. Cached for short labels (they recur). */
export function splitNumbering(raw: string): { numbering: Numbering | null; rest: string } {
  const cached = numberingCache.get(raw);
  if (cached) return cached;
  const result = splitNumberingUncached(raw);
  if (raw.length <= 80) {
    if (numberingCache.size > 20_000) numberingCache.clear();
    numberingCache.set(raw, result);
  }
  return result;
}

function splitNumberingUncached(raw: string): { numbering: Numbering | null; rest: string } {
  const s = normalizeText(raw).trimStart();
  let m = /^\(\s*([一二三四五六七八九十]{1,2})\s*\)\s*/.exec(s);
  if (m) return { numbering: { kind: 'paren', n: chineseOrdinal(m[1]!) }, rest: s.slice(m[0].length) };
  m = /^([一二三四五六七八九十]{1,2})\s*[、.,]\s*/.exec(s);
  if (m) return { numbering: { kind: 'cn', n: chineseOrdinal(m[1]!) }, rest: s.slice(m[0].length) };
  m = /^(\d{1,2})\s*[.、,](?!\d)\s*/.exec(s);
  if (m) return { numbering: { kind: 'digit', n: Number(m[1]) }, rest: s.slice(m[0].length) };
  return { numbering: null, rest: s };
}

/** `^\d{1,max}$` without a regular expression (most table cells are such numbers). */
function isDigits(t: string, max: number): boolean {
  const n = t.length;
  if (n === 0 || n > max) return false;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

const VALUE_START = /^[0-9０-９无没/\\／＼\-—–─━‐‑‒―－OoIl]/;

/** What one table cell holds. */
export type CellReading =
  | {
      kind: 'number';
      value: number;
      annotated: boolean;
      /** A money unit written in the cell ("251000元", "18.8710万元"): the value is in that unit. */
      unit?: 'yuan' | 'wan';
    }
  | { kind: 'blank' | 'wu' | 'slash' | 'dash' };

/**
 * Read a table cell: a number (thousands separators, a decimal in the 万元 cell, a parenthetical note after the
 * number, full-width digits, O/l read as 0/1 by OCR), or one of the placeholders that the format does not allow
 * (blank, 无, /, -) — or `null` when the cell is a label.
 */
export function readCell(raw: string): CellReading | null {
  const t = raw.trim();
  if (isDigits(t, 12)) return { kind: 'number', value: Number(t), annotated: false };
  // Every value starts with a digit, 无/没有, a slash or a dash (or is blank): anything else is a label.
  if (t !== '' && !VALUE_START.test(t)) return null;
  // A value is short; a longer cell is a label (the longest values are annotated: “55（含自然失效 29 件）”).
  if (t.length > 40) return null;
  const s = normalizeText(t).trim();
  if (s === '') return { kind: 'blank' };
  if (s === '无' || s === '没有') return { kind: 'wu' };
  if (/^[/\\]+$/.test(s)) return { kind: 'slash' };
  if (/^[-—–─━‐‑‒―]+$/.test(s)) return { kind: 'dash' };
  const m = /^([0-9OoIl]*[0-9][0-9OoIl,]*(?:\.[0-9]+)?)\s*(件|个|项|次|条|万元|万|元)?\s*(\(.*\))?$/.exec(s);
  if (!m) return null;
  let digits = m[1]!.replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
  if (digits.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) return null;
    digits = digits.replace(/,/g, '');
  }
  const value = Number(digits);
  if (!Number.isFinite(value)) return null;
  const unit = m[2] === '元' ? 'yuan' : m[2] === '万元' || m[2] === '万' ? 'wan' : undefined;
  return unit
    ? { kind: 'number', value, annotated: Boolean(m[3]), unit }
    : { kind: 'number', value, annotated: Boolean(m[3]) };
}

/** True when the cell reads as a value (number or placeholder), not as a label. */
export function isValueCell(raw: string): boolean {
  return readCell(raw) !== null;
}

const similarityCache = new Map<string, number>();

/** Bigram Dice similarity of two keys (0…1), for OCR-damaged labels. Cached: the same labels recur. */
export function bigramSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const cacheKey = `${a}\u0000${b}`;
  const cached = similarityCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const value = dice(a, b);
  if (similarityCache.size > 50_000) similarityCache.clear();
  similarityCache.set(cacheKey, value);
  return value;
}

function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let hits = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      hits++;
      grams.set(g, n - 1);
    }
  }
  return (2 * hits) / (a.length - 1 + b.length - 1);
}
