/** Each user's choice of e-mail per notification kind (the user's own settings page; no row: the kind's default). */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { kindInfo, NOTIFICATION_KINDS } from './kinds.ts';

/** Whether the user gets e-mail for each kind. */
export async function emailChoices(db: DbOrTrx, userId: number): Promise<Map<string, boolean>> {
  const rows = await db
    .selectFrom('notification_prefs')
    .select(['kind', 'email'])
    .where('user_id', '=', userId)
    .execute();
  const stored = new Map(rows.map((r) => [r.kind, Number(r.email) === 1]));
  return new Map(NOTIFICATION_KINDS.map((k) => [k.kind, stored.get(k.kind) ?? k.emailDefault]));
}

/** Whether to e-mail this user about this kind (unknown kinds: no). */
export async function wantsEmail(db: DbOrTrx, userId: number, kind: string): Promise<boolean> {
  const info = kindInfo(kind);
  if (!info) return false;
  const r = await db
    .selectFrom('notification_prefs')
    .select('email')
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return r ? Number(r.email) === 1 : info.emailDefault;
}

/**
 * Save the actor's own choices: the kinds listed in `emailKinds` get e-mail, every other known kind does not. A
 * preference of one's own is not a record of the agency, so it is not audited.
 */
export async function saveEmailChoices(ctx: Ctx, emailKinds: readonly string[]): Promise<void> {
  if (ctx.actor.kind !== 'user') throw new DomainError('unauthenticated', '请先登录');
  const userId = ctx.actor.userId;
  const on = new Set(emailKinds);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('notification_prefs').where('user_id', '=', userId).execute();
    await trx
      .insertInto('notification_prefs')
      .values(
        NOTIFICATION_KINDS.map((k) => ({ user_id: userId, kind: k.kind, email: on.has(k.kind) ? 1 : 0 })),
      )
      .execute();
  });
}
