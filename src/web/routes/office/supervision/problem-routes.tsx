/** The problem ledger's pages: list, record, detail (rectify, 销号, 回头看, 督办 and its answer), photos. Thin routes. */
import type { App, C } from '../../../app-env.ts';
import { officePage } from '../../../office-page.tsx';
import { emptyForm, type FormState } from '../../../views/forms.tsx';
import { str } from '../../../form.ts';
import { redirectWithFlash } from '../../../render.tsx';
import { assertCan, NotFoundError, parseInput } from '../../../../errors.ts';
import { agencyScope, listOffices, listUsers, listVillages } from '../../../../org/org.queries.ts';
import { supervisionPolicy } from '../../../../supervision/supervision.policy.ts';
import { loadProblem } from '../../../../supervision/supervision.queries.ts';
import { ledgerPage, problemPage } from '../../../../supervision/index.ts';
import { ProblemInput, recordProblem } from '../../../../supervision/record-problem.ts';
import { rectifyProblem } from '../../../../supervision/rectify-problem.ts';
import { closeOutProblem } from '../../../../supervision/close-out-problem.ts';
import { FollowUpInput, recordFollowUp } from '../../../../supervision/follow-up.ts';
import {
  AnswerInput,
  answerSupervision,
  issueSupervision,
} from '../../../../supervision/supervise-problem.ts';
import { getPhoto } from '../../../../supervision/evidence.ts';
import { LedgerView, NewProblemView, PROBLEMS as P } from '../../../views/supervision/problem-views.tsx';
import { ProblemDetailView } from '../../../views/supervision/problem-detail.tsx';
import { agencyChoices, agencyOf, fieldsOf, formOf, photosOf } from './shared.tsx';

async function listPage(c: C) {
  const [d, choices] = await Promise.all([
    ledgerPage(c.get('ctx'), agencyOf(c), str(c.req.query('status'))),
    agencyChoices(c),
  ]);
  return officePage(c, '整改台账', <LedgerView d={d} today={c.get('ctx').clock.today()} choices={choices} />);
}

async function unitOptions(c: C, agencyId: number) {
  const [offices, villages, users] = await Promise.all([
    listOffices(c.get('deps').db, agencyId),
    listVillages(c.get('deps').db, agencyId),
    listUsers(c.get('deps').db, agencyId),
  ]);
  return {
    units: [
      { value: 'agency:0', label: '本机关（整体）' },
      ...offices.map((o) => ({ value: `office:${o.id}`, label: `站办所：${o.name}` })),
      ...villages.map((v) => ({ value: `village:${v.id}`, label: `村：${v.name}` })),
    ],
    users: users.filter((u) => u.isActive).map((u) => ({ value: String(u.id), label: u.displayName })),
    villages: villages.map((v) => ({ value: String(v.id), label: v.name })),
  };
}

async function newPage(c: C, agencyId: number, form: FormState, status = 200) {
  const { units, users, villages } = await unitOptions(c, agencyId);
  return officePage(
    c,
    '登记问题',
    <NewProblemView
      agencyId={agencyId}
      csrf={c.get('csrf')}
      form={form}
      units={units}
      users={users}
      villages={villages}
    />,
    status,
  );
}

/** The unit's kind and id come from one picker (`unit`, "kind:id"): their errors are the picker's. */
function unitErrorsOnPicker(form: FormState): FormState {
  const { unitKind, unitId, ...rest } = form.errors;
  const unit = rest.unit ?? unitKind ?? unitId;
  return { ...form, errors: unit ? { ...rest, unit } : rest };
}

function problemInputOf(f: Record<string, string | string[]>) {
  const [kind, id] = str(f.unit).split(':');
  return {
    unitKind: kind || undefined,
    unitId: kind === 'agency' ? null : id ? Number(id) : null,
    responsibleUserId: str(f.responsibleUserId) ? Number(str(f.responsibleUserId)) : null,
    responsibleName: str(f.responsibleName),
    title: str(f.title),
    description: str(f.description),
    deadline: str(f.deadline) || null,
    link: str(f.link) || null,
    villageId: str(f.villageId) ? Number(str(f.villageId)) : null,
  };
}

async function detailPage(c: C, id: number, forms: Record<string, FormState> = {}, status = 200) {
  const d = await problemPage(c.get('ctx'), id);
  return officePage(
    c,
    d.problem.title,
    <ProblemDetailView d={d} csrf={c.get('csrf')} forms={forms} />,
    status,
  );
}

