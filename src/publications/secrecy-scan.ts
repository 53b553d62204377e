/**
 * 保密审查 scan: flags personal data and secrecy markings in text that is about to be published, each hit with its
 * offsets and context, and masks them on request. Pure. It assists the reviewer, who still signs the review: a
 * hit is a question to look at, and the absence of hits proves nothing (条例第十四条、第十五条; 保守国家秘密法).
 */

export type HitKind =
  'id_card' | 'mobile' | 'landline' | 'bank_card' | 'address' | 'health' | 'sensitive_person' | 'marking';

export const HIT_LABELS: Record<HitKind, string> = {
  id_card: '身份证号',
  mobile: '手机号码',
  landline: '个人固定电话',
  bank_card: '银行卡号',
  address: '详细住址',
  health: '健康信息（姓名与疾病相邻）',
  sensitive_person: '敏感身份信息（姓名与低保、残疾、特困等相邻）',
  marking: '密级或内部标识',
};

/**
 * Hits no reviewer's note can clear: publishing them is unlawful whatever the reason. A full 身份证号, a bank
 * account and a person's illness are 个人隐私 that 条例第十五条 says 不得公开 (and 个人信息保护法第二十八条 treats
 * 医疗健康 and 金融账户 as sensitive personal information); a 密级 marking means the text may be a state secret
 * (条例第十四条, 保守国家秘密法). Masked forms are not hits, so masking clears them. Phone numbers stay reviewable:
 * an official's published work number is lawful (条例第二十条第二项), the reviewer says so in the note.
 */
export const BLOCKING_KINDS: ReadonlySet<HitKind> = new Set(['id_card', 'bank_card', 'health', 'marking']);

/** The rule a blocking hit breaks, as said to the person refused. */
export const BLOCKING_BASIS: Record<HitKind, string> = {
  id_card: '《政府信息公开条例》第十五条（个人隐私不得公开）',
  bank_card: '《政府信息公开条例》第十五条（个人隐私不得公开）、《个人信息保护法》第二十八条（金融账户）',
  health: '《政府信息公开条例》第十五条（个人隐私不得公开）、《个人信息保护法》第二十八条（医疗健康）',
  marking: '《政府信息公开条例》第十四条（国家秘密不予公开）、《保守国家秘密法》',
  mobile: '《政府信息公开条例》第十五条（个人隐私）',
  landline: '《政府信息公开条例》第十五条（个人隐私）',
  address: '《政府信息公开条例》第十五条（个人隐私）',
  sensitive_person: '《政府信息公开条例》第十五条（个人隐私）',
};

export const isBlocking = (h: { kind: HitKind }) => BLOCKING_KINDS.has(h.kind);

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
  '低保户|低保对象|低保|特困供养|特困人员|特困|五保户|残疾人|残疾|重度|大病|吸毒|戒毒|刑满释放|社区矫正|服刑';
/**
 * Illnesses and health states: a name next to one of these is health data (个人信息保护法第二十八条). 大病 (the
 * 大病救助 programme, whose recipients are lawfully listed) stays in SENSITIVE; the illness itself is never listed.
 */
export const HEALTH_WORDS = [
  '尿毒症',
  '肾衰竭',
  '肾功能衰竭',
  '透析',
  '癌症',
  '肺癌',
  '胃癌',
  '肝癌',
  '食管癌',
  '食道癌',
  '肠癌',
  '结肠癌',
  '直肠癌',
  '乳腺癌',
  '宫颈癌',
  '卵巢癌',
  '鼻咽癌',
  '胰腺癌',
  '淋巴癌',
  '骨癌',
  '血癌',
  '白血病',
  '恶性肿瘤',
  '肿瘤',
  '化疗',
  '放疗',
  '精神病',
  '精神分裂症',
  '精神分裂',
  '精神障碍',
  '精神疾病',
  '躁郁症',
  '双相情感障碍',
  '抑郁症',
  '智力障碍',
  '智障',
  '老年痴呆',
  '阿尔茨海默',
  '癫痫',
  '脑瘫',
  '脑梗',
  '脑梗塞',
  '脑出血',
  '脑溢血',
  '中风',
  '偏瘫',
  '瘫痪',
  '截瘫',
  '植物人',
  '艾滋病',
  '艾滋',
  'HIV',
  '乙肝',
  '丙肝',
  '肝炎',
  '肝硬化',
  '肺结核',
  '结核病',
  '梅毒',
  '淋病',
  '性病',
  '麻风病',
  '尘肺病',
  '尘肺',
  '矽肺',
  '白血病',
  '血友病',
  '地中海贫血',
  '红斑狼疮',
  '再生障碍性贫血',
  '先天性心脏病',
  '心脏病',
  '冠心病',
  '心肌梗死',
  '糖尿病',
  '帕金森',
  '自闭症',
  '孤独症',
  '唐氏综合征',
  '渐冻症',
  '罕见病',
  '重症',
  '重病',
  '绝症',
  '患病',
  '患有',
  '病人',
  '患者',
  '住院治疗',
  '病重',
  '病故',
  '病逝',
].join('|');
// "低保户：张三、李四" — a name list after a sensitive word.
const listAfter = (words: string) =>
  new RegExp(`(?:${words})[户人员对象]?[：:（(\\s]{1,2}((?:${NAME}[、，,\\s]*)+)`, 'g');
