import type { Kysely } from 'kysely';

/**
 * The county's right to supervise townships (plan inspections, record problems, issue 督办) was a per-user grant in
 * `sv_permissions` ('county_supervision'), held beside the inspector role; it is now the `supervisor` (督办) role's
 * named permission `county.supervision`. Every user holding the old grant gets the role, and the grant rows go
 * (the table stays, unused, as landed).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const grants = await db
    .selectFrom('sv_permissions')
    .select('user_id')
    .where('permission', '=', 'county_supervision')
    .execute();
  for (const g of grants) {
    const has = await db
      .selectFrom('user_roles')
      .select('user_id')
      .where('user_id', '=', g.user_id)
      .where('role', '=', 'supervisor')
      .executeTakeFirst();
    if (!has) await db.insertInto('user_roles').values({ user_id: g.user_id, role: 'supervisor' }).execute();
  }
  await db.deleteFrom('sv_permissions').where('permission', '=', 'county_supervision').execute();
}

/** Irreversible as data (a role given here cannot be told from one given by hand); the schema is unchanged. */
export async function down(): Promise<void> {}
