/**
 * What the public may take of 村级公开 as data (the open data API): the township's villages with their published
 * counts per kind, a village's published items, and one published item's values as text. Lists of persons (低保,
 * 补贴 recipients …) are never given as data: they are shown on the village page only during the 公示期 and only to a
 * reader, not to a harvester; the item says how many such lists were withheld.
 */
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';
import { listVillages } from '../org/org.queries.ts';
import { cellText, formatMoney, isPersonal, parseValues, UNIT_LABELS } from './item-template.ts';
import { findDisclosure, getTemplate, listVillageItemHeads, villageOf } from './villages.queries.ts';
import { KINDS, type DisclosureKind } from './village-disclosure.ts';

export interface PublicVillage {
  id: number;
  name: string;
  counts: Record<DisclosureKind, number>;
}

export interface PublicVillageItemHead {
  id: number;
  villageId: number;
  kind: DisclosureKind;
  title: string;
  period: string | null;
  publishedOn: string;
}

export type PublicValue =
  | { key: string; label: string; text: string }
  | { key: string; label: string; columns: string[]; rows: string[][] };

export interface PublicVillageItem extends PublicVillageItemHead {
  villageName: string;
  noticeEndOn: string | null;
  values: PublicValue[];
  /** Lists of persons in the item that are not given as data. */
  withheldLists: number;
}

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** The township's villages with the items each published in the year. */
export async function publicVillages(db: DbOrTrx, agencyId: number, year: number): Promise<PublicVillage[]> {
  const [from, to] = yearRange(year);
  const [villages, rows] = await Promise.all([
    listVillages(db, agencyId),
    db
      .selectFrom('village_disclosures')
      .select(['village_id', 'kind', (eb) => eb.fn.countAll().as('n')])
      .where('agency_id', '=', agencyId)
      .where('status', '=', 'published')
      .where('published_on', '>=', from)
      .where('published_on', '<=', to)
      .groupBy(['village_id', 'kind'])
      .execute(),
  ]);
  return villages.map((v) => {
    const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<DisclosureKind, number>;
    for (const r of rows)
      if (toNumber(r.village_id) === v.id && (KINDS as readonly string[]).includes(r.kind))
        counts[r.kind as DisclosureKind] = toNumber(r.n);
    return { id: v.id, name: v.name, counts };
  });
}

async function villageIn(db: DbOrTrx, agencyId: number, villageId: number) {
  if (!Number.isSafeInteger(villageId)) return undefined;
  const v = await villageOf(db, villageId).catch(() => undefined);
  return v && v.agencyId === agencyId ? v : undefined;
}

/** A village's published items of a year, newest first; undefined when the village is not the agency's. */
export async function publicVillageItems(
  db: DbOrTrx,
  agencyId: number,
  villageId: number,
  year: number,
): Promise<PublicVillageItemHead[] | undefined> {
  if (!(await villageIn(db, agencyId, villageId))) return undefined;
  const heads = await listVillageItemHeads(db, villageId, { publishedOnly: true, year });
  return heads.map((h) => ({
    id: h.id,
    villageId: h.villageId,
    kind: h.kind,
    title: h.title,
    period: h.period,
    publishedOn: h.publishedOn!,
  }));
}

/** One published item of the agency's villages, its values as text; undefined when not public. */
export async function publicVillageItem(
  db: DbOrTrx,
  agencyId: number,
  id: number,
): Promise<PublicVillageItem | undefined> {
  const item = Number.isSafeInteger(id) ? await findDisclosure(db, id) : undefined;
  if (!item || item.status !== 'published' || item.agencyId !== agencyId) return undefined;
  const [template, village] = await Promise.all([
    getTemplate(db, item.templateId),
    villageOf(db, item.villageId),
  ]);
  const { values } = parseValues(template, item.raw);
  const out: PublicValue[] = [];
  let withheld = 0;
  for (const f of template.fields) {
    const v = values[f.key];
    if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (Array.isArray(v) && 'columns' in f) {
      if (isPersonal(f)) {
        withheld++;
        continue;
      }
      out.push({
        key: f.key,
        label: f.label,
        columns: f.columns.map((c) => c.label),
        rows: v.map((r) => f.columns.map((c) => cellText(c, r[c.key]))),
      });
      continue;
    }
    const text =
      f.type === 'money' && typeof v === 'number'
        ? `${formatMoney(v, f.unit)} ${UNIT_LABELS[f.unit]}`
        : String(v);
    out.push({ key: f.key, label: f.label, text });
  }
  return {
    id: item.id,
    villageId: item.villageId,
    villageName: village.name,
    kind: item.kind,
    title: item.title,
    period: item.period,
    publishedOn: item.publishedOn!,
    noticeEndOn: item.noticeEndOn,
    values: out,
    withheldLists: withheld,
  };
}
