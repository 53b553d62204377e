/**
 * Figures of a year's proactive disclosure for the annual report's narrative (section 一/二): items published per
 * category and per channel, on time or late against the 20-working-day rule.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';
import { listCategories } from './publications.queries.ts';

export interface PublicationStats {
  year: number;
  published: number;
  publishedLate: number;
  byCategory: { categoryId: number; code: string; name: string; count: number }[];
  /** Uses per channel in the year (portal = items published; others as recorded). */
  byChannel: Record<string, number>;
  normativeDocuments: number;
}

export async function publicationStats(
  db: DbOrTrx,
  agencyId: number,
  year: number,
): Promise<PublicationStats> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  // One pass over the year's published items (served by the covering index publications_stats_idx).
  const [cats, perCat, channels] = await Promise.all([
    listCategories(db, agencyId),
    db
      .selectFrom('publications')
      .select([
        'category_id',
        (eb) => eb.fn.countAll().as('n'),
        sql<number>`sum(case when published_on > due_on then 1 else 0 end)`.as('late'),
        sql<number>`sum(case when doc_kind = 'normative_documents' then 1 else 0 end)`.as('normative'),
      ])
      .where('agency_id', '=', agencyId)
      .where('status', '=', 'published')
      .where('published_on', '>=', start)
      .where('published_on', '<=', end)
      .where('attribute', '=', 'proactive')
      .groupBy('category_id')
      .execute(),
    db
      .selectFrom('publication_channels')
      .select(['channel', (eb) => eb.fn.countAll().as('n')])
      .where('agency_id', '=', agencyId)
      .where('used_on', '>=', start)
      .where('used_on', '<=', end)
      .groupBy('channel')
      .execute(),
  ]);
  const byCategory = perCat
    .map((r) => {
      const c = cats.find((x) => x.id === toNumber(r.category_id));
      return {
        categoryId: toNumber(r.category_id),
        code: c?.code ?? '',
        name: c?.name ?? '',
        count: toNumber(r.n),
      };
    })
    .sort((a, b) => b.count - a.count);
  return {
    year,
    published: byCategory.reduce((s, c) => s + c.count, 0),
    publishedLate: perCat.reduce((s, r) => s + toNumber(r.late), 0),
    byCategory,
    byChannel: Object.fromEntries(channels.map((c) => [c.channel, toNumber(c.n)])),
    normativeDocuments: perCat.reduce((s, r) => s + toNumber(r.normative), 0),
  };
}
