/**
 * The township's view of its villages for a year: the heatmap rows (disclosure-calendar.ts), the overdue list, and
 * counts by village and kind. One query per table over the year's rows; the grid is computed in memory.
 */
import type { Kysely } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import { fixedStatement, runFixed } from '../db/fixed-statement.ts';
import type { DB } from '../db/schema.ts';
import { listVillages } from '../org/org.queries.ts';
import {
  listCalendarUses,
  listCurrentTemplateHeads,
  listTemplateUses,
  type TemplateHead,
  type TemplateUse,
} from './villages.queries.ts';
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
  /** How many templates the village uses (0: not yet seeded). */
  uses: number;
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

const yearCols = ['id', 'village_id', 'code', 'kind', 'period', 'due_on', 'status', 'published_on'] as const;
const yearParams = ['agencyId', 'periodFrom', 'periodTo', 'dateFrom', 'dateTo'] as const;
type YearParams = Record<(typeof yearParams)[number], never>;
const items = (db: Kysely<DB>, p: YearParams) =>
  db.selectFrom('village_disclosures').select(yearCols).where('agency_id', '=', p.agencyId);
const byPeriod = (db: Kysely<DB>, p: YearParams) =>
  items(db, p).where('period', '>=', p.periodFrom).where('period', '<', p.periodTo);
const byDate = (db: Kysely<DB>, p: YearParams) =>
  items(db, p).where('published_on', '>=', p.dateFrom).where('published_on', '<=', p.dateTo);
const yearItemsStatement = fixedStatement(yearParams, (db, p) => byPeriod(db, p).union(byDate(db, p)));
const villageYearItemsStatement = fixedStatement([...yearParams, 'villageId'], (db, p) =>
  byPeriod(db, p)
    .where('village_id', '=', p.villageId)
    .union(byDate(db, p).where('village_id', '=', p.villageId)),
);

/** Items of a township in a year (or due in it): the rows the calendar needs, nothing more. */
export async function yearItems(
  db: DbOrTrx,
  agencyId: number,
  year: number,
  villageId?: number,
): Promise<ItemForCalendar[]> {
  // Two range searches on their own indexes ((agency_id, period) and (agency_id, published_on)) instead of one OR
  // that scans every row of the township's ten years; merged by the database (union: one statement, one row per id).
  const values = {
    agencyId,
    periodFrom: `${year}-`,
    periodTo: `${year}-Z`,
    dateFrom: `${year}-01-01`,
    dateTo: `${year}-12-31`,
  };
  const rows = await runFixed(
    db,
    villageId === undefined
      ? yearItemsStatement(db, values)
      : villageYearItemsStatement(db, { ...values, villageId }),
  );
  const seen = new Set<number>();
  const out: ItemForCalendar[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push({
      id: r.id,
      villageId: r.village_id,
      code: r.code,
      kind: r.kind as DisclosureKind,
      period: r.period,
      dueOn: r.due_on,
      status: r.status,
      publishedOn: r.published_on,
    });
  }
  return out;
}

/** The uses of every village, as calendar entries. */
export async function villageUses(
  db: DbOrTrx,
  agencyId: number,
  villageId?: number,
): Promise<Map<number, UseForCalendar[]>> {
  return listCalendarUses(db, agencyId, villageId);
}

/**
 * The township's current templates (heads), the villages' template uses, and those uses as calendar entries per village (one
 * read of each table for a page that needs all three).
 */
export async function villageTemplates(
  db: DbOrTrx,
  agencyId: number,
  villageId?: number,
): Promise<{ templates: TemplateHead[]; uses: TemplateUse[]; calendar: Map<number, UseForCalendar[]> }> {
  const [uses, templates] = await Promise.all([
    listTemplateUses(db, agencyId, villageId),
    listCurrentTemplateHeads(db, agencyId),
  ]);
  return { templates, uses, calendar: usesForCalendar(uses, templates) };
}

function usesForCalendar(uses: TemplateUse[], templates: TemplateHead[]): Map<number, UseForCalendar[]> {
  const byCode = new Map(templates.map((t) => [t.code, t]));
  const out = new Map<number, UseForCalendar[]>();
  for (const u of uses) {
    const t = byCode.get(u.code);
    if (!t) continue;
    const entry = { code: t.code, name: t.name, kind: t.kind, cadence: t.cadence };
    const list = out.get(u.villageId);
    if (list) list.push(entry);
    else out.set(u.villageId, [entry]);
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
  for (const i of items) {
    const list = byVillage.get(i.villageId);
    if (list) list.push(i);
    else byVillage.set(i.villageId, [i]);
  }
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
      uses: uses.get(v.id)?.length ?? 0,
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
