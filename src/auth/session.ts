import crypto from 'node:crypto';
import { sql, type CompiledQuery } from 'kysely';
import { dialectOf, type Db, type DbOrTrx } from '../db/database.ts';
import type { Actor } from '../context.ts';
import { nowIso } from '../db/values.ts';
import { toUser, userColumns } from '../org/org.queries.ts';
import type { User } from '../org/org.ts';
import { isRole } from '../org/roles.ts';
import { cutBytes } from '../text/cut.ts';

/** Sessions end after 30 minutes without a request (level-3 idle timeout). */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** A session ends 12 hours after sign-in however active it is (absolute lifetime, on top of the idle timeout). */
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Touch last_seen_at at most once a minute, to spare the database. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface SessionInfo {
  id: string;
  user: User;
  csrfToken: string;
  /** The name of the user's agency (every office page shows it in its header). */
  agencyName: string;
}

/** The stored id is a hash: a leaked sessions table cannot be replayed as cookies. */
export function sessionIdOf(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Create a session; returns the cookie token. */
export async function createSession(
  db: DbOrTrx,
  userId: number,
  now: Date,
  meta: { ip: string | null; userAgent?: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  await db
    .insertInto('sessions')
    .values({
      id: sessionIdOf(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: nowIso(now),
      last_seen_at: nowIso(now),
      ip: meta.ip,
      user_agent: meta.userAgent ? cutBytes(meta.userAgent, 300) : null,
    })
    .execute();
  return { token, csrfToken };
}

function sessionQuery(db: Db) {
  // Roles as one text column: role names are identifiers (no commas), and an unknown one is dropped by isRole.
  const roles =
    dialectOf(db) === 'postgres'
      ? sql<string | null>`(select string_agg(r.role, ',') from user_roles r where r.user_id = u.id)`
      : sql<string | null>`(select group_concat(r.role, ',') from user_roles r where r.user_id = u.id)`;
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(userColumns.map((c) => `u.${c}` as const))
    .select(['s.csrf_token', 's.created_at', 's.last_seen_at', 'a.name as agency_name', roles.as('roles')])
    .where('s.id', '=', '');
}

type SessionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof sessionQuery>['executeTakeFirst']>>>;

/**
 * The session statement, built and compiled once per database: every request with a session cookie runs it, and
 * Kysely's building and compiling cost more than SQLite's answer (docs/scale.md, "Ninth pass"). Its one parameter
 * is the session id.
 */
const compiledSessionQuery = new WeakMap<Db, CompiledQuery<SessionRow>>();

function sessionStatement(db: Db, id: string): CompiledQuery<SessionRow> {
  let q = compiledSessionQuery.get(db);
  if (!q) {
    q = sessionQuery(db).compile();
    if (q.parameters.length !== 1) throw new Error('the session statement takes the session id only');
    compiledSessionQuery.set(db, q);
  }
  return { ...q, parameters: [id] };
}

/**
 * Resolve a cookie token to a live session, enforcing the idle timeout and the absolute lifetime; touches last-seen.
 * The session, its user, the user's roles and the name of the user's agency come in one statement: every request
 * with a session cookie runs it (it was four; docs/scale.md, "Eighth pass", measures what that saved).
 */
export async function resolveSession(db: Db, token: string, now: Date): Promise<SessionInfo | null> {
  const id = sessionIdOf(token);
  const row = (await db.executeQuery(sessionStatement(db, id))).rows[0];
  if (!row) return null;
  const idle = now.getTime() - new Date(row.last_seen_at).getTime();
  const age = now.getTime() - new Date(row.created_at).getTime();
  if (idle > IDLE_TIMEOUT_MS || age > ABSOLUTE_LIFETIME_MS) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  const user = toUser(row, (row.roles ?? '').split(',').filter(isRole));
  if (!user.isActive) return null;
  if (idle > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: nowIso(now) })
      .where('id', '=', id)
      .execute();
  }
  return { id, user, csrfToken: row.csrf_token, agencyName: row.agency_name };
}

export async function deleteSession(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** The acting user of a session. */
export function actorOf(user: User): Actor {
  return {
    kind: 'user',
    userId: user.id,
    name: user.displayName,
    agencyId: user.agencyId,
    officeId: user.officeId,
    villageId: user.villageId,
    roles: user.roles,
  };
}
