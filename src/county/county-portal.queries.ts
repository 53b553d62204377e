/** The county 信息公开 home's queries: the newest items and the published annual reports across many agencies. */
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';

export interface CountyItem {
  id: number;
  agencyId: number;
  title: string;
  publishedOn: string;
}

/** The newest 主动公开 items of the agencies given (one query). */
export async function newestAcross(db: DbOrTrx, agencyIds: number[], limit: number): Promise<CountyItem[]> {
  if (!agencyIds.length) return [];
  const rows = await db
    .selectFrom('publications')
    .select(['id', 'agency_id', 'title', 'published_on'])
    .where('agency_id', 'in', agencyIds)
    .where('status', '=', 'published')
    .where('attribute', '=', 'proactive')
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: toNumber(r.id),
    agencyId: toNumber(r.agency_id),
    title: r.title,
    publishedOn: r.published_on!,
  }));
}

/** The years of every published annual report, by agency (one query). */
export async function publishedReportYears(db: DbOrTrx, agencyIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!agencyIds.length) return out;
  const rows = await db
    .selectFrom('annual_reports')
    .select(['agency_id', 'year'])
    .where('agency_id', 'in', agencyIds)
    .where('status', '=', 'published')
    .orderBy('year', 'desc')
    .execute();
  for (const r of rows) {
    const id = toNumber(r.agency_id);
    out.set(id, [...(out.get(id) ?? []), toNumber(r.year)]);
  }
  return out;
}

export interface CountyBulletin {
  agencyId: number;
  period: string;
  title: string;
}

/** The newest published 监督通报 of the agencies given (one query). */
export async function publishedBulletinsAcross(
  db: DbOrTrx,
  agencyIds: number[],
  limit: number,
): Promise<CountyBulletin[]> {
  if (!agencyIds.length) return [];
  const rows = await db
    .selectFrom('sv_bulletins')
    .select(['agency_id', 'period', 'title'])
    .where('agency_id', 'in', agencyIds)
    .where('status', '=', 'published')
    .orderBy('period', 'desc')
    .orderBy('agency_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ agencyId: toNumber(r.agency_id), period: r.period, title: r.title }));
}
