/** The demo installation in a test database: prepared, loaded, every demo user past the forced password change. */
import type { Db } from '../../src/db/database.ts';
import { prepareDatabase } from '../../src/setup.ts';
import { systemClock } from '../../src/clock.ts';
import { loadDemo, type DemoAccount } from '../../src/demo/load-demo.ts';

export async function loadDemoForTest(
  db: Db,
): Promise<{ accounts: DemoAccount[]; account(u: string): DemoAccount }> {
  await prepareDatabase(db, systemClock);
  const accounts = await loadDemo({
    db,
    clock: systemClock,
    actor: { kind: 'system', name: '演示数据' },
    meta: { ip: null },
  });
  await db.updateTable('users').set({ must_change_password: 0 }).execute();
  const account = (u: string) => {
    const a = accounts.find((x) => x.username === u);
    if (!a) throw new Error(`no demo account ${u}`);
    return a;
  };
  return { accounts, account };
}
