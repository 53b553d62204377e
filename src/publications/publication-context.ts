/** Shared steps of the 主动公开 use cases: resolve an item with its scope and chain, reindex it, bump the portal. */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { assertCan, type ConflictError } from '../errors.ts';
import { staleConflict } from '../audit/last-change.ts';
import { PUBLICATION_AUDIT_LABELS } from './publication-audit.ts';
import { agencyScope } from '../org/org.queries.ts';
import type { AgencyScope } from '../org/access.ts';
import { orgSnapshot } from '../org/acting-persons.ts';
import { publishersOf, reviewersOf } from './waiting.ts';
import { indexDocument } from '../search/search-index.ts';
import { publicationPolicy, type PublicationFacts } from './publication.policy.ts';
import { chainState, STATUS_LABELS, type ChainState } from './publication.ts';
import { maskedForPublic } from './publication-scan.ts';
import {
  attachmentsText,
  getPublication,
  isPublic,
  listReviews,
  reviewChainOf,
  type Publication,
} from './publications.queries.ts';

export interface LoadedPublication {
  item: Publication;
  scope: AgencyScope;
  chain: ChainState;
  facts: PublicationFacts;
}

/** Resolve an item the actor may see (others get "not found"), with its chain state. */
export async function loadPublication(
  ctx: Ctx,
  id: number,
  db: DbOrTrx = ctx.db,
): Promise<LoadedPublication> {
  const item = await getPublication(db, id);
  const scope = await agencyScope(db, item.agencyId);
  assertCan(publicationPolicy.view(ctx.actor, scope), { hide: true });
  const [config, reviews] = await Promise.all([reviewChainOf(db, item.agencyId), listReviews(db, id)]);
  const chain = chainState(config, item.isMajor, item.reviewRound, reviews);
  const org = await orgSnapshot(db, item.agencyId);
  const reviewers = reviewersOf(org, item, chain);
  const publishers = item.status === 'approved' ? publishersOf(org, item) : null;
  return {
    item,
    scope,
    chain,
    facts: {
      status: item.status,
      createdBy: item.createdBy,
      officeId: item.officeId,
      chain,
      reviewerIds: reviewers && reviewers.via !== 'admin' ? reviewers.userIds : [],
      publisherIds: publishers && publishers.via !== 'admin' ? publishers.userIds : [],
    },
  };
}

/** The refusal of a stale form on an item: who acted first, what they did, and the item's state now. */
export async function stalePublication(db: DbOrTrx, id: number): Promise<ConflictError> {
  const p = await getPublication(db, id);
  return staleConflict(
    db,
    { objectType: 'publication', objectId: id, what: '该信息', state: STATUS_LABELS[p.status] },
    PUBLICATION_AUDIT_LABELS,
  );
}

/** After a failed save: the stale refusal when the item changed since `version` was read (a lost race), else null. */
export async function lostRaceOn(db: DbOrTrx, id: number, version: number): Promise<ConflictError | null> {
  const p = await getPublication(db, id);
  return p.version === version ? null : stalePublication(db, id);
}

/** The search kind of 主动公开 items. */
export const PUBLICATION_KIND = 'publication';

/** The portal URL of an item (stable; quoted in reply letters). */
export const publicUrlOf = (id: number) => `/p/${id}`;

/**
 * Put the item's current state into the search index (call inside the changing transaction). Everything indexed is
 * masked first (身份证号, phone numbers, names next to illnesses …): the index never holds an unmasked hit, so no
 * search — public or staff — finds a person by an ID number, and no snippet shows one.
 */
export async function reindexPublication(trx: DbOrTrx, id: number, now: Date): Promise<void> {
  const p = await getPublication(trx, id);
  const extra = maskedForPublic(
    [p.keywords ?? '', p.indexNo ?? '', await attachmentsText(trx, id)].join('\n'),
  );
  await indexDocument(
    trx,
    {
      kind: PUBLICATION_KIND,
      refId: p.id,
      agencyId: p.agencyId,
      isPublic: isPublic(p),
      title: maskedForPublic(p.title),
      body: maskedForPublic(p.bodyText),
      url: `/office/publications/${p.id}`,
      publicUrl: publicUrlOf(p.id),
      categoryId: p.categoryId,
      year: Number((p.publishedOn ?? p.formedOn).slice(0, 4)),
      issuer: p.issuer,
      validity: p.validity,
      docNo: p.docNo,
      status: p.status,
      datedOn: p.publishedOn ?? p.formedOn,
      extra,
    },
    now,
  );
}
