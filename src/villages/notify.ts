/**
 * Who acts on a waiting village item, and the reminders they get. "No dead ends": every waiting state resolves to
 * actual persons; a step whose persons do not exist is refused before the item is moved (with the reason), so an
 * item never waits for nobody.
 */
import type { DbOrTrx } from '../db/database.ts';
import type { Ctx } from '../context.ts';
import { InvalidStateError } from '../errors.ts';
import { actorsFor } from './villages.queries.ts';
import type { DisclosureStatus } from './village-disclosure.ts';

export interface Person {
  id: number;
  name: string;
}

/** The persons who can act on an item in a state (liaison / 监委会 / 包村干部 + 党政办). */
export async function whoActs(
  db: DbOrTrx,
  agencyId: number,
  villageId: number,
  status: DisclosureStatus | 'objection_open' | 'objection_escalated' | 'overdue',
): Promise<Person[]> {
  switch (status) {
    case 'draft':
    case 'returned':
    case 'published':
    case 'objection_open':
      return actorsFor(db, agencyId, 'liaison', villageId);
    case 'supervision':
      return actorsFor(db, agencyId, 'village_supervisor', villageId);
    case 'township_review':
    case 'objection_escalated':
    case 'overdue': {
      const [cadres, clerks] = await Promise.all([
        actorsFor(db, agencyId, 'village_cadre', villageId),
        actorsFor(db, agencyId, 'clerk'),
      ]);
      return [...cadres, ...clerks];
    }
  }
}

const NOBODY: Record<string, string> = {
  supervision:
    '本村尚未设置村务监督委员会成员账号，无法提交审核。请联系乡党政办在“组织与用户”中为本村监委会成员开通账号（村民委员会组织法第三十二条）',
  township_review: '本乡镇尚无包村干部或党政办工作人员账号，无法送乡镇审核。请联系系统管理员',
  objection_escalated: '本乡镇尚无包村干部或党政办工作人员账号，无法转交乡镇',
};

/** The persons for a state, or a refusal naming what is missing. */
export async function requireActors(
  db: DbOrTrx,
  agencyId: number,
  villageId: number,
  status: 'supervision' | 'township_review' | 'objection_escalated',
): Promise<Person[]> {
  const p = await whoActs(db, agencyId, villageId, status);
  if (p.length === 0) throw new InvalidStateError(NOBODY[status]!);
  return p;
}

/** Write a reminder to each person (in the caller's transaction), once per person, link and day. */
export async function notifyPersons(
  trx: DbOrTrx,
  ctx: Pick<Ctx, 'clock'>,
  persons: readonly Person[],
  n: { kind: string; title: string; body: string; link: string },
): Promise<number> {
  const today = ctx.clock.today();
  let written = 0;
  for (const p of new Map(persons.map((x) => [x.id, x])).values()) {
    const dup = await trx
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', p.id)
      .where('kind', '=', n.kind)
      .where('link', '=', n.link)
      .where('title', '=', n.title)
      .where('created_at', '>=', `${today}T00:00:00`)
      .executeTakeFirst();
    if (dup) continue;
    await trx
      .insertInto('notifications')
      .values({
        user_id: p.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        created_at: ctx.clock.now().toISOString(),
        read_at: null,
      })
      .execute();
    written++;
  }
  return written;
}
