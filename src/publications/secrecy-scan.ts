/**
 * 保密审查 scan: flags personal data and secrecy markings in text that is about to be published, each hit with its
 * offsets and context, and masks them on request. Pure. It assists the reviewer, who still signs the review: a
 * hit is a question to look at, and the absence of hits proves nothing (条例第十四条、第十五条; 保守国家秘密法).
 */

export type HitKind = 'id_card' | 'mobile' | 'bank_card' | 'address' | 'sensitive_person' | 'marking';

export const HIT_LABELS: Record<HitKind, string> = {
  id_card: '身份证号',
  mobile: '手机号码',
  bank_card: '银行卡号',
  address: '详细住址',
  sensitive_person: '敏感身份信息（姓名与低保、残疾、疾病等相邻）',
  marking: '密级或内部标识',
};

export interface SecrecyHit {
  kind: HitKind;
  label: string;
  /** high: must be masked or explained before publication; medium: look at it. */
  severity: 'high' | 'medium';
  start: number;
  end: number;
  match: string;
  /** Up to 12 characters either side. */
  before: string;
  after: string;
  /** What one-click masking puts in place of the match (null: cannot be masked — remove or withhold instead). */
  masked: string | null;
}

const CONTEXT = 12;

// --- 身份证号 (GB 11643-1999): 17 digits + check character, with a plausible birth date ---------------------------
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Whether an 18-character string is a valid resident ID number (checksum and birth date). */
export function isValidIdNumber(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i]!;
  if (ID_CHECK[sum % 11] !== s[17]!.toUpperCase()) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Luhn checksum (bank cards, ISO/IEC 7812). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = Number(digits[i]);
    if (double) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}

// Digit sequences not glued to other digits or Latin letters (so parts of longer numbers, hashes, codes don't count).
const ID_RE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_RE = /(?<![0-9A-Za-z])1[3-9]\d(?:[ -]?)\d{4}(?:[ -]?)\d{4}(?![0-9A-Za-z])/g;
const CARD_RE = /(?<![0-9A-Za-z])(?:\d{4}[ -]?){3}\d{4}(?:[ -]?\d{1,3})?(?![0-9A-Za-z])/g;

// --- 住址: a house-level address (village/community + group/building/number), not a village name alone -------------
const NUM = '(?:\\d+|[一二三四五六七八九十百零〇两]+)';
const ADDRESS_RE = new RegExp(
  `[\\u4e00-\\u9fa5]{1,8}(?:村|社区|小区|街道|路|街|巷)(?:${NUM}(?:社|组|队))?${NUM}(?:号楼|号院|号|栋|幢)(?:${NUM}单元)?(?:${NUM}(?:室|户))?` +
    `|[\\u4e00-\\u9fa5]{1,8}村${NUM}(?:社|组)(?![\\u4e00-\\u9fa5]{0,2}(?:干部|村民|群众|党员|会议|代表|组长|社长))`,
  'g',
);

// --- 姓名 next to 低保/残疾/疾病… ------------------------------------------------------------------------------------
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤祁鲁';
const NAME = `[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}`;
const SENSITIVE =
  '低保户|低保对象|低保|特困供养|特困人员|特困|五保户|残疾人|残疾|精神病|精神障碍|重度|患病|患有|病人|患者|大病|癌症|艾滋病|吸毒|戒毒|刑满释放|社区矫正|服刑';
// "低保户：张三、李四" — a name list after a sensitive word.
const LIST_AFTER_RE = new RegExp(
  `(?:${SENSITIVE})[户人员对象]?[：:（(\\s]{1,2}((?:${NAME}[、，,\\s]*)+)`,
  'g',
);
// "张三（低保户）", "张三，残疾人", "张三患有…", "张三系低保户"
const NAME_BEFORE_RE = new RegExp(
  `(${NAME})(?:[（(，,、\\s]|系|为|是|家|一家){0,2}(?=${SENSITIVE}|[^\\u4e00-\\u9fa5]{0,2}(?:${SENSITIVE}))`,
  'g',
);
// Words right after a surname-like character that make it not a name ("王牌", "高龄", "白天" …).
const NOT_NAMES = new Set([
  '高龄',
  '方面',
  '方式',
  '白天',
  '金额',
  '石头',
  '程序',
  '于是',
  '万元',
  '向前',
  '任务',
  '任何',
  '常见',
  '全乡',
  '马上',
  '江河',
  '龙头',
  '黄河',
  '严重',
  '范围',
  '毛病',
  '史上',
  '段时',
  '钱款',
  '余额',
  '许多',
  '曾经',
  '孔家',
  '时家',
  '杨家',
  '甘家',
  '魏家',
  '费家',
]);

// --- 密级与内部标识 -------------------------------------------------------------------------------------------------
const MARKING_RE =
  /绝密|机密|(?<!国家|商业|保守|工作)秘密(?:★|级)?|内部资料|内部文件|内部传阅|内部使用|内部参考|内部掌握|内部事项|不得外传|严禁外传|涉密|不宜公开/g;

