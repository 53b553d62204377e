/**
 * Handover notifications: when a change puts work in new hands, tell exactly the persons who can now act (not the
 * one who just acted, not those who already held it). Features pass the waiting items before and after the change.
 */
import type { DbOrTrx } from '../db/database.ts';
import { notify } from './notify.ts';
import type { WaitingItem } from './waiting-item.ts';

const same = (a: WaitingItem, b: WaitingItem) =>
  a.kind === b.kind && a.objectType === b.objectType && a.objectId === b.objectId;

/** The reminder text of an item (an item nobody can take tells the admins to reassign it). */
export function handoverText(item: WaitingItem): { title: string; body: string } {
  const title =
    item.persons.via === 'admin'
      ? `${item.label}（无人可办理，请指派）：${item.title}`
      : `${item.label}：${item.title}`;
  return { title, body: item.detail ?? title };
}

/** Notify (in-app, and e-mail / SMS per the user's choices) the persons each item newly waits on. */
export async function notifyHandover(
  db: DbOrTrx,
  now: Date,
  actorUserId: number | null,
  before: readonly WaitingItem[],
  after: readonly WaitingItem[],
): Promise<number> {
  let written = 0;
  for (const item of after) {
    const prev = before.find((b) => same(b, item));
    const had = new Set(prev?.persons.userIds ?? []);
    const to = item.persons.userIds.filter((id) => !had.has(id) && id !== actorUserId);
    if (to.length === 0) continue;
    written += await notify(
      db,
      now,
      to,
      { kind: item.kind, ...handoverText(item), link: item.link },
      { deliver: true },
    );
  }
  return written;
}
