/** Load a village disclosure with what every use case and page needs: scope, template, policy facts. */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { assertCan, NotFoundError } from '../errors.ts';
import { agencyScope } from '../org/org.queries.ts';
import type { AgencyScope } from '../org/access.ts';
import { villagePolicy, type DisclosureFacts } from './village.policy.ts';
import { findDisclosure, getTemplate, type Disclosure, type ItemTemplate } from './villages.queries.ts';

export interface LoadedDisclosure {
  item: Disclosure;
  template: ItemTemplate;
  scope: AgencyScope;
  facts: DisclosureFacts;
}

/** Users who signed a step of the item's current round. */
export async function signersOf(db: DbOrTrx, id: number, round: number): Promise<number[]> {
  const rows = await db
    .selectFrom('village_disclosure_steps')
    .select('user_id')
    .where('disclosure_id', '=', id)
    .where('round', '=', round)
    .where('step', 'in', ['supervision', 'township'])
    .execute();
  return rows.map((r) => r.user_id).filter((x): x is number => x != null);
}

/** The item, visible to the actor (others get "not found"). */
export async function loadDisclosure(ctx: Ctx, id: number, db: DbOrTrx = ctx.db): Promise<LoadedDisclosure> {
  const item = await findDisclosure(db, id);
  if (!item) throw new NotFoundError('公开事项不存在');
  const scope = await agencyScope(db, item.agencyId);
  assertCan(villagePolicy.viewVillage(ctx.actor, scope, item.villageId), { hide: true });
  const [template, signerIds] = await Promise.all([
    getTemplate(db, item.templateId),
    signersOf(db, id, item.round),
  ]);
  return {
    item,
    template,
    scope,
    facts: { villageId: item.villageId, status: item.status, createdBy: item.createdBy, signerIds },
  };
}

export const itemLink = (id: number) => `/office/villages/items/${id}`;
