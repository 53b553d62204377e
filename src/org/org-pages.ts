/** Page queries of the back office's 组织与用户 pages: what one page shows, read in one call. */
import type { Actor } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { assertCan, NotFoundError } from '../errors.ts';
import { orgPolicy } from './org.policy.ts';
import {
  agencyScope,
  getAgency,
  getUser,
  listAgencies,
  listOffices,
  listUsers,
  listVillages,
} from './org.queries.ts';

/** An agency's page: the agency (if the actor may see it), its parent and children, offices, villages and users. */
export async function agencyOrgPage(db: DbOrTrx, actor: Actor, agencyId: number) {
  const agency = await getAgency(db, agencyId).catch(() => {
    throw new NotFoundError();
  });
  assertCan(orgPolicy.view(actor, await agencyScope(db, agencyId)), { hide: true });
  const scope = await agencyScope(db, agencyId);
  const canManage = orgPolicy.manage(actor, scope);
  const [offices, villages, users, all] = await Promise.all([
    listOffices(db, agencyId),
    listVillages(db, agencyId),
    listUsers(db, agencyId),
    listAgencies(db),
  ]);
  return {
    agency,
    canManage,
    offices,
    villages,
    users,
    children: all.filter((a) => a.parentId === agencyId),
    parent: all.find((a) => a.id === agency.parentId),
  };
}
export type AgencyOrgPage = Awaited<ReturnType<typeof agencyOrgPage>>;

/** A user's page (for who manages the user's agency): the user and the offices and villages to place them in. */
export async function userOrgPage(db: DbOrTrx, actor: Actor, userId: number) {
  const u = await getUser(db, userId).catch(() => {
    throw new NotFoundError();
  });
  assertCan(orgPolicy.manage(actor, await agencyScope(db, u.agencyId)), { hide: true });
  const [offices, villages] = await Promise.all([listOffices(db, u.agencyId), listVillages(db, u.agencyId)]);
  return { u, offices, villages };
}
export type UserOrgPage = Awaited<ReturnType<typeof userOrgPage>>;
