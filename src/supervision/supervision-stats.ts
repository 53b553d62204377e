/**
 * Figures of the supervision records over a period, for the monthly bulletin, the dashboard charts, the annual
 * report's narrative and the assessment. Counted in SQL-light fashion from the ledger (a township holds hundreds of
 * problems a year, not millions). Read-only.
 */
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';
import { listProblems, type Problem } from './supervision.queries.ts';

export interface Period {
  first: string;
  last: string;
}
export const monthPeriod = (ym: string): Period => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${ym}-01`, last: `${ym}-${String(last).padStart(2, '0')}` };
};
export const yearPeriod = (y: number): Period => ({ first: `${y}-01-01`, last: `${y}-12-31` });

const within = (d: string | null, p: Period) => d != null && d >= p.first && d <= p.last;

export interface UnitRow {
  unit: string;
  found: number;
  fixed: number;
  overdue: number;
}

export interface ProblemFigures {
  found: number;
  fixed: number;
  fixedOnTime: number;
  /** Open at the end of the period and past their deadline then. */
  overdue: number;
  /** Open (not closed) at the end of the period. */
  open: number;
  recurring: number;
  byUnit: UnitRow[];
  /** Days from found to 销号, of problems closed in the period. */
  rectifyDays: number[];
}

/** Problem figures of a period from the ledger. */
export function problemFigures(all: Problem[], p: Period): ProblemFigures {
  const found = all.filter((x) => within(x.foundOn, p));
  const fixed = all.filter((x) => x.status === 'closed' && within(x.closedOn, p));
  const existing = all.filter((x) => x.foundOn <= p.last);
  const openAtEnd = existing.filter(
    (x) => !(x.status === 'closed' && x.closedOn != null && x.closedOn <= p.last),
  );
  const overdue = openAtEnd.filter((x) => x.deadline < p.last && x.status === 'open');
  const units = new Map<string, UnitRow>();
  const row = (u: string) => {
    let r = units.get(u);
    if (!r) units.set(u, (r = { unit: u, found: 0, fixed: 0, overdue: 0 }));
    return r;
  };
  for (const x of found) row(x.unitName).found++;
  for (const x of fixed) row(x.unitName).fixed++;
  for (const x of overdue) row(x.unitName).overdue++;
  const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86400000);
  return {
    found: found.length,
    fixed: fixed.length,
    fixedOnTime: fixed.filter((x) => (x.rectifiedOn ?? x.closedOn!) <= x.deadline).length,
    overdue: overdue.length,
    open: openAtEnd.length,
    recurring: new Set([...found, ...openAtEnd, ...fixed].filter((x) => x.isRecurring).map((x) => x.id)).size,
    byUnit: [...units.values()].sort((a, b) => a.unit.localeCompare(b.unit, 'zh')),
    rectifyDays: fixed.map((x) => days(x.foundOn, x.closedOn!)),
  };
}

export interface Timeliness {
  published: number;
  publishedOnTime: number;
  replied: number;
  repliedOnTime: number;
}

export async function timeliness(db: DbOrTrx, agencyId: number, p: Period): Promise<Timeliness> {
  const pubs = await db
    .selectFrom('publications')
    .select(['published_on', 'due_on'])
    .where('agency_id', '=', agencyId)
    .where('status', 'in', ['published', 'withdrawn'])
    .where('published_on', '>=', p.first)
    .where('published_on', '<=', p.last)
    .execute();
  const reqs = await db
    .selectFrom('info_requests')
    .select(['closed_on', 'due_on'])
    .where('agency_id', '=', agencyId)
    .where('closed_on', '>=', p.first)
    .where('closed_on', '<=', p.last)
    .execute();
  return {
    published: pubs.length,
    publishedOnTime: pubs.filter((x) => x.published_on! <= x.due_on).length,
    replied: reqs.length,
    repliedOnTime: reqs.filter((x) => x.due_on == null || x.closed_on! <= x.due_on).length,
  };
}

/** Problems of an agency (all years; the ledger is small). */
export async function allProblems(db: DbOrTrx, agencyId: number): Promise<Problem[]> {
  return listProblems(db, agencyId, {}, '9999-12-31');
}

export interface TrainingFigures {
  superior: number;
  township: number;
  attendees: number;
}

export async function trainingFigures(db: DbOrTrx, agencyId: number, p: Period): Promise<TrainingFigures> {
  const rows = await db
    .selectFrom('sv_trainings')
    .select(['id', 'level', 'others_json'])
    .where('agency_id', '=', agencyId)
    .where('held_on', '>=', p.first)
    .where('held_on', '<=', p.last)
    .execute();
  let attendees = 0;
  for (const r of rows) {
    const n = await db
      .selectFrom('sv_training_attendees')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('training_id', '=', r.id)
      .executeTakeFirst();
    attendees += toNumber(n?.n ?? 0) + (JSON.parse(r.others_json) as string[]).length;
  }
  return {
    superior: rows.filter((r) => r.level === 'superior').length,
    township: rows.filter((r) => r.level === 'township').length,
    attendees,
  };
}

export const pct = (a: number, b: number) => (b === 0 ? '—' : `${Math.round((a / b) * 1000) / 10}%`);
