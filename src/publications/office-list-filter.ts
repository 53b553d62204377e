/** The office list's optional filters from a query string (what the dashboard's charts link to). */
import { CHANNELS, CHANNEL_LABELS, type Channel } from './record-channel.ts';
import { subtreeIds, type Category } from './catalogue.ts';
import type { OfficeListQuery } from './publications.queries.ts';

export type OfficeListFilter = Pick<
  OfficeListQuery,
  'publishedYear' | 'publishedMonth' | 'categoryIds' | 'timeliness' | 'channel'
>;

/** Parse the filters (anything malformed is ignored); also returns the Chinese description of what is applied. */
export function parseOfficeListFilter(
  q: Record<string, string | undefined>,
  categories: readonly Category[],
): { filter: OfficeListFilter; params: Record<string, string>; described: string[] } {
  const filter: OfficeListFilter = {};
  const params: Record<string, string> = {};
  const described: string[] = [];
  if (/^\d{4}$/.test(q.year ?? '')) {
    filter.publishedYear = Number(q.year);
    params.year = q.year!;
    described.push(`${q.year}年发布`);
  }
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(q.month ?? '')) {
    filter.publishedMonth = q.month!;
    params.month = q.month!;
    described.push(`${q.month!.slice(0, 4)}年${Number(q.month!.slice(5))}月发布`);
  }
  const cat = categories.find((c) => String(c.id) === q.category);
  if (cat) {
    filter.categoryIds = subtreeIds(categories, cat.id);
    params.category = String(cat.id);
    described.push(`目录：${cat.name}`);
  }
  if (q.timeliness === 'on_time' || q.timeliness === 'late') {
    filter.timeliness = q.timeliness;
    params.timeliness = q.timeliness;
    described.push(q.timeliness === 'late' ? '超期发布' : '按期发布');
  }
  if ((CHANNELS as readonly string[]).includes(q.channel ?? '')) {
    filter.channel = q.channel!;
    params.channel = q.channel!;
    described.push(`渠道：${CHANNEL_LABELS[q.channel as Channel]}`);
  }
  return { filter, params, described };
}
