/**
 * The disclosure calendar (pure): from the templates a village uses and their cadences (第三十条: monthly finance
 * where 集体财务往来较多, quarterly for general matters), the slots of a year — what is due when — matched with the
 * items filed for them; and the 13-village × 12-month grid of on-time disclosure the township sees.
 */
import { isOnTime, periodsOfYear, dueOn, type Cadence, type DisclosureKind } from './village-disclosure.ts';

export interface UseForCalendar {
  code: string;
  name: string;
  kind: DisclosureKind;
  cadence: Cadence;
}
export interface ItemForCalendar {
  id: number;
  villageId: number;
  code: string;
  kind: DisclosureKind;
  period: string | null;
  dueOn: string | null;
  status: string;
  publishedOn: string | null;
}

export type SlotState = 'on_time' | 'late' | 'overdue' | 'in_progress' | 'upcoming';
export const SLOT_LABELS: Record<SlotState, string> = {
  on_time: '按时公开',
  late: '逾期后公开',
  overdue: '已逾期未公开',
  in_progress: '填报审核中',
  upcoming: '未到期',
};

export interface Slot {
  code: string;
  name: string;
  kind: DisclosureKind;
  period: string;
  dueOn: string;
  itemId: number | null;
  state: SlotState;
}

/** Months (1–12) a period covers. */
export function monthsOf(period: string): number[] {
  const q = /^\d{4}-Q([1-4])$/.exec(period);
  if (q) {
    const s = (Number(q[1]) - 1) * 3 + 1;
    return [s, s + 1, s + 2];
  }
  return [Number(period.slice(5, 7))];
}

export function slotState(item: ItemForCalendar | undefined, due: string, today: string): SlotState {
  if (item?.status === 'published')
    return isOnTime({ dueOn: due, publishedOn: item.publishedOn }) ? 'on_time' : 'late';
  if (due < today) return 'overdue';
  return item ? 'in_progress' : 'upcoming';
}

/** The slots of a village's year (periods of every monthly/quarterly template it uses). */
export function slotsOfYear(
  uses: UseForCalendar[],
  items: ItemForCalendar[],
  year: number,
  today: string,
  dueDay = 10,
): Slot[] {
  const byKey = new Map(items.filter((i) => i.period).map((i) => [`${i.code}|${i.period}`, i]));
  const out: Slot[] = [];
  // The periods of each cadence and their default due dates, worked out once per call (not once per template).
  const periodsOf = new Map<Cadence, { period: string; due: string }[]>();
  for (const u of uses) {
    if (u.cadence === 'on_occurrence') continue;
    let periods = periodsOf.get(u.cadence);
    if (!periods) {
      periods = periodsOfYear(u.cadence, year).map((period) => ({ period, due: dueOn(period, dueDay) }));
      periodsOf.set(u.cadence, periods);
    }
    for (const { period, due: defaultDue } of periods) {
      const item = byKey.get(`${u.code}|${period}`);
      const due = item?.dueOn ?? defaultDue;
      out.push({
        code: u.code,
        name: u.name,
        kind: u.kind,
        period,
        dueOn: due,
        itemId: item?.id ?? null,
        state: slotState(item, due, today),
      });
    }
  }
  // Dates (YYYY-MM-DD) and template codes are ASCII: plain comparison, not the collator (the heatmap sorts ~500).
  return out.sort((a, b) => cmp(a.dueOn, b.dueOn) || cmp(a.code, b.code));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface HeatCell {
  /** Slots covering the month that are already due. */
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  /** Items published in the month (periodic and on-occurrence). */
  published: number;
}

export const emptyCell = (): HeatCell => ({ due: 0, onTime: 0, late: 0, overdue: 0, published: 0 });

/** One row of the heatmap: a village's 12 months. */
export function heatRow(
  slots: Slot[],
  items: ItemForCalendar[],
  year: number,
  kind: DisclosureKind | null,
): HeatCell[] {
  const cells = Array.from({ length: 12 }, emptyCell);
  for (const s of slots) {
    if (kind && s.kind !== kind) continue;
    if (s.state === 'upcoming' || s.state === 'in_progress') continue;
    for (const m of monthsOf(s.period)) {
      const c = cells[m - 1]!;
      c.due++;
      if (s.state === 'on_time') c.onTime++;
      else if (s.state === 'late') c.late++;
      else c.overdue++;
    }
  }
  const y = String(year);
  for (const i of items) {
    if (kind && i.kind !== kind) continue;
    if (i.status === 'published' && i.publishedOn?.startsWith(y))
      cells[Number(i.publishedOn.slice(5, 7)) - 1]!.published++;
  }
  return cells;
}

/** The cell's level for colouring: null (nothing due), else the on-time share 0–1. */
export function cellShare(c: HeatCell): number | null {
  return c.due === 0 ? null : c.onTime / c.due;
}
