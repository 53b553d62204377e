/**
 * Figures of a year's proactive disclosure for the annual report's narrative (section 一/二): items published per
 * category and per channel, on time or late against the 20-working-day rule.
 */
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
  const base = db
    .selectFrom('publications')
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .where('attribute', '=', 'proactive')
    .where('published_on', '>=', start)
    .where('published_on', '<=', end);
  const [cats, perCat, late, channels, normative] = await Promise.all([
    listCategories(db, agencyId),
    base
      .select(['category_id', (eb) => eb.fn.countAll().as('n')])
      .groupBy('category_id')
      .execute(),
    base
      .select((eb) => eb.fn.countAll().as('n'))
      .whereRef('published_on', '>', 'due_on')
      .executeTakeFirst(),
    db
      .selectFrom('publication_channels')
      .select(['channel', (eb) => eb.fn.countAll().as('n')])
      .where('agency_id', '=', agencyId)
      .where('used_on', '>=', start)
      .where('used_on', '<=', end)
      .groupBy('channel')
      .execute(),
    base
      .select((eb) => eb.fn.countAll().as('n'))
      .where('doc_kind', '=', 'normative_documents')
      .executeTakeFirst(),
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
    publishedLate: toNumber(late?.n),
    byCategory,
    byChannel: Object.fromEntries(channels.map((c) => [c.channel, toNumber(c.n)])),
    normativeDocuments: toNumber(normative?.n),
  };
}
