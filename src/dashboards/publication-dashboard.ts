/** The 主动公开 dashboard of an agency for a year, and the same per agency below for an inspector. */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { assertCan } from '../errors.ts';
import { isInspectorAbove } from '../org/access.ts';
import { toNumber } from '../db/values.ts';
import { descendantsInTree, listAgencies, scopesFromTree } from '../org/org.queries.ts';
import { publicationPolicy } from '../publications/index.ts';
import { CHANNELS } from '../publications/index.ts';
import { sql } from 'kysely';
import { CATALOGUE_VERSION_SCOPE } from '../publications/index.ts';
import {
  publicationFiguresOfRootedGroups,
  rootFinder,
  type CategoryNode,
  type PublicationFigureGroup,
  type PublicationFigures,
} from './publication-figures.ts';

export interface PublicationDashboard {
  agencyId: number;
  year: number;
  own: PublicationFigures;
  below: { agencyId: number; agencyName: string; figures: PublicationFigures }[];
}

/** The kinds of rows figuresOfMany reads. */
const GROUPS = 0;
const CHANNEL_USES = 1;
const VERSION = 2;
const CATEGORIES = 3;

type RootOf = (categoryId: number) => CategoryNode | undefined;

/**
 * Per database handle, each agency's catalogue roots (rootFinder) with the catalogue version they were read at
 * (src/publications/catalogue-version.ts): used only while the database gives the same version, so a catalogue
 * changed on any node is read again at the next call. At most one entry per agency asked for.
 */
const rootsKept = new WeakMap<object, Map<number, { version: number; rootOf: RootOf }>>();

/**
 * The figures of several agencies: per agency its year's items counted by the database per category, month and on
 * time or late (what the bare aggregate counts) and its channel uses, as plain rows, with the catalogue version in
 * the same statement. The categories are rolled up to their top-level one here, from each agency's catalogue kept at
 * that version; an agency whose catalogue is not kept at it is read again in one statement with the counts, so the
 * counts and the catalogue they are rolled up by are always of one snapshot.
 */
async function figuresOfMany(
  db: DbOrTrx,
  agencyIds: number[],
  year: number,
): Promise<Map<number, PublicationFigures>> {
  let kept = rootsKept.get(db);
  if (!kept) rootsKept.set(db, (kept = new Map()));
  let read = await countsOf(db, agencyIds, [], year);
  const missing = agencyIds.filter((id) => kept.get(id)?.version !== read.version);
  if (missing.length) {
    read = await countsOf(db, agencyIds, missing, year);
    for (const id of missing)
      kept.set(id, { version: read.version, rootOf: rootFinder(read.categories.get(id) ?? []) });
  }
  const out = new Map<number, PublicationFigures>();
  for (const id of agencyIds) {
    const { groups, used } = read.agencies.get(id) ?? { groups: [], used: new Map<string, number>() };
    out.set(
      id,
      publicationFiguresOfRootedGroups(
        groups,
        year,
        kept.get(id)!.rootOf,
        CHANNELS.map((ch) => ({ channel: ch, count: used.get(ch) ?? 0 })),
      ),
    );
  }
  return out;
}

/** One statement: the groups and channel uses of the agencies, the catalogue version, the catalogues asked for. */
async function countsOf(db: DbOrTrx, agencyIds: number[], catalogues: number[], year: number) {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const ids = sql.join(agencyIds);
  const rows = await sql<{
    agency_id: unknown;
    k: unknown;
    a: unknown;
    b: unknown;
    c: unknown;
    n: unknown;
    name: string | null;
  }>`
    select agency_id, ${GROUPS} as k, category_id as a, cast(substr(published_on, 6, 2) as integer) - 1 as b,
      case when published_on <= due_on then 1 else 0 end as c, count(*) as n, null as name
    from publications
    where agency_id in (${ids}) and status = 'published' and attribute = 'proactive'
      and published_on >= ${first} and published_on <= ${last}
    group by agency_id, category_id, substr(published_on, 6, 2), case when published_on <= due_on then 1 else 0 end
    union all
    select agency_id, ${CHANNEL_USES}, null, null, null, count(*), channel from publication_channels
    where agency_id in (${ids}) and used_on >= ${first} and used_on <= ${last}
    group by agency_id, channel
    union all
    select 0, ${VERSION}, null, null, null,
      coalesce((select next_value from serials where scope = ${CATALOGUE_VERSION_SCOPE}), 0), null
    ${
      catalogues.length
        ? sql`union all
    select agency_id, ${CATEGORIES}, id, parent_id, sort_order, null, name from pub_categories
    where agency_id in (${sql.join(catalogues)})`
        : sql``
    }`.execute(db);
  let version = 0;
  const agencies = new Map<number, { groups: PublicationFigureGroup[]; used: Map<string, number> }>();
  const categories = new Map<number, CategoryNode[]>();
  const of = (id: number) => {
    let a = agencies.get(id);
    if (!a) agencies.set(id, (a = { groups: [], used: new Map() }));
    return a;
  };
  for (const r of rows.rows) {
    const k = toNumber(r.k);
    if (k === GROUPS)
      of(toNumber(r.agency_id)).groups.push({
        categoryId: toNumber(r.a),
        month: toNumber(r.b),
        onTime: toNumber(r.c) === 1,
        count: toNumber(r.n),
      });
    else if (k === CHANNEL_USES) of(toNumber(r.agency_id)).used.set(r.name!, toNumber(r.n));
    else if (k === VERSION) version = toNumber(r.n);
    else {
      const id = toNumber(r.agency_id);
      let list = categories.get(id);
      if (!list) categories.set(id, (list = []));
      list.push({
        id: toNumber(r.a),
        parentId: r.b == null ? null : toNumber(r.b),
        name: r.name!,
        sortOrder: toNumber(r.c),
      });
    }
  }
  return { version, agencies, categories };
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
