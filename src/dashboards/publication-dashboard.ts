/** The 主动公开 dashboard of an agency for a year, and the same per agency below for an inspector. */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { assertCan } from '../errors.ts';
import { isInspectorAbove } from '../org/access.ts';
import { toNumber } from '../db/values.ts';
import { descendantsInTree, listAgencies, scopesFromTree } from '../org/org.queries.ts';
import { publicationPolicy } from '../publications/index.ts';
import { listCategoriesOf } from '../publications/index.ts';
import { CHANNELS } from '../publications/index.ts';
import { sql } from 'kysely';
import {
  publicationFiguresOfGroups,
  type PublicationFigureGroup,
  type PublicationFigures,
} from './publication-figures.ts';

export interface PublicationDashboard {
  agencyId: number;
  year: number;
  own: PublicationFigures;
  below: { agencyId: number; agencyName: string; figures: PublicationFigures }[];
}

/**
 * The figures of several agencies from three queries in all (their year's items, categories and channel uses),
 * however many agencies a county has below it.
 */
async function figuresOfMany(
  db: DbOrTrx,
  agencyIds: number[],
  year: number,
): Promise<Map<number, PublicationFigures>> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const [rows, categories, channels] = await Promise.all([
    // Counted by the database: per agency, month, category and on time or late.
    sql<{ agency_id: number; category_id: number; month: string; on_time: number; n: number }>`
      select agency_id, category_id, substr(published_on, 6, 2) as month,
        case when published_on <= due_on then 1 else 0 end as on_time, count(*) as n
      from publications
      where agency_id in (${sql.join(agencyIds)}) and status = 'published' and attribute = 'proactive'
        and published_on >= ${first} and published_on <= ${last}
      group by agency_id, category_id, substr(published_on, 6, 2), case when published_on <= due_on then 1 else 0 end`
      .execute(db)
      .then((r) => r.rows),
    listCategoriesOf(db, agencyIds),
    db
      .selectFrom('publication_channels')
      .select(['agency_id', 'channel', (eb) => eb.fn.countAll().as('n')])
      .where('agency_id', 'in', agencyIds)
      .where('used_on', '>=', first)
      .where('used_on', '<=', last)
      .groupBy(['agency_id', 'channel'])
      .execute(),
  ]);
  const groupsOf = new Map<number, PublicationFigureGroup[]>();
  for (const r of rows) {
    const agencyId = toNumber(r.agency_id);
    const list = groupsOf.get(agencyId) ?? [];
    list.push({
      month: Number(r.month) - 1,
      categoryId: toNumber(r.category_id),
      onTime: toNumber(r.on_time) === 1,
      count: toNumber(r.n),
    });
    groupsOf.set(agencyId, list);
  }
  const uses = new Map<string, number>(
    channels.map((c) => [`${toNumber(c.agency_id)}/${c.channel}`, toNumber(c.n)]),
  );
  const out = new Map<number, PublicationFigures>();
  for (const id of agencyIds)
    out.set(
      id,
      publicationFiguresOfGroups(
        groupsOf.get(id) ?? [],
        year,
        (categories.get(id) ?? []).map((c) => ({
          id: c.id,
          parentId: c.parentId,
          name: c.name,
          sortOrder: c.sortOrder,
        })),
        CHANNELS.map((ch) => ({ channel: ch, count: uses.get(`${id}/${ch}`) ?? 0 })),
      ),
    );
  return out;
}

export async function publicationDashboard(
  ctx: Ctx,
  agencyId: number,
  year: number,
): Promise<PublicationDashboard> {
  const agencies = await listAgencies(ctx.db);
  const ids = descendantsInTree(agencies, agencyId);
  const scopes = scopesFromTree(agencies, ids);
  assertCan(publicationPolicy.view(ctx.actor, scopes.get(agencyId)!), { hide: true });
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  // Only an inspector above compares the agencies below.
  const belowIds = ids.filter((id) => {
    if (id === agencyId) return false;
    const scope = scopes.get(id)!;
    return isInspectorAbove(ctx.actor, scope) && publicationPolicy.view(ctx.actor, scope);
  });
  const figures = await figuresOfMany(ctx.db, [agencyId, ...belowIds], year);
  return {
    agencyId,
    year,
    own: figures.get(agencyId)!,
    below: belowIds.map((id) => ({
      agencyId: id,
      agencyName: names.get(id) ?? '',
      figures: figures.get(id)!,
    })),
  };
}