export function problemRoutes(app: App): void {
  app.get(P, (c) => listPage(c));

  app.get(`${P}/new`, async (c) => {
    const agencyId = agencyOf(c);
    const scope = await agencyScope(c.get('deps').db, agencyId);
    assertCan(supervisionPolicy.inspect(c.get('ctx').actor, scope), {
      hide: !supervisionPolicy.read(c.get('ctx').actor, scope),
    });
    return newPage(c, agencyId, emptyForm());
  });

  app.post(`${P}/new`, async (c) => {
    const agencyId = agencyOf(c);
    const body = await c.req.parseBody({ all: true });
    const f = fieldsOf(body);
    try {
      const input = parseInput(ProblemInput, problemInputOf(f));
      const p = await recordProblem(c.get('ctx'), agencyId, input, await photosOf(body, 'photos'));
      return redirectWithFlash(c, `${P}/${p.id}`, `已登记问题 ${p.reference}，已通知责任人`);
    } catch (e) {
      return newPage(c, agencyId, unitErrorsOnPicker(formOf(e, f)), 400);
    }
  });

  app.get(`${P}/:id{[0-9]+}`, (c) => detailPage(c, Number(c.req.param('id'))));

  app.get(`${P}/:id{[0-9]+}/evidence/:eid{[0-9]+}`, async (c) => {
    const id = Number(c.req.param('id'));
    const { problem, scope } = await loadProblem(c.get('deps').db, id);
    assertCan(supervisionPolicy.readProblem(c.get('ctx').actor, scope, problem), { hide: true });
    const ph = await getPhoto(c.get('deps').db, id, Number(c.req.param('eid')));
    if (!ph) throw new NotFoundError();
    return new Response(new Uint8Array(ph.bytes), {
      headers: {
        'Content-Type': ph.mime,
        'Cache-Control': 'private, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });

  app.post(`${P}/:id{[0-9]+}/rectify`, async (c) => {
    const id = Number(c.req.param('id'));
    const body = await c.req.parseBody({ all: true });
    const f = fieldsOf(body);
    try {
      const input = { version: Number(str(f.version)), note: str(f.note), link: str(f.link) };
      await rectifyProblem(c.get('ctx'), id, input, await photosOf(body, 'photos'));
      return redirectWithFlash(c, `${P}/${id}`, '已提交整改，等待复核销号');
    } catch (e) {
      return detailPage(c, id, { rectify: formOf(e, f) }, 400);
    }
  });

  app.post(`${P}/:id{[0-9]+}/close-out`, async (c) => {
    const id = Number(c.req.param('id'));
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      const input = { version: Number(str(f.version)), decision: str(f.decision), note: str(f.note) };
      const p = await closeOutProblem(c.get('ctx'), id, input);
      return redirectWithFlash(
        c,
        `${P}/${id}`,
        p.status === 'closed' ? '已销号，已安排回头看' : '已退回重新整改',
      );
    } catch (e) {
      return detailPage(c, id, { close: formOf(e, f) }, 400);
    }
  });

  app.post(`${P}/:id{[0-9]+}/follow-ups/:fid{[0-9]+}`, async (c) => {
    const id = Number(c.req.param('id'));
    const fid = Number(c.req.param('fid'));
    const body = await c.req.parseBody({ all: true });
    const f = fieldsOf(body);
    try {
      const input = parseInput(FollowUpInput, { result: str(f.result) || undefined, note: str(f.note) });
      const p = await recordFollowUp(c.get('ctx'), fid, input, await photosOf(body, 'photos'));
      return redirectWithFlash(
        c,
        `${P}/${id}`,
        p.status === 'open' ? '回头看发现问题复发，已重新交办整改' : '已记录回头看：未复发',
      );
    } catch (e) {
      return detailPage(c, id, { [`fu${fid}`]: formOf(e, f) }, 400);
    }
  });

  app.post(`${P}/:id{[0-9]+}/supervise`, async (c) => {
    const id = Number(c.req.param('id'));
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      await issueSupervision(c.get('ctx'), id, { demand: str(f.demand), answerBy: str(f.answerBy) });
      return redirectWithFlash(c, `${P}/${id}`, '已发出督办，已通知乡镇');
    } catch (e) {
      return detailPage(c, id, { supervise: formOf(e, f) }, 400);
    }
  });

  app.post(`${P}/:id{[0-9]+}/supervisions/:sid{[0-9]+}/answer`, async (c) => {
    const id = Number(c.req.param('id'));
    const sid = Number(c.req.param('sid'));
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      await answerSupervision(c.get('ctx'), sid, parseInput(AnswerInput, { answer: str(f.answer) }));
      return redirectWithFlash(c, `${P}/${id}`, '已答复督办');
    } catch (e) {
      return detailPage(c, id, { [`ans${sid}`]: formOf(e, f) }, 400);
    }
  });
}
