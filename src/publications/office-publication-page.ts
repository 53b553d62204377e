/** Page queries of 主动公开's back office: everything one office page shows, read in one call. */
import type { Ctx } from '../context.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { assertCan } from '../errors.ts';
import { agencyOnPortal } from '../org/home-agency.ts';
import { agencyScope, descendantIds, listAgencies, listOffices, listUsers } from '../org/org.queries.ts';
import type { User } from '../org/org.ts';
import { loadPublication } from './publication-context.ts';
import { publicationPolicy } from './publication.policy.ts';
import { PUBLICATION_STATUSES, type PublicationStatus, type ReviewStep } from './publication.ts';
import { parseOfficeListFilter } from './office-list-filter.ts';
import { scanPublication } from './publication-scan.ts';
import {
  listAttachments,
  listCategories,
  listChannelUses,
  listDueUnpublished,
  listOfficePublications,
  listReviews,
  type Publication,
} from './publications.queries.ts';
import { secrecyStepOf } from './review-publication.ts';
import { DUE_SOON_WORKDAYS, timelinessOf } from './timeliness.ts';
import { waitingOfPublication } from './waiting.ts';

/** The office page of one item: the item, its chain, scan, attachments, reviews, channels, waiting and what the actor may do. */
export async function officePublicationPage(ctx: Ctx, id: number) {
  const db = ctx.db;
  const actor = ctx.actor;
  const { item: p, scope, chain, facts } = await loadPublication(ctx, id);
  // Where the item is on the portal: at /p/N for the home agency, in its own column for any other agency.
  const portal = await agencyOnPortal(db, p.agencyId);
  const [atts, reviews, channels, cats] = await Promise.all([
    listAttachments(db, id),
    listReviews(db, id),
    listChannelUses(db, id),
    listCategories(db, p.agencyId),
  ]);
  const cal = await getCalendar(db, p.agencyId);
  const timeliness = timelinessOf(cal, p, ctx.clock.today());
  const scan = await scanPublication(db, p);
  const secrecyStep = await secrecyStepOf(ctx, p.agencyId, p.isMajor);
  const reviewStep: ReviewStep | undefined =
    p.status === 'draft' || p.status === 'returned' ? 'first_review' : chain.next?.step;
  const canReview =
    reviewStep != null &&
    (publicationPolicy.review(actor, scope, facts, reviewStep, 'approve') ||
      publicationPolicy.review(actor, scope, facts, reviewStep, 'return'));
  const [waiting, staff] = await Promise.all([waitingOfPublication(db, id), listUsers(db, p.agencyId)]);
  return {
    p,
    chain,
    portal: { isHome: portal.isHome, agencyCode: portal.agency.code },
    atts,
    reviews,
    channels,
    categoryName: cats.find((x) => x.id === p.categoryId)?.name ?? '',
    timeliness,
    scan,
    secrecyStep,
    reviewStep: canReview ? reviewStep : undefined,
    waiting,
    staff,
    can: {
      edit: publicationPolicy.edit(actor, scope, facts),
      reassign:
        (p.status === 'in_review' || p.status === 'approved') && publicationPolicy.reassign(actor, scope),
      publish: publicationPolicy.publish(actor, scope, facts) && p.attribute === 'proactive',
      useChannel: publicationPolicy.useChannel(actor, scope, p),
      managePublished: publicationPolicy.managePublished(actor, scope, p),
    },
  };
}
export type OfficePublicationPage = Awaited<ReturnType<typeof officePublicationPage>>;

/** The dashboard card's data: unpublished items due soon or overdue (art. 26), grouped by office. */
export async function dueByOffice(ctx: Ctx, user: User) {
  const cal = await getCalendar(ctx.db, user.agencyId);
  const today = ctx.clock.today();
  const items = await listDueUnpublished(ctx.db, user.agencyId, cal.addWorkdays(today, DUE_SOON_WORKDAYS));
  const offices = new Map((await listOffices(ctx.db, user.agencyId)).map((o) => [o.id, o.name]));
  const byOffice = new Map<string, Publication[]>();
  for (const p of items) {
    const k = (p.officeId && offices.get(p.officeId)) || '未指定站办所';
    byOffice.set(k, [...(byOffice.get(k) ?? []), p]);
  }
  return { today, total: items.length, byOffice: [...byOffice] };
}

/** Rows on one page of the office list. */
export const OFFICE_PAGE_SIZE = 30;

/**
 * The office list of 主动公开: the actor's own agency, or for an inspector above, an agency below chosen with
 * `?agency=ID` (read-only); filtered by status and the list filter, one page of it.
 */
export async function officePublicationList(
  ctx: Ctx,
  user: User,
  query: Record<string, string | undefined>,
  page: number,
) {
  const db = ctx.db;
  const chosen = Number(query.agency);
  const agencyId = Number.isInteger(chosen) && chosen > 0 ? chosen : user.agencyId;
  assertCan(publicationPolicy.view(ctx.actor, await agencyScope(db, agencyId)), { hide: true });
  const agencies = user.roles.includes('inspector')
    ? await (async () => {
        const ids = new Set(await descendantIds(db, user.agencyId));
        return (await listAgencies(db)).filter((a) => ids.has(a.id));
      })()
    : [];
  const canWrite = publicationPolicy.create(ctx.actor, await agencyScope(db, agencyId));
  const status = (PUBLICATION_STATUSES as readonly string[]).includes(query.status ?? '')
    ? (query.status as PublicationStatus)
    : null;
  const extra = parseOfficeListFilter(query, await listCategories(db, agencyId));
  const r = await listOfficePublications(db, {
    agencyId,
    status,
    ...extra.filter,
    limit: OFFICE_PAGE_SIZE,
    offset: (page - 1) * OFFICE_PAGE_SIZE,
  });
  return { agencyId, isOwn: agencyId === user.agencyId, agencies, canWrite, status, extra, page, ...r };
}
export type OfficePublicationList = Awaited<ReturnType<typeof officePublicationList>>;
