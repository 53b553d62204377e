/**
 * One agency behind the county dashboard's figures, read-only: the records each figure counts (the same
 * conditions as county-dashboard.ts), newest deadline first, at most DETAIL_LIMIT of each.
 */
import type { Ctx } from '../context.ts';
import { assertCan } from '../errors.ts';
import { toNumber } from '../db/values.ts';
import { agencyScope, getAgency } from '../org/org.queries.ts';
import type { Agency } from '../org/org.ts';
import { OPEN_STATES } from '../requests/index.ts';
import { countyPolicy } from './county.policy.ts';
import { INQUIRY_WAITING, UNPUBLISHED, stuckBefore } from './county-dashboard.ts';

export const DETAIL_LIMIT = 50;

export interface DetailRow {
  id: number;
  label: string;
  /** The date that is past (deadline, or the last change of a stuck review). */
  date: string;
  status: string;
}

export interface AgencyDetail {
  agency: Agency;
  overdueRequests: (DetailRow & { supervised: boolean })[];
  latePublications: DetailRow[];
  stuckReviews: DetailRow[];
  lateVillageItems: (DetailRow & { village: string })[];
  overdueInquiries: DetailRow[];
  openProblems: (DetailRow & { deadline: string; reference: string })[];
}

export async function countyAgencyDetail(ctx: Ctx, agencyId: number): Promise<AgencyDetail> {
  const scope = await agencyScope(ctx.db, agencyId);
  assertCan(countyPolicy.readAgency(ctx.actor, scope), { hide: true });
  const agency = await getAgency(ctx.db, agencyId);
  const today = ctx.clock.today();
  const db = ctx.db;
  const [requests, late, stuck, village, inquiries, problems] = await Promise.all([
    db
      .selectFrom('info_requests as r')
      .select(['r.id', 'r.reference', 'r.due_on', 'r.status'])
      .where('r.agency_id', '=', agencyId)
      .where('r.status', 'in', [...OPEN_STATES])
      .where('r.due_on', '<', today)
      .orderBy('r.due_on')
      .limit(DETAIL_LIMIT)
      .execute(),
    db
      .selectFrom('publications')
      .select(['id', 'title', 'due_on', 'status'])
      .where('agency_id', '=', agencyId)
      .where('attribute', '=', 'proactive')
      .where('status', 'in', UNPUBLISHED)
      .where('due_on', '<', today)
      .orderBy('due_on')
      .limit(DETAIL_LIMIT)
      .execute(),
    db
      .selectFrom('publications')
      .select(['id', 'title', 'updated_at', 'status'])
      .where('agency_id', '=', agencyId)
      .where('status', '=', 'in_review')
      .where('updated_at', '<', stuckBefore(ctx.clock.now()))
      .orderBy('updated_at')
      .limit(DETAIL_LIMIT)
      .execute(),
    db
      .selectFrom('village_disclosures as v')
      .innerJoin('villages as g', 'g.id', 'v.village_id')
      .select(['v.id', 'v.title', 'v.due_on', 'v.status', 'g.name as village'])
      .where('v.agency_id', '=', agencyId)
      .where('v.status', '<>', 'published')
      .where('v.due_on', '<', today)
      .orderBy('v.due_on')
      .limit(DETAIL_LIMIT)
      .execute(),
    db
      .selectFrom('inquiries')
      .select(['id', 'reference', 'topic', 'due_on', 'status'])
      .where('agency_id', '=', agencyId)
      .where('status', 'in', INQUIRY_WAITING)
      .where('due_on', '<', today)
      .orderBy('due_on')
      .limit(DETAIL_LIMIT)
      .execute(),
    db
      .selectFrom('sv_problems')
      .select(['id', 'reference', 'title', 'deadline', 'status'])
      .where('agency_id', '=', agencyId)
      .where('status', '<>', 'closed')
      .orderBy('deadline')
      .limit(DETAIL_LIMIT)
      .execute(),
  ]);
  // Which of them already carry a 督办 waiting for the township's answer (one query).
  const keys = requests.map((r) => `request_deadline:${toNumber(r.id)}`);
  const supervised = new Set(
    keys.length
      ? (
          await db
            .selectFrom('sv_problems as p')
            .innerJoin('sv_supervisions as s', 's.problem_id', 'p.id')
            .select('p.check_key')
            .where('p.agency_id', '=', agencyId)
            .where('p.check_key', 'in', keys)
            .where('s.status', '=', 'waiting')
            .execute()
        ).map((x) => x.check_key)
      : [],
  );
  return {
    agency,
    overdueRequests: requests.map((r) => ({
      id: toNumber(r.id),
      label: r.reference,
      date: r.due_on!,
      status: r.status,
      supervised: supervised.has(`request_deadline:${toNumber(r.id)}`),
    })),
    latePublications: late.map((p) => ({
      id: toNumber(p.id),
      label: p.title,
      date: p.due_on,
      status: p.status,
    })),
    stuckReviews: stuck.map((p) => ({
      id: toNumber(p.id),
      label: p.title,
      date: p.updated_at,
      status: p.status,
    })),
    lateVillageItems: village.map((v) => ({
      id: toNumber(v.id),
      label: v.title,
      date: v.due_on!,
      status: v.status,
      village: v.village,
    })),
    overdueInquiries: inquiries.map((i) => ({
      id: toNumber(i.id),
      label: `${i.reference} ${i.topic}`,
      date: i.due_on,
      status: i.status,
    })),
    openProblems: problems.map((p) => ({
      id: toNumber(p.id),
      label: p.title,
      reference: p.reference,
      date: p.deadline,
      deadline: p.deadline,
      status: p.status,
    })),
  };
}
