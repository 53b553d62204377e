/**
 * The slots (what is due when) of every village of a township around today: last year's and this year's periodic
 * items, matched with what was filed. Shared by the daily village sweep (reminders) and the supervision check
 * (problems for items past their cadence), so both see the same overdue list. Of last year only the slots due in
 * this year are kept (December's and the fourth quarter's items, due in January), and only for a village that filed
 * anything last year: older slots are last year's history, counted in its figures, and a village that started on
 * the system this year does not owe the end of a year it did not run on it.
 */
import type { DbOrTrx } from '../db/database.ts';
import type { Village } from '../org/org.ts';
import { listVillages } from '../org/org.queries.ts';
import { slotsOfYear, type Slot } from './disclosure-calendar.ts';
import { villageUses, yearItems } from './township-overview.ts';

export interface VillageSlots {
  village: Village;
  slots: Slot[];
}

export async function villageSlots(
  db: DbOrTrx,
  townshipId: number,
  today: string,
  dueDay: number,
): Promise<VillageSlots[]> {
  const year = Number(today.slice(0, 4));
  const [villages, uses, items, prevItems] = await Promise.all([
    listVillages(db, townshipId),
    villageUses(db, townshipId),
    yearItems(db, townshipId, year),
    yearItems(db, townshipId, year - 1),
  ]);
  return villages.map((village) => {
    const its = items.filter((i) => i.villageId === village.id);
    const prev = prevItems.filter((i) => i.villageId === village.id);
    const u = uses.get(village.id) ?? [];
    const tail = prev.length
      ? slotsOfYear(u, [...prev, ...its], year - 1, today, dueDay).filter((sl) => sl.dueOn >= `${year}-01-01`)
      : [];
    return { village, slots: [...tail, ...slotsOfYear(u, [...prev, ...its], year, today, dueDay)] };
  });
}
