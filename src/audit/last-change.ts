/**
 * What a stale form says (issue 10): when a step is refused because the record changed since the form was built
 * (optimistic lock on its version), the message names who acted first, what they did and when (Beijing time), and
 * the record's state now — read from the newest audit row of the record.
 */
import type { DbOrTrx } from '../db/database.ts';
import { ConflictError } from '../errors.ts';
import { beijingDateTime } from '../beijing-time.ts';

export interface LastChange {
  actorName: string | null;
  action: string;
  occurredAt: string;
}

/** The newest audit row of a record, if any. */
export async function lastChangeOf(
  db: DbOrTrx,
  objectType: string,
  objectId: number,
): Promise<LastChange | undefined> {
  const r = await db
    .selectFrom('audit_events')
    .select(['actor_name', 'action', 'occurred_at'])
    .where('object_type', '=', objectType)
    .where('object_id', '=', String(objectId))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? { actorName: r.actor_name, action: r.action, occurredAt: r.occurred_at } : undefined;
}

/** The Chinese message of a refused stale step. `labels`: the feature's audit labels; `state`: the state now. */
export function staleMessage(
  what: string,
  change: LastChange | undefined,
  labels: Readonly<Record<string, string>>,
  state: string,
): string {
  const who = change
    ? `${change.actorName ?? '系统'}已于${beijingDateTime(change.occurredAt)}“${labels[change.action] ?? '修改了该记录'}”`
    : '其他工作人员已先行办理';
  return `本次操作未保存：在您打开页面之后，${who}，${what}当前状态为“${state}”。请刷新页面查看最新情况后再操作。`;
}

/** The ConflictError of a stale step on a record, with who acted first and the state now. */
export async function staleConflict(
  db: DbOrTrx,
  record: { objectType: string; objectId: number; what: string; state: string },
  labels: Readonly<Record<string, string>>,
): Promise<ConflictError> {
  return new ConflictError(
    staleMessage(
      record.what,
      await lastChangeOf(db, record.objectType, record.objectId),
      labels,
      record.state,
    ),
  );
}

/**
 * Run a change that a simultaneous save may beat (issue 10): both saves passed the stale-form check, and the
 * database decides — the loser's version-checked UPDATE matches no row (it waits for the winner's commit on
 * PostgreSQL, or runs after it on SQLite), or a unique constraint or a serialization failure stops its transaction.
 * Whatever the database said, when the record changed meanwhile (`lost` returns its refusal, read after the loser's
 * transaction rolled back — never inside it, which on SQLite's one connection would wait on itself) the loser gets
 * the stale-form message: who acted first, when, and the state now. Otherwise the error stands.
 */
export async function unlessRaceLost<T>(
  work: () => Promise<T>,
  lost: () => Promise<ConflictError | null>,
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const stale = await lost();
    if (stale) throw stale;
    throw e;
  }
}
