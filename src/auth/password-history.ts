/**
 * No reuse of the last PASSWORD_HISTORY passwords: the current hash and the earlier ones kept in
 * `password_history` (migration 2026_12_01_2330). Checked on every change by the user and on every password an
 * admin types for a user; generated one-time passwords are random and need no check.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { ValidationError } from '../errors.ts';
import { verifyPassword } from './password.ts';
import { PASSWORD_HISTORY } from './password-policy.ts';

/** Refuse `next` when it is the user's current password or one of the PASSWORD_HISTORY − 1 before it. */
export async function assertPasswordNotReused(
  db: Kysely<DB>,
  userId: number,
  next: string,
  field = 'next',
): Promise<void> {
  const current = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  const earlier = await recentHashes(db, userId);
  const hashes = [...(current ? [current.password_hash] : []), ...earlier.map((r) => r.password_hash)];
  for (const h of hashes) {
    if (await verifyPassword(h, next)) {
      const message = `新密码不能与最近${PASSWORD_HISTORY}次使用过的密码相同`;
      throw new ValidationError(message, { [field]: message });
    }
  }
}

/** Keep the hash being replaced, inside the transaction that replaces it; older ones beyond the window go. */
export async function rememberPassword(
  trx: Transaction<DB>,
  userId: number,
  oldHash: string,
  now: string,
): Promise<void> {
  await trx
    .insertInto('password_history')
    .values({ user_id: userId, password_hash: oldHash, created_at: now })
    .execute();
  const keep = await recentHashes(trx, userId);
  const oldest = keep.at(-1)?.id;
  if (keep.length === PASSWORD_HISTORY - 1 && oldest !== undefined)
    await trx.deleteFrom('password_history').where('user_id', '=', userId).where('id', '<', oldest).execute();
}

/** The PASSWORD_HISTORY − 1 most recent earlier hashes of a user, newest first. */
function recentHashes(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('password_history')
    .select(['id', 'password_hash'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(PASSWORD_HISTORY - 1)
    .execute();
}
