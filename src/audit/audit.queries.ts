import type { DbOrTrx } from '../db/database.ts';

export interface AuditFilter {
  agencyIds: number[];
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
}

export interface AuditRow {
  id: number;
  occurredAt: string;
  actorName: string | null;
  actorUserId: number | null;
  ip: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before: string | null;
  after: string | null;
  note: string | null;
}

/** Audit actions on the national calendar (shared by every agency). */
const NATIONAL_ACTIONS = ['calendar.year_loaded', 'calendar.day_changed'];

function filtered(db: DbOrTrx, f: AuditFilter) {
  // A change of the national calendar moves every agency's deadlines: every agency's log shows it.
  let q = db
    .selectFrom('audit_events')
    .where((eb) =>
      eb.or([
        eb('agency_id', 'in', f.agencyIds.length ? f.agencyIds : [-1]),
        eb('action', 'in', NATIONAL_ACTIONS),
      ]),
    );
  if (f.actor) q = q.where('actor_name', 'like', `%${f.actor}%`);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.objectType) q = q.where('object_type', '=', f.objectType);
  if (f.objectId) q = q.where('object_id', '=', f.objectId);
  // occurred_at is UTC ISO text; business dates are Asia/Shanghai (UTC+8, no DST).
  if (f.from) q = q.where('occurred_at', '>=', new Date(`${f.from}T00:00:00+08:00`).toISOString());
  if (f.to)
    q = q.where(
      'occurred_at',
      '<',
      new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86400000).toISOString(),
    );
  return q;
}

/** One page of audit events, newest first. */
export async function listAuditEvents(
  db: DbOrTrx,
  f: AuditFilter,
  limit: number,
  offset = 0,
): Promise<{ rows: AuditRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, f).selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      actorName: r.actor_name,
      actorUserId: r.actor_user_id,
      ip: r.ip,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      before: r.before_json,
      after: r.after_json,
      note: r.note,
    })),
  };
}
