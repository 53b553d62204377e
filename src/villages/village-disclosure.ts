/**
 * 村级公开: the kinds, states and periods of a village disclosure, and when each is due. Pure.
 *
 * The rules, cited where they apply:
 * - 《中华人民共和国村民委员会组织法》第三十条: the village committee discloses 村务 (decisions of the villagers'
 *   meeting and their implementation, 低保/救助 recipients, subsidies, 宅基地, projects, collective assets and land,
 *   一事一议, 征地补偿 …) and 财务; “一般事项至少每季度公布一次；集体财务往来较多的，财务收支情况应当每月公布一次；
 *   涉及村民利益的重大事项应当随时公布”; villagers may query it and the committee answers.
 * - 第三十一条: a committee that does not disclose on time or discloses untruthfully may be reported by villagers to
 *   the township government, which investigates, orders disclosure, and publishes the facts it finds.
 * - 第三十二条: the 村务监督机构 (村务监督委员会) supervises disclosure.
 * - 中办发〔2004〕17号《关于健全和完善村务公开和民主管理制度的意见》: a fixed 公开栏; major matters disclosed 事前、
 *   事中、事后; the 村务公开监督小组 checks the content before it goes up.
 * - 《中国共产党农村基层组织工作条例》 and the 四议两公开 method: see four-deliberations.ts.
 */

export const KINDS = ['party', 'affairs', 'finance'] as const;
export type DisclosureKind = (typeof KINDS)[number];
export const KIND_LABELS: Record<DisclosureKind, string> = {
  party: '党务公开',
  affairs: '村务公开',
  finance: '财务公开',
};
export const isKind = (s: string): s is DisclosureKind => (KINDS as readonly string[]).includes(s);

/** How often an item template is due (第三十条). */
export const CADENCES = ['monthly', 'quarterly', 'on_occurrence'] as const;
export type Cadence = (typeof CADENCES)[number];
export const CADENCE_LABELS: Record<Cadence, string> = {
  monthly: '每月公开',
  quarterly: '每季度公开',
  on_occurrence: '随时公开（事项发生时）',
};

export const STATUSES = ['draft', 'supervision', 'township_review', 'returned', 'published'] as const;
export type DisclosureStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<DisclosureStatus, string> = {
  draft: '草稿',
  supervision: '待村务监督委员会审核',
  township_review: '待乡镇审核',
  returned: '已退回修改',
  published: '已公开',
};
export const EDITABLE: readonly DisclosureStatus[] = ['draft', 'returned'];

/** The 村务监督委员会's opinion (第三十二条; 2017年《关于建立健全村务监督委员会的指导意见》). */
export const OPINIONS = ['agree', 'revise', 'disagree'] as const;
export type Opinion = (typeof OPINIONS)[number];
export const OPINION_LABELS: Record<Opinion, string> = { agree: '同意', revise: '修改', disagree: '不同意' };

/**
 * Where a step of the chain sends the item. 修改 returns it to the liaison; 不同意 sends it on to the township with
 * the dissent, which decides (and the dissent is published with the item) — so the committee can never leave an
 * item stuck with nobody to act.
 */
export function afterOpinion(o: Opinion): DisclosureStatus {
  return o === 'revise' ? 'returned' : 'township_review';
}

/** A calendar period: 'YYYY-MM' (monthly) or 'YYYY-Qn' (quarterly). */
export function periodsOfYear(cadence: Exclude<Cadence, 'on_occurrence'>, year: number): string[] {
  return cadence === 'monthly'
    ? Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
    : [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
}

/** 'YYYY-MM' → 2026年3月, 'YYYY-Qn' → 2026年第一季度. */
export function periodLabel(period: string | null): string {
  if (!period) return '';
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  return period;
}

export function isPeriod(cadence: Cadence, p: string): boolean {
  if (cadence === 'monthly') return /^\d{4}-(0[1-9]|1[0-2])$/.test(p);
  if (cadence === 'quarterly') return /^\d{4}-Q[1-4]$/.test(p);
  return false;
}

/** The period a date falls in. */
export function periodOf(cadence: Exclude<Cadence, 'on_occurrence'>, date: string): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  return cadence === 'monthly' ? date.slice(0, 7) : `${y}-Q${Math.ceil(m / 3)}`;
}

/** The last period that has already ended on a date (what a liaison should be disclosing now). */
export function previousPeriod(cadence: Exclude<Cadence, 'on_occurrence'>, date: string): string {
  let y = Number(date.slice(0, 4));
  let m = Number(date.slice(5, 7));
  if (cadence === 'monthly') {
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
    return `${y}-${String(m).padStart(2, '0')}`;
  }
  let q = Math.ceil(m / 3) - 1;
  if (q === 0) {
    q = 4;
    y -= 1;
  }
  return `${y}-Q${q}`;
}

/**
 * When a period's disclosure is due: by `dueDay` (default the 10th) of the month after the period ends — the
 * month's finance early in the next month, a quarter's items in the first month of the next quarter (第三十条:
 * 每月 / 每季度 “公布一次”; the day is the township's rule, a setting).
 */
export function dueOn(period: string, dueDay = 10): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  let y: number;
  let m: number;
  if (q) {
    y = Number(q[1]);
    m = Number(q[2]) * 3 + 1;
  } else {
    y = Number(period.slice(0, 4));
    m = Number(period.slice(5, 7)) + 1;
  }
  if (m > 12) {
    m -= 12;
    y += 1;
  }
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(28, Math.max(1, dueDay))).padStart(2, '0')}`;
}

/** Whether a published item came out by its due date (items without one — 随时公开 — are on time). */
export function isOnTime(item: { dueOn: string | null; publishedOn: string | null }): boolean {
  return item.publishedOn != null && (item.dueOn == null || item.publishedOn <= item.dueOn);
}

/** The 公示期 ends `days` calendar days after publication (the day of publication counts as day one). */
export function noticeEnd(publishedOn: string, days: number): string {
  const d = new Date(`${publishedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + Math.max(1, days) - 1);
  return d.toISOString().slice(0, 10);
}

/** Personal lists come off public pages once the 公示期 is over (they stay in the archive for the township). */
export function isNoticeOver(noticeEndOn: string | null, today: string): boolean {
  return noticeEndOn != null && today > noticeEndOn;
}
