/** Factories that build the minimal graph a test needs, with unique values. */
import crypto from 'node:crypto';
import type { Db } from '../../src/db/database.ts';
import { fixedClock, systemClock, type Clock } from '../../src/clock.ts';
import { systemActor, type Ctx, type Actor } from '../../src/context.ts';
import { createAgency } from '../../src/org/manage-agency.ts';
import { createOffice, createVillage } from '../../src/org/manage-units.ts';
import { createUser } from '../../src/org/manage-users.ts';
import type { Agency, AgencyKind, User } from '../../src/org/org.ts';
import type { Role } from '../../src/org/roles.ts';
import { actorOf } from '../../src/auth/session.ts';
import { seedCalendar } from '../../src/calendar/seed-calendar.ts';
import { ensureCatalogue } from '../../src/publications/seed-catalogue.ts';
import { createPublication } from '../../src/publications/save-publication.ts';
import { reviewPublication } from '../../src/publications/review-publication.ts';
import { findCategoryByCode, getPublication } from '../../src/publications/publications.queries.ts';

export const uid = () => crypto.randomBytes(4).toString('hex');

export function systemCtx(db: Db, clock: Clock = systemClock): Ctx {
  return { db, clock, actor: systemActor('测试'), meta: { ip: '127.0.0.1' } };
}

export function ctxAs(db: Db, actor: Actor, clock: Clock = systemClock): Ctx {
  return { db, clock, actor, meta: { ip: '127.0.0.1' } };
}

export function userActor(u: User): Actor {
  return actorOf(u);
}

/** An agency (a township under a fresh county unless a parent is given). */
export async function makeAgency(
  db: Db,
  opts: { kind?: AgencyKind; parentId?: number | null; name?: string } = {},
): Promise<Agency> {
  const ctx = systemCtx(db);
  const id = uid();
  let parentId = opts.parentId;
  const kind = opts.kind ?? 'township';
  if (parentId === undefined && (kind === 'township' || kind === 'department')) {
    parentId = (
      await createAgency(ctx, {
        code: `C-${id}`,
        name: `测试县${id}`,
        shortName: `测试县${id}`,
        kind: 'county',
        parentId: null,
        isPeopleGovernment: true,
      })
    ).id;
  }
  return createAgency(ctx, {
    code: `A-${id}`,
    name: opts.name ?? `测试乡${id}人民政府`,
    shortName: `测试乡${id}`,
    kind,
    parentId: parentId ?? null,
    isPeopleGovernment: kind !== 'department',
  });
}

export const TEST_PASSWORD = 'Test-pass-2026';

/** A user with roles in an agency; password TEST_PASSWORD, no forced change unless asked. */
export async function makeUser(
  db: Db,
  agencyId: number,
  roles: Role[],
  opts: { mustChange?: boolean; officeId?: number | null; villageId?: number | null; username?: string } = {},
): Promise<User> {
  const ctx = systemCtx(db);
  let officeId = opts.officeId ?? null;
  if (
    (roles.includes('office_head') || roles.includes('liaison')) &&
    officeId == null &&
    opts.villageId == null
  ) {
    officeId = await createOffice(ctx, agencyId, { name: `办公室${uid()}`, sortOrder: 0 });
  }
  const r = await createUser(
    ctx,
    agencyId,
    {
      username: opts.username ?? `u${uid()}`,
      displayName: `测试用户${uid()}`,
      roles,
      officeId,
      villageId: opts.villageId ?? null,
      phone: '',
      email: '',
    },
    { password: TEST_PASSWORD },
  );
  if (!opts.mustChange)
    await db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', r.user.id).execute();
  return { ...r.user, mustChangePassword: Boolean(opts.mustChange) };
}

export async function makeOffice(db: Db, agencyId: number, name = `站办所${uid()}`): Promise<number> {
  return createOffice(systemCtx(db), agencyId, { name, sortOrder: 0 });
}

export async function makeVillage(db: Db, agencyId: number, name = `村${uid()}`): Promise<number> {
  return createVillage(systemCtx(db), agencyId, { name, code: null, sortOrder: 0 });
}

export { fixedClock };

/**
 * A township (under `parentId` when given) with its calendar seeded on `clock`, one office and two villages, 东沟村
 * and 西沟村: the world of the tests that keep a village account to its own village.
 */
export async function makeTwoVillageTownship(db: Db, clock: Clock, opts: { parentId?: number | null } = {}) {
  await seedCalendar(systemCtx(db, clock));
  const town = await makeAgency(db, opts.parentId === undefined ? {} : { parentId: opts.parentId });
  const office = await makeOffice(db, town.id);
  const villageA = await makeVillage(db, town.id, '东沟村');
  const villageB = await makeVillage(db, town.id, '西沟村');
  return { town, office, villageA, villageB };
}

/**
 * A township whose office can take a 主动公开 item through its whole chain (the calendar and the catalogue
 * seeded): the office's drafter and head, the deputy leader, the disclosure clerk; `as(user)` is that user's
 * context on the given clock, `notices` the 通知公告 category.
 */
export async function makePublicationDesk(db: Db, clock: Clock) {
  await seedCalendar(systemCtx(db, clock));
  const agency = await makeAgency(db);
  const office = await makeOffice(db, agency.id);
  const drafter = await makeUser(db, agency.id, ['drafter'], { officeId: office });
  const head = await makeUser(db, agency.id, ['office_head'], { officeId: office });
  const deputy = await makeUser(db, agency.id, ['deputy_leader']);
  const clerk = await makeUser(db, agency.id, ['clerk']);
  await ensureCatalogue(systemCtx(db, clock), agency.id);
  const notices = (await findCategoryByCode(db, agency.id, 'notices'))!;
  const as = (u: User) => ctxAs(db, userActor(u), clock);
  return { db, clock, agency, office, drafter, head, deputy, clerk, notices, as };
}

export type PublicationDesk = Awaited<ReturnType<typeof makePublicationDesk>>;

/** A draft 通知公告 item of the desk's drafter, formed on the clock's day; its id. */
export async function makeDraftPublication(
  desk: PublicationDesk,
  item: { title: string; body: string },
): Promise<number> {
  return createPublication(desk.as(desk.drafter), {
    categoryId: String(desk.notices.id),
    title: item.title,
    issuer: '测试乡人民政府',
    body: item.body,
    attribute: 'proactive',
    formedOn: desk.clock.today(),
  });
}

/** The desk's person for a review step signs it (approve) on the item's current version. */
export async function signReview(
  desk: PublicationDesk,
  id: number,
  step: 'first_review' | 'second_review' | 'final_review',
): Promise<void> {
  const by = { first_review: desk.drafter, second_review: desk.head, final_review: desk.deputy }[step];
  const version = String((await getPublication(desk.db, id)).version);
  await reviewPublication(desk.as(by), id, {
    step,
    action: 'approve',
    version,
    ...(step === 'second_review' ? { secrecyConfirmed: '1' } : {}),
  });
}
