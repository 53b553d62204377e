/**
 * What the annual report says about 监督保障 (一（五）) and about problems and their 整改 (五), taken from the records
 * of the year: trainings, inspections, the ledger (by source, closed, on time, open, overdue, recurring, 回头看),
 * social evaluation, assessment and 责任追究. Read-only; null when the agency holds no supervision records at all
 * for the year (the narrative then leaves the passage for a person to write).
 */
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';
import { allProblems, trainingFigures, yearPeriod } from './supervision-stats.ts';
import { yearEvaluation } from './evaluations.ts';
import { findAssessment, listAccountability } from './assessment.ts';
import { shorten } from '../text/cut.ts';

export interface SupervisionFacts {
  trainings: { superior: number; township: number; attendees: number; topics: string[] };
  inspections: { count: number; targets: number; problems: number };
  problems: {
    found: number;
    fromDailyCheck: number;
    fromCounty: number;
    closed: number;
    closedOnTime: number;
    open: number;
    overdue: number;
    recurring: number;
    followUps: number;
    followUpsRecurred: number;
    /** Open problems found this year, for 五 (title and unit). */
    openList: { unit: string; title: string; deadline: string }[];
  };
  /** Problems taken from last year's report or found last year, and how each stands at the end of this year. */
  lastYear: { title: string; closedOn: string | null; note: string | null; deadline: string }[];
  evaluation: { responses: number; average: number | null; groups: string[] };
  assessment: { final: boolean; units: number; average: number | null } | null;
  accountability: { person: string; matter: string; basis: string; measure: string }[];
}

export async function supervisionFacts(
  db: DbOrTrx,
  agencyId: number,
  year: number,
): Promise<SupervisionFacts | null> {
  const per = yearPeriod(year);
  const all = await allProblems(db, agencyId);
  const found = all.filter(
    (p) => p.foundOn >= per.first && p.foundOn <= per.last && p.source !== 'annual_report',
  );
  const closedByEnd = (p: (typeof all)[number]) =>
    p.status === 'closed' && p.closedOn != null && p.closedOn <= per.last;
  const openAtEnd = found.filter((p) => !closedByEnd(p));
  const tr = await trainingFigures(db, agencyId, per);
  const topics = (
    await db
      .selectFrom('sv_trainings')
      .select('topic')
      .where('agency_id', '=', agencyId)
      .where('held_on', '>=', per.first)
      .where('held_on', '<=', per.last)
      .orderBy('held_on')
      .execute()
  ).map((r) => r.topic);
  const insp = await db
    .selectFrom('sv_inspections')
    .select(['id'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .execute();
  const targets = insp.length
    ? toNumber(
        (
          await db
            .selectFrom('sv_inspection_targets')
            .select((eb) => eb.fn.countAll().as('n'))
            .where(
              'inspection_id',
              'in',
              insp.map((i) => i.id),
            )
            .executeTakeFirst()
        )?.n ?? 0,
      )
    : 0;
  const ids = found.map((p) => p.id);
  const fus = ids.length
    ? await db
        .selectFrom('sv_follow_ups')
        .select(['status'])
        .where('problem_id', 'in', ids)
        .where('done_at', 'is not', null)
        .execute()
    : [];
  const lastYear = all
    .filter((p) =>
      p.source === 'annual_report'
        ? p.foundOn >= per.first && p.foundOn <= per.last
        : p.foundOn >= `${year - 1}-01-01` && p.foundOn <= `${year - 1}-12-31`,
    )
    .sort((a, b) => a.id - b.id)
    .map((p) => ({
      title: p.title,
      closedOn: closedByEnd(p) ? p.closedOn : null,
      note: p.rectificationNote,
      deadline: p.deadline,
    }));
  const evaluation = await yearEvaluation(db, agencyId, year);
  const a = await findAssessment(db, agencyId, year);
  const accountability = await listAccountability(db, agencyId, year);
  const facts: SupervisionFacts = {
    trainings: { ...tr, topics },
    inspections: {
      count: insp.length,
      targets,
      problems: found.filter((p) => p.inspectionId != null).length,
    },
    problems: {
      found: found.length,
      fromDailyCheck: found.filter((p) => p.source === 'daily_check').length,
      fromCounty: found.filter((p) => p.source === 'county').length,
      closed: found.filter(closedByEnd).length,
      closedOnTime: found.filter((p) => closedByEnd(p) && (p.rectifiedOn ?? p.closedOn!) <= p.deadline)
        .length,
      open: openAtEnd.length,
      overdue: openAtEnd.filter((p) => p.status === 'open' && p.deadline < per.last).length,
      recurring: found.filter((p) => p.isRecurring).length,
      followUps: fus.length,
      followUpsRecurred: fus.filter((f) => f.status === 'recurred').length,
      openList: openAtEnd
        .sort((a, b) => a.id - b.id)
        .map((p) => ({
          unit: p.unitName,
          title: shorten(p.title, 41),
          deadline: p.deadline,
        })),
    },
    lastYear,
    evaluation,
    assessment: a
      ? {
          final: a.status === 'final',
          units: a.results.length,
          average: a.results.length
            ? Math.round((a.results.reduce((s, r) => s + r.total, 0) / a.results.length) * 10) / 10
            : null,
        }
      : null,
    accountability: accountability.map((x) => ({
      person: x.person,
      matter: x.matter,
      basis: x.basis,
      measure: x.measure,
    })),
  };
  const any =
    tr.superior +
    tr.township +
    insp.length +
    found.length +
    lastYear.length +
    evaluation.responses +
    (a ? 1 : 0) +
    accountability.length;
  return any ? facts : null;
}
