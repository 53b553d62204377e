/**
 * The township's view of its villages for a year: the heatmap rows (disclosure-calendar.ts), the overdue list, and
 * counts by village and kind. One query per table over the year's rows; the grid is computed in memory.
 */
import type { DbOrTrx } from '../db/database.ts';
import { listVillages } from '../org/org.queries.ts';
import { listCurrentTemplates, listTemplateUses } from './villages.queries.ts';
import {
  heatRow,
  slotsOfYear,
  type HeatCell,
  type ItemForCalendar,
  type Slot,
  type UseForCalendar,
} from './disclosure-calendar.ts';
import { KINDS, type DisclosureKind } from './village-disclosure.ts';
import { getVillageSettings } from './village-settings.ts';

export interface VillageRow {
  villageId: number;
  name: string;
  cells: HeatCell[];
  counts: Record<DisclosureKind, number>;
  overdue: Slot[];
}

export interface TownshipOverview {
  year: number;
  kind: DisclosureKind | null;
  villages: VillageRow[];
  totals: Record<DisclosureKind, number>;
  overdue: (Slot & { villageId: number; villageName: string })[];
}

/** Items of a township in a year (or due in it): the rows the calendar needs, nothing more. */
export async function yearItems(db: DbOrTrx, agencyId: number, year: number): Promise<ItemForCalendar[]> {
  const rows = await db
    .selectFrom('village_disclosures')
    .select(['id', 'village_id', 'code', 'kind', 'period', 'due_on', 'status', 'published_on'])
    .where('agency_id', '=', agencyId)
    .where((eb) =>
      eb.or([
        eb.and([eb('published_on', '>=', `${year}-01-01`), eb('published_on', '<=', `${year}-12-31`)]),
        eb('period', 'like', `${year}-%`),
      ]),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    villageId: r.village_id,
    code: r.code,
    kind: r.kind as DisclosureKind,
    period: r.period,
    dueOn: r.due_on,
    status: r.status,
    publishedOn: r.published_on,
  }));
}

/** The uses of every village, as calendar entries. */
export async function villageUses(db: DbOrTrx, agencyId: number): Promise<Map<number, UseForCalendar[]>> {
  const [uses, templates] = await Promise.all([
    listTemplateUses(db, agencyId),
    listCurrentTemplates(db, agencyId),
  ]);
  const byCode = new Map(templates.map((t) => [t.code, t]));
  const out = new Map<number, UseForCalendar[]>();
  for (const u of uses) {
    const t = byCode.get(u.code);
    if (!t) continue;
    out.set(u.villageId, [
      ...(out.get(u.villageId) ?? []),
      { code: t.code, name: t.name, kind: t.kind, cadence: t.cadence },
    ]);
  }
  return out;
}

export async function townshipOverview(
  db: DbOrTrx,
  agencyId: number,
  year: number,
  today: string,
  kind: DisclosureKind | null = null,
): Promise<TownshipOverview> {
  const [villages, uses, items, settings] = await Promise.all([
    listVillages(db, agencyId),
    villageUses(db, agencyId),
    yearItems(db, agencyId, year),
    getVillageSettings(db, agencyId),
  ]);
  const byVillage = new Map<number, ItemForCalendar[]>();
  for (const i of items) byVillage.set(i.villageId, [...(byVillage.get(i.villageId) ?? []), i]);
  const totals = { party: 0, affairs: 0, finance: 0 } as Record<DisclosureKind, number>;
  const rows: VillageRow[] = villages.map((v) => {
    const its = byVillage.get(v.id) ?? [];
    const slots = slotsOfYear(uses.get(v.id) ?? [], its, year, today, settings.dueDay);
    const counts = { party: 0, affairs: 0, finance: 0 } as Record<DisclosureKind, number>;
    for (const i of its)
      if (i.status === 'published' && i.publishedOn?.startsWith(String(year))) counts[i.kind]++;
    for (const k of KINDS) totals[k] += counts[k];
    return {
      villageId: v.id,
      name: v.name,
      cells: heatRow(slots, its, year, kind),
      counts,
      overdue: slots.filter((s) => s.state === 'overdue' && (!kind || s.kind === kind)),
    };
  });
  return {
    year,
    kind,
    villages: rows,
    totals,
    overdue: rows.flatMap((r) =>
      r.overdue.map((s) => ({ ...s, villageId: r.villageId, villageName: r.name })),
    ),
  };
}

/** Published items per kind in a year (the annual report's village paragraph). */
export async function countByKind(
  db: DbOrTrx,
  agencyId: number,
  year: number,
): Promise<{ villages: number; counts: Record<DisclosureKind, number> }> {
  const [rows, villages] = await Promise.all([
    db
      .selectFrom('village_disclosures')
      .select(['kind'])
      .select((eb) => eb.fn.countAll().as('n'))
      .where('agency_id', '=', agencyId)
      .where('status', '=', 'published')
      .where('published_on', '>=', `${year}-01-01`)
      .where('published_on', '<=', `${year}-12-31`)
      .groupBy('kind')
      .execute(),
    listVillages(db, agencyId),
  ]);
  const counts = { party: 0, affairs: 0, finance: 0 } as Record<DisclosureKind, number>;
  for (const r of rows) if (r.kind in counts) counts[r.kind as DisclosureKind] = Number(r.n);
  return { villages: villages.length, counts };
}
