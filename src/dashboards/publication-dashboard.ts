/** The 主动公开 dashboard of an agency for a year, and the same per agency below for an inspector. */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { assertCan } from '../errors.ts';
import { isInspectorAbove } from '../org/access.ts';
import { toNumber } from '../db/values.ts';
import { agencyScope, descendantIds, listAgencies } from '../org/org.queries.ts';
import { publicationPolicy } from '../publications/index.ts';
import { listCategories } from '../publications/index.ts';
import { CHANNELS } from '../publications/index.ts';
import { publicationFigures, type PublicationFigures } from './publication-figures.ts';

export interface PublicationDashboard {
  agencyId: number;
  year: number;
  own: PublicationFigures;
  below: { agencyId: number; agencyName: string; figures: PublicationFigures }[];
}

async function figuresOf(db: DbOrTrx, agencyId: number, year: number): Promise<PublicationFigures> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const [rows, categories, channels] = await Promise.all([
    db
      .selectFrom('publications')
      .select(['published_on', 'due_on', 'category_id'])
      .where('agency_id', '=', agencyId)
      .where('status', '=', 'published')
      .where('attribute', '=', 'proactive')
      .where('published_on', '>=', first)
      .where('published_on', '<=', last)
      .execute(),
    listCategories(db, agencyId),
    db
      .selectFrom('publication_channels')
      .select(['channel', (eb) => eb.fn.countAll().as('n')])
      .where('agency_id', '=', agencyId)
      .where('used_on', '>=', first)
      .where('used_on', '<=', last)
      .groupBy('channel')
      .execute(),
  ]);
  const uses = new Map(channels.map((c) => [c.channel, toNumber(c.n)]));
  return publicationFigures(
    rows.map((r) => ({
      agencyId,
      publishedOn: r.published_on!,
      dueOn: r.due_on,
      categoryId: toNumber(r.category_id),
    })),
    year,
    categories.map((c) => ({ id: c.id, parentId: c.parentId, name: c.name, sortOrder: c.sortOrder })),
    CHANNELS.map((ch) => ({ channel: ch, count: uses.get(ch) ?? 0 })),
  );
}

export async function publicationDashboard(
  ctx: Ctx,
  agencyId: number,
  year: number,
): Promise<PublicationDashboard> {
  assertCan(publicationPolicy.view(ctx.actor, await agencyScope(ctx.db, agencyId)), { hide: true });
  const names = new Map((await listAgencies(ctx.db)).map((a) => [a.id, a.name]));
  const below: PublicationDashboard['below'] = [];
  for (const id of await descendantIds(ctx.db, agencyId)) {
    if (id === agencyId) continue;
    // Only an inspector above compares the agencies below.
    const scope = await agencyScope(ctx.db, id);
    if (!isInspectorAbove(ctx.actor, scope) || !publicationPolicy.view(ctx.actor, scope)) continue;
    below.push({ agencyId: id, agencyName: names.get(id) ?? '', figures: await figuresOf(ctx.db, id, year) });
  }
  return { agencyId, year, own: await figuresOf(ctx.db, agencyId, year), below };
}
