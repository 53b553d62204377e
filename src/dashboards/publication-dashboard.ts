/** The 主动公开 dashboard of an agency for a year, and the same per agency below for an inspector. */
import type { Ctx } from '../context.ts';
import { jsonRowsAgg, type DbOrTrx } from '../db/database.ts';
import { assertCan } from '../errors.ts';
import { isInspectorAbove } from '../org/access.ts';
import { toNumber } from '../db/values.ts';
import { descendantsInTree, listAgencies, scopesFromTree } from '../org/org.queries.ts';
import { publicationPolicy } from '../publications/index.ts';
import { CHANNELS } from '../publications/index.ts';
import { sql } from 'kysely';
import { publicationFiguresOfGroups, type PublicationFigures } from './publication-figures.ts';

export interface PublicationDashboard {
  agencyId: number;
  year: number;
  own: PublicationFigures;
  below: { agencyId: number; agencyName: string; figures: PublicationFigures }[];
}

/** Per agency, as the database sends it (JSON arrays): its groups of items, its catalogue, its channel uses. */
const GROUPS = 0;
const CATEGORIES = 1;
const CHANNEL_USES = 2;

/**
 * The figures of several agencies from one statement, however many agencies a county has below it: per agency its
 * year's items counted by the database per category, month and on time or late (what the bare aggregate counts),
 * its catalogue (the categories are rolled up to their top-level one here, as for one agency) and its channel uses,
 * each kind as one JSON array per agency — 3 rows per agency cross the driver, not one per group and category.
 */
async function figuresOfMany(
  db: DbOrTrx,
  agencyIds: number[],
  year: number,
): Promise<Map<number, PublicationFigures>> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const ids = sql.join(agencyIds);
  const agg = (...cols: string[]) =>
    jsonRowsAgg(
      db,
      cols.map((c) => sql.ref(c)),
    );
  const rows = await sql<{ agency_id: unknown; k: unknown; list: string }>`
    select agency_id, ${GROUPS} as k, ${agg('category_id', 'month', 'on_time', 'n')} as list from (
      select agency_id, category_id, cast(substr(published_on, 6, 2) as integer) - 1 as month,
        case when published_on <= due_on then 1 else 0 end as on_time, count(*) as n
      from publications
      where agency_id in (${ids}) and status = 'published' and attribute = 'proactive'
        and published_on >= ${first} and published_on <= ${last}
      group by agency_id, category_id, substr(published_on, 6, 2), case when published_on <= due_on then 1 else 0 end
    ) g group by agency_id
    union all
    select agency_id, ${CATEGORIES}, ${agg('id', 'parent_id', 'name', 'sort_order')}
    from pub_categories where agency_id in (${ids}) group by agency_id
    union all
    select agency_id, ${CHANNEL_USES}, ${agg('channel', 'n')} from (
      select agency_id, channel, count(*) as n from publication_channels
      where agency_id in (${ids}) and used_on >= ${first} and used_on <= ${last}
      group by agency_id, channel
    ) c group by agency_id`.execute(db);
  const lists = new Map<number, [unknown[][], unknown[][], unknown[][]]>();
  for (const r of rows.rows) {
    const id = toNumber(r.agency_id);
    let l = lists.get(id);
    if (!l) lists.set(id, (l = [[], [], []]));
    l[toNumber(r.k)] = JSON.parse(r.list) as unknown[][];
  }
  const out = new Map<number, PublicationFigures>();
  for (const id of agencyIds) {
    const [groups, categories, uses] = lists.get(id) ?? [[], [], []];
    const used = new Map(uses.map(([channel, n]) => [channel as string, toNumber(n)]));
    out.set(
      id,
      publicationFiguresOfGroups(
        groups.map(([categoryId, month, onTime, n]) => ({
          month: toNumber(month),
          categoryId: toNumber(categoryId),
          onTime: toNumber(onTime) === 1,
          count: toNumber(n),
        })),
        year,
        categories.map(([catId, parentId, name, sortOrder]) => ({
          id: toNumber(catId),
          parentId: parentId == null ? null : toNumber(parentId),
          name: name as string,
          sortOrder: toNumber(sortOrder),
        })),
        CHANNELS.map((ch) => ({ channel: ch, count: used.get(ch) ?? 0 })),
      ),
    );
  }
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