function hit(text: string, kind: HitKind, start: number, end: number, masked: string | null): SecrecyHit {
  return {
    kind,
    label: HIT_LABELS[kind],
    severity: kind === 'address' || kind === 'sensitive_person' ? 'medium' : 'high',
    start,
    end,
    match: text.slice(start, end),
    before: text.slice(Math.max(0, start - CONTEXT), start),
    after: text.slice(end, end + CONTEXT),
    masked,
  };
}

const digitsOf = (s: string) => s.replace(/\D/g, '');
const stars = (n: number) => '*'.repeat(n);

function maskName(name: string): string {
  const chars = Array.from(name);
  return chars[0]! + '某'.repeat(chars.length - 1);
}

/** Scan plain text. Hits are sorted by position and never overlap (the first, most specific kind wins). */
export function scanText(text: string): SecrecyHit[] {
  const hits: SecrecyHit[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const add = (h: SecrecyHit) => {
    if (!free(h.start, h.end)) return;
    taken.push([h.start, h.end]);
    hits.push(h);
  };

  for (const m of text.matchAll(ID_RE)) {
    if (!isValidIdNumber(m[0])) continue;
    add(hit(text, 'id_card', m.index, m.index + 18, `${m[0].slice(0, 6)}${stars(8)}${m[0].slice(14)}`));
  }
  for (const m of text.matchAll(MOBILE_RE)) {
    const d = digitsOf(m[0]);
    add(hit(text, 'mobile', m.index, m.index + m[0].length, `${d.slice(0, 3)}****${d.slice(7)}`));
  }
  for (const m of text.matchAll(CARD_RE)) {
    const d = digitsOf(m[0]);
    if (d.length < 16 || d.length > 19 || !luhnValid(d)) continue;
    if (d.length === 18 && isValidIdNumber(d)) continue;
    add(hit(text, 'bank_card', m.index, m.index + m[0].length, `${stars(d.length - 4)}${d.slice(-4)}`));
  }
  for (const m of text.matchAll(MARKING_RE)) add(hit(text, 'marking', m.index, m.index + m[0].length, null));
  for (const m of text.matchAll(ADDRESS_RE)) {
    // The regex cannot tell where a place name begins; cut after a leading verb (住, 在, 于, 址 …).
    const lead = /^.*?[住在于址：:]/.exec(m[0].slice(0, m[0].search(/村|社区|小区|街道|路|街|巷/)));
    const cut = lead ? lead[0].length : 0;
    const s = m[0].slice(cut);
    if (!s) continue;
    m.index += cut;
    // Keep the place, hide the house: digits and Chinese numerals of the tail become ＊.
    const village = /^[\u4e00-\u9fa5]{1,8}?(?:村|社区|小区|街道|路|街|巷)/.exec(s)?.[0] ?? '';
    const masked = village + s.slice(village.length).replace(/\d+|[一二三四五六七八九十百零〇两]+/g, '＊');
    add(hit(text, 'address', m.index, m.index + s.length, masked));
  }
  for (const m of text.matchAll(LIST_AFTER_RE)) {
    const list = m[1]!;
    const listStart = m.index + m[0].length - list.length;
    for (const n of list.matchAll(new RegExp(NAME, 'g'))) {
      const name = n[0];
      if (NOT_NAMES.has(name.slice(0, 2))) continue;
      const start = listStart + n.index;
      add(hit(text, 'sensitive_person', start, start + name.length, maskName(name)));
    }
  }
  for (const m of text.matchAll(NAME_BEFORE_RE)) {
    const name = m[1]!;
    if (NOT_NAMES.has(name.slice(0, 2))) continue;
    // The character before must not be CJK (else we cut a word: "全乡低保" is no name), except the few that end a
    // phrase introducing a person: 申请人/户主/村民/组员 …, 为/是/给/对/由, 和/与/及/的.
    const prev = text[m.index - 1];
    if (prev && /[\u4e00-\u9fa5]/.test(prev) && !/[的和与及人主民员者为是给对向由]/.test(prev)) continue;
    add(hit(text, 'sensitive_person', m.index, m.index + name.length, maskName(name)));
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Replace every maskable hit by its masked form (hits from scanText of the same text). */
export function maskText(text: string, hits: readonly SecrecyHit[]): string {
  let out = '';
  let pos = 0;
  for (const h of [...hits].sort((a, b) => a.start - b.start)) {
    if (h.masked == null || h.start < pos) continue;
    out += text.slice(pos, h.start) + h.masked;
    pos = h.end;
  }
  return out + text.slice(pos);
}

/**
 * Mask an HTML body: each text segment between tags is scanned and masked on its own, so markup is never altered.
 * (A number split by a tag is not seen — the reviewer reads the whole text anyway.)
 */
export function maskHtml(html: string): { html: string; masked: number } {
  let masked = 0;
  const out = html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) return part;
      const hits = scanText(part).filter((h) => h.masked != null);
      masked += hits.length;
      return maskText(part, hits);
    })
    .join('');
  return { html: out, masked };
}
