/** 业务培训, 考核 and 责任追究 pages. Thin routes: parse → use case or page query → view. */
import type { App, C } from '../../../app-env.ts';
import { currentUser, officePage } from '../../../office-page.tsx';
import { emptyForm, type FormState } from '../../../views/forms.tsx';
import { list, str } from '../../../form.ts';
import { redirectWithFlash } from '../../../render.tsx';
import { assertCan, parseInput } from '../../../../errors.ts';
import { agencyScope, listUsers } from '../../../../org/org.queries.ts';
import { supervisionPolicy } from '../../../../supervision/supervision.policy.ts';
import { TrainingInput, listTrainings, recordTraining } from '../../../../supervision/trainings.ts';
import {
  AccountabilityInput,
  computeAssessment,
  finaliseAssessment,
  findAssessment,
  listAccountability,
  recordAccountability,
} from '../../../../supervision/assessment.ts';
import { manualItemsOf } from '../../../../supervision/index.ts';
import { TRAININGS as T, TrainingsView } from '../../../views/supervision/training-view.tsx';
import { ASSESSMENT as A, AssessmentView } from '../../../views/supervision/assessment-view.tsx';
import { agencyChoices, agencyOf, fieldsOf, formOf } from './shared.tsx';

const yearOf = (c: C) => Number(str(c.req.query('year')) || c.get('ctx').clock.today().slice(0, 4));
const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

async function trainingsPage(c: C, form: FormState, status = 200) {
  const db = c.get('deps').db;
  const agencyId = agencyOf(c);
  const scope = await agencyScope(db, agencyId);
  assertCan(supervisionPolicy.read(c.get('ctx').actor, scope), { hide: true });
  const year = yearOf(c);
  const [trainings, users, choices] = await Promise.all([
    listTrainings(db, agencyId, year),
    listUsers(db, agencyId),
    agencyChoices(c),
  ]);
  return officePage(
    c,
    '业务培训',
    <TrainingsView
      year={year}
      agencyId={agencyId}
      trainings={trainings}
      users={users.filter((u) => u.isActive).map((u) => ({ value: String(u.id), label: u.displayName }))}
      manage={supervisionPolicy.manage(c.get('ctx').actor, scope)}
      choices={choices}
      csrf={c.get('csrf')}
      form={form}
    />,
    status,
  );
}

async function assessmentPage(c: C, forms: Record<string, FormState> = {}, status = 200) {
  const db = c.get('deps').db;
  const agencyId = agencyOf(c);
  const scope = await agencyScope(db, agencyId);
  assertCan(supervisionPolicy.read(c.get('ctx').actor, scope), { hide: true });
  const year = yearOf(c);
  const [assessment, accountability, choices] = await Promise.all([
    findAssessment(db, agencyId, year),
    listAccountability(db, agencyId, year),
    agencyChoices(c),
  ]);
  return officePage(
    c,
    '考核与责任追究',
    <AssessmentView
      year={year}
      agencyId={agencyId}
      assessment={assessment}
      accountability={accountability}
      manage={supervisionPolicy.manage(c.get('ctx').actor, scope)}
      choices={choices}
      csrf={c.get('csrf')}
      forms={forms}
    />,
    status,
  );
}

export function recordRoutes(app: App): void {
  app.get(T, (c) => trainingsPage(c, emptyForm()));
  app.post(T, async (c) => {
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      const input = parseInput(TrainingInput, {
        level: str(f.level) || undefined,
        mode: str(f.mode) || undefined,
        heldOn: str(f.heldOn),
        topic: str(f.topic),
        trainer: str(f.trainer),
        materials: str(f.materials),
        attendeeIds: list(f.attendeeIds).map(Number),
        others: lines(str(f.others)),
      });
      await recordTraining(c.get('ctx'), currentUser(c).agencyId, input);
      return redirectWithFlash(c, `${T}?year=${input.heldOn.slice(0, 4)}`, '培训已登记');
    } catch (e) {
      return trainingsPage(c, formOf(e, f), 400);
    }
  });

  app.get(A, (c) => assessmentPage(c));
  app.post(`${A}/compute`, async (c) => {
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    const agencyId = currentUser(c).agencyId;
    try {
      const manual = await manualItemsOf(c.get('deps').db, agencyId, str(f.manual), str(f.manualScores));
      await computeAssessment(c.get('ctx'), agencyId, yearOf(c), manual);
      return redirectWithFlash(c, `${A}?year=${yearOf(c)}`, '考核得分已计算');
    } catch (e) {
      return assessmentPage(c, { compute: formOf(e, f) }, 400);
    }
  });
  app.post(`${A}/finalise`, async (c) => {
    await finaliseAssessment(c.get('ctx'), currentUser(c).agencyId, yearOf(c));
    return redirectWithFlash(c, `${A}?year=${yearOf(c)}`, '考核结果已确定');
  });
  app.post(`${A}/accountability`, async (c) => {
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      await recordAccountability(
        c.get('ctx'),
        currentUser(c).agencyId,
        parseInput(AccountabilityInput, {
          decidedOn: str(f.decidedOn),
          person: str(f.person),
          matter: str(f.matter),
          basis: str(f.basis),
          measure: str(f.measure),
        }),
      );
      return redirectWithFlash(c, `${A}?year=${yearOf(c)}`, '责任追究已登记');
    } catch (e) {
      return assessmentPage(c, { acc: formOf(e, f) }, 400);
    }
  });
}