// "张三（低保户）", "张三，残疾人", "张三患有…", "张三系低保户"
const nameBefore = (words: string) =>
  new RegExp(
    `(${NAME})(?:[（(，,、\\s]|系|为|是|家|一家){0,2}(?=${words}|[^\\u4e00-\\u9fa5]{0,2}(?:${words}))`,
    'g',
  );
const LIST_AFTER_RE = listAfter(SENSITIVE);
const NAME_BEFORE_RE = nameBefore(SENSITIVE);
const HEALTH_LIST_RE = listAfter(HEALTH_WORDS);
const HEALTH_BEFORE_RE = nameBefore(HEALTH_WORDS);
const HEALTH_CELL_RE = new RegExp(HEALTH_WORDS);
const NAME_CELL_RE = new RegExp(`^${NAME}$`);

// --- 固定电话: area code + 7/8 digits. Private when it stands by a person's name or is labelled a home phone; an
// office's published number (办公室、值班、热线、联系人 …) is not a hit (条例第二十条第二项 requires it published).
const LANDLINE_RE = /(?<![0-9A-Za-z])[（(]?0\d{2,3}[）)]?[ -]?[2-9]\d{6,7}(?![0-9A-Za-z])/g;
const HOME_PHONE_RE = /(?:家庭|住宅|家中|私人|个人)(?:电话|座机|固话)|宅电/;
const OFFICE_WORDS_RE =
  /办公|值班|热线|监督|咨询|举报|投诉|受理|传真|服务|中心|政府|委员会|党委|村委|居委|局|所|站|办|联系人|单位|部门/;
const NAME_THEN_PHONE_RE = new RegExp(
  `(?:^|[^\\u4e00-\\u9fa5]|[：:])(${NAME})[\\s，,、（(]{0,2}(?:(?:联系|家庭|住宅)?电话|座机|固话)?[：:\\s]{0,2}$`,
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
  // Occupancy by character (linear in the hits' length; a roster attachment has thousands of hits).
  const taken = new Uint8Array(text.length);
  const free = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (taken[i]) return false;
    return true;
  };
  const add = (h: SecrecyHit) => {
    if (!free(h.start, h.end)) return;
    taken.fill(1, h.start, h.end);
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
  for (const m of text.matchAll(LANDLINE_RE)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const before = text.slice(Math.max(lineStart, m.index - 16), m.index);
    const row = text.slice(lineStart, (text.indexOf('\n', m.index) + 1 || text.length + 1) - 1);
    const cells = row.includes('\t') ? row.split('\t').map((x) => x.trim()) : [];
    const isPrivate =
      HOME_PHONE_RE.test(before) ||
      (!OFFICE_WORDS_RE.test(before) && NAME_THEN_PHONE_RE.test(before)) ||
      (!OFFICE_WORDS_RE.test(row) &&
        cells.some((x) => NAME_CELL_RE.test(x) && !NOT_NAMES.has(x.slice(0, 2))));
    if (!isPrivate) continue;
    const d = digitsOf(m[0]);
    add(hit(text, 'landline', m.index, m.index + m[0].length, `${d.slice(0, d.length - 4)}****`));
  }
  nameHits(text, HEALTH_LIST_RE, HEALTH_BEFORE_RE, 'health', add);
  // A roster row (cells separated by tabs, as attachments are read): a name cell and an illness cell.
  rowHits(text, HEALTH_CELL_RE, 'health', add);
  nameHits(text, LIST_AFTER_RE, NAME_BEFORE_RE, 'sensitive_person', add);
  return hits.sort((a, b) => a.start - b.start);
}

function nameHits(
  text: string,
  listRe: RegExp,
  beforeRe: RegExp,
  kind: HitKind,
  add: (h: SecrecyHit) => void,
): void {
  for (const m of text.matchAll(listRe)) {
    const list = m[1]!;
    const listStart = m.index + m[0].length - list.length;
    for (const n of list.matchAll(new RegExp(NAME, 'g'))) {
      const name = n[0];
      if (NOT_NAMES.has(name.slice(0, 2))) continue;
      const start = listStart + n.index;
      add(hit(text, kind, start, start + name.length, maskName(name)));
    }
  }
  for (const m of text.matchAll(beforeRe)) {
    const name = m[1]!;
    if (NOT_NAMES.has(name.slice(0, 2))) continue;
    // The character before must not be CJK (else we cut a word: "全乡低保" is no name), except the few that end a
    // phrase introducing a person: 申请人/户主/村民/组员 …, 为/是/给/对/由, 和/与/及/的.
    const prev = text[m.index - 1];
    if (prev && /[\u4e00-\u9fa5]/.test(prev) && !/[的和与及人主民员者为是给对向由]/.test(prev)) continue;
    add(hit(text, kind, m.index, m.index + name.length, maskName(name)));
  }
}

function rowHits(text: string, cellRe: RegExp, kind: HitKind, add: (h: SecrecyHit) => void): void {
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (line.includes('\t') && cellRe.test(line)) {
      let at = lineStart;
      for (const cell of line.split('\t')) {
        const name = cell.trim();
        if (NAME_CELL_RE.test(name) && !NOT_NAMES.has(name.slice(0, 2))) {
          const start = at + cell.indexOf(name);
          add(hit(text, kind, start, start + name.length, maskName(name)));
        }
        at += cell.length + 1;
      }
    }
    lineStart += line.length + 1;
  }
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
