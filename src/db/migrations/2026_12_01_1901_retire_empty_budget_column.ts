import { sql, type Kysely } from 'kysely';

/**
 * The portal listed 财政预决算 twice: the seeded column 财政预决算 (code `budgets`) and the statutory
 * 财政预算、决算信息 (条例第二十条第（七）项, `art20_7`), where budgets are filed. The column is no longer seeded; an
 * existing one that holds no item is switched off (one that holds items is left for its agency to decide).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update pub_categories set is_active = 0
    where code = 'budgets' and not exists (select 1 from publications p where p.category_id = pub_categories.id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update pub_categories set is_active = 1 where code = 'budgets'`.execute(db);
}
