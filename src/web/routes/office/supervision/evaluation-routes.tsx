/** 社会评议: the office's questionnaires and results, paper entry, the QR code, and the public questionnaire. */
import qrcode from 'qrcode-generator';
import type { App, C } from '../../../app-env.ts';
import { currentUser, officePage } from '../../../office-page.tsx';
import { publicPage } from '../../../public-page.tsx';
import { emptyForm, type FormState } from '../../../views/forms.tsx';
import { str } from '../../../form.ts';
import { redirectWithFlash } from '../../../render.tsx';
import { assertCan, NotFoundError, parseInput } from '../../../../errors.ts';
import { agencyScope } from '../../../../org/org.queries.ts';
import { supervisionPolicy } from '../../../../supervision/supervision.policy.ts';
import {
  DEFAULT_ITEMS,
  QuestionnaireInput,
  ResponseInput,
  createQuestionnaire,
  enterPaperResponse,
  evaluationResults,
  getQuestionnaire,
  listQuestionnaires,
  questionnaireByToken,
  submitOnline,
  type Questionnaire,
} from '../../../../supervision/evaluations.ts';
import {
  EVALUATIONS as E,
  EvaluationsView,
  PublicQuestionnaireView,
  QuestionnaireView,
} from '../../../views/supervision/evaluation-views.tsx';
import { agencyChoices, agencyOf, fieldsOf, formOf } from './shared.tsx';

/** The questionnaire's link as citizens get it: the portal's public address, not the one the clerk used. */
const publicUrl = (c: C, q: Questionnaire) => `${c.get('deps').config.publicUrl}/evaluate/${q.token}`;

async function evaluationsPage(c: C, form: FormState, status = 200) {
  const db = c.get('deps').db;
  const agencyId = agencyOf(c);
  const scope = await agencyScope(db, agencyId);
  assertCan(supervisionPolicy.read(c.get('ctx').actor, scope), { hide: true });
  const year = c.get('ctx').clock.today().slice(0, 4);
  const [questionnaires, choices] = await Promise.all([listQuestionnaires(db, agencyId), agencyChoices(c)]);
  const values = {
    year,
    title: `${year}年度政务公开工作社会评议`,
    items: DEFAULT_ITEMS.join('\n'),
    ...form.values,
  };
  return officePage(
    c,
    '社会评议',
    <EvaluationsView
      agencyId={agencyId}
      questionnaires={questionnaires}
      manage={supervisionPolicy.manage(c.get('ctx').actor, scope)}
      choices={choices}
      csrf={c.get('csrf')}
      form={{ ...form, values }}
    />,
    status,
  );
}

function responseOf(f: Record<string, string | string[]>, q: Questionnaire) {
  return {
    group: str(f.group) || undefined,
    name: str(f.name),
    scores: q.items.map((_, i) => Number(str(f[`score-${i}`]) || 0)),
    comment: str(f.comment),
  };
}

async function questionnairePage(c: C, id: number, form: FormState, status = 200) {
  const db = c.get('deps').db;
  const q = await getQuestionnaire(db, id);
  if (!q) throw new NotFoundError();
  const scope = await agencyScope(db, q.agencyId);
  assertCan(supervisionPolicy.read(c.get('ctx').actor, scope), { hide: true });
  const raw = supervisionPolicy.readRawComments(c.get('ctx').actor, scope);
  return officePage(
    c,
    q.title,
    <QuestionnaireView
      q={q}
      results={await evaluationResults(db, q, raw)}
      raw={raw}
      manage={supervisionPolicy.manage(c.get('ctx').actor, scope)}
      publicUrl={publicUrl(c, q)}
      csrf={c.get('csrf')}
      form={form}
    />,
    status,
  );
}

const publicForm = (c: C, q: Questionnaire, form: FormState, status = 200, done = false) =>
  publicPage(
    c,
    q.title,
    <PublicQuestionnaireView q={q} csrf={c.get('csrf')} form={form} done={done} />,
    status,
  );

export function evaluationRoutes(app: App): void {
  app.get(E, (c) => evaluationsPage(c, emptyForm()));
  app.post(E, async (c) => {
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      const q = await createQuestionnaire(
        c.get('ctx'),
        currentUser(c).agencyId,
        parseInput(QuestionnaireInput, {
          year: Number(str(f.year)),
          title: str(f.title),
          items: str(f.items)
            .split('\n')
            .map((x) => x.trim())
            .filter(Boolean),
        }),
      );
      return redirectWithFlash(c, `${E}/${q.id}`, '问卷已新建，可将链接或二维码发给评议人');
    } catch (e) {
      return evaluationsPage(c, formOf(e, f), 400);
    }
  });
  app.get(`${E}/:id{[0-9]+}`, (c) => questionnairePage(c, Number(c.req.param('id')), emptyForm()));
  app.get(`${E}/:id{[0-9]+}/qr.svg`, async (c) => {
    const q = await getQuestionnaire(c.get('deps').db, Number(c.req.param('id')));
    if (!q) throw new NotFoundError();
    assertCan(supervisionPolicy.read(c.get('ctx').actor, await agencyScope(c.get('deps').db, q.agencyId)), {
      hide: true,
    });
    const qr = qrcode(0, 'M');
    qr.addData(publicUrl(c, q));
    qr.make();
    return new Response(qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true }), {
      headers: { 'Content-Type': 'image/svg+xml' },
    });
  });
  app.post(`${E}/:id{[0-9]+}/paper`, async (c) => {
    const id = Number(c.req.param('id'));
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      const q = await getQuestionnaire(c.get('deps').db, id);
      if (!q) throw new NotFoundError();
      await enterPaperResponse(c.get('ctx'), id, parseInput(ResponseInput, responseOf(f, q)));
      return redirectWithFlash(c, `${E}/${id}`, '纸质问卷已录入');
    } catch (e) {
      return questionnairePage(c, id, formOf(e, f), 400);
    }
  });

  app.get('/evaluate/:token', async (c) => {
    const q = await questionnaireByToken(c.get('deps').db, c.req.param('token'));
    if (!q) throw new NotFoundError('未找到该评议问卷');
    return publicForm(c, q, emptyForm());
  });
  app.post('/evaluate/:token', async (c) => {
    const q = await questionnaireByToken(c.get('deps').db, c.req.param('token'));
    if (!q) throw new NotFoundError('未找到该评议问卷');
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      await submitOnline(
        c.get('deps').db,
        c.get('ctx').clock,
        q.token,
        c.get('ctx').meta.ip,
        parseInput(ResponseInput, responseOf(f, q)),
      );
      return publicForm(c, q, emptyForm(), 200, true);
    } catch (e) {
      return publicForm(c, q, formOf(e, f), (e as { code?: string }).code === 'rate_limited' ? 429 : 400);
    }
  });
}
