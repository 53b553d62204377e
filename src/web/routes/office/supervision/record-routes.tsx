/**
 * 业务培训, 社会评议 (office side and the public questionnaire), 考核 and 责任追究 pages. Thin routes.
 */
import qrcode from 'qrcode-generator';
import type { App, C } from '../../../app-env.ts';
import { currentUser, officePage } from '../../../office-page.tsx';
import { publicPage } from '../../../public-page.tsx';
import {
  Checkboxes,
  Csrf,
  Field,
  FormError,
  Select,
  Submit,
  TextArea,
  emptyForm,
  type FormState,
} from '../../../views/forms.tsx';
import { list, str } from '../../../form.ts';
import { redirectWithFlash } from '../../../render.tsx';
import { assertCan, NotFoundError, parseInput } from '../../../../errors.ts';
import { agencyScope, listOffices, listUsers, listVillages } from '../../../../org/org.queries.ts';
import { supervisionPolicy } from '../../../../supervision/supervision.policy.ts';
import {
  TRAINING_LEVEL_LABELS,
  TRAINING_MODE_LABELS,
  TrainingInput,
  attendanceByPerson,
  listTrainings,
  recordTraining,
} from '../../../../supervision/trainings.ts';
import {
  DEFAULT_ITEMS,
  GROUPS,
  GROUP_LABELS,
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
  AUTO_ITEMS,
  AccountabilityInput,
  FORMULA,
  MANUAL_POINTS,
  computeAssessment,
  finaliseAssessment,
  findAssessment,
  listAccountability,
  recordAccountability,
  type ManualItem,
} from '../../../../supervision/assessment.ts';
import { AgencyPicker, BASE, agencyChoices, agencyOf, fieldsOf, formOf } from './shared.tsx';

const T = `${BASE}/trainings`;
const E = `${BASE}/evaluations`;
const A = `${BASE}/assessment`;
const yearOf = (c: C) => Number(str(c.req.query('year')) || c.var.ctx.clock.today().slice(0, 4));

// ---------- trainings ----------

async function trainingsPage(c: C, form: FormState, status = 200) {
  const db = c.var.deps.db;
  const agencyId = agencyOf(c);
  const scope = await agencyScope(db, agencyId);
  assertCan(supervisionPolicy.read(c.var.ctx.actor, scope), { hide: true });
  const year = yearOf(c);
  const ts = await listTrainings(db, agencyId, year);
  const users = (await listUsers(db, agencyId)).filter((u) => u.isActive);
  const manage = supervisionPolicy.manage(c.var.ctx.actor, scope);
  const per = attendanceByPerson(ts);
  return officePage(
    c,
    '业务培训',
    <>
      <h1>{year}年业务培训</h1>
      <AgencyPicker choices={await agencyChoices(c)} current={agencyId} action={T} />
      <p>
        上级业务培训 {ts.filter((t) => t.level === 'superior').length} 次，本级业务培训{' '}
        {ts.filter((t) => t.level === 'township').length} 次。
      </p>
      {ts.length ? (
        <table class="data" id="trainings">
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">级别</th>
              <th scope="col">主题</th>
              <th scope="col">授课人/举办单位</th>
              <th scope="col">参训人员</th>
              <th scope="col">材料</th>
            </tr>
          </thead>
          <tbody>
            {ts.map((t) => (
              <tr>
                <td>{t.heldOn}</td>
                <td>
                  {TRAINING_LEVEL_LABELS[t.level]}（{TRAINING_MODE_LABELS[t.mode]}）
                </td>
                <td>{t.topic}</td>
                <td>{t.trainer}</td>
                <td>{[...t.attendees.map((a) => a.name), ...t.others].join('、')}</td>
                <td>{t.materials}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">本年度暂无培训记录</p>
      )}
      {per.length ? (
        <>
          <h2>参训情况（按姓名）</h2>
          <table class="data">
            <tbody>
              {per.map((p) => (
                <tr>
                  <td>{p.name}</td>
                  <td>参加{p.count}次</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {manage ? (
        <section>
          <h2>登记培训</h2>
          <form method="post" action={T} novalidate>
            <Csrf token={c.var.csrf} />
            <FormError form={form} />
            <Select
              form={form}
              name="level"
              label="级别"
              required
              options={Object.entries(TRAINING_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
              blank="请选择"
            />
            <Select
              form={form}
              name="mode"
              label="方式"
              required
              options={Object.entries(TRAINING_MODE_LABELS).map(([value, label]) => ({ value, label }))}
              blank="请选择"
            />
            <Field form={form} name="heldOn" label="日期" type="date" required />
            <Field form={form} name="topic" label="主题" required />
            <Field form={form} name="trainer" label="授课人或举办单位" required />
            <Checkboxes
              form={form}
              name="attendeeIds"
              legend="参训人员（系统用户）"
              options={users.map((u) => ({ value: String(u.id), label: u.displayName }))}
            />
            <TextArea form={form} name="others" label="其他参训人员（每行一人）" rows={3} />
            <TextArea form={form} name="materials" label="培训材料" rows={2} hint="材料名称或链接" />
            <Submit>登记</Submit>
          </form>
        </section>
      ) : null}
    </>,
    status,
  );
}

// ---------- evaluations ----------

const publicUrl = (c: C, q: Questionnaire) => `${new URL(c.req.url).origin}/evaluate/${q.token}`;

async function evaluationsPage(c: C, form: FormState, status = 200) {
  const db = c.var.deps.db;
  const agencyId = agencyOf(c);
  const scope = await agencyScope(db, agencyId);
  assertCan(supervisionPolicy.read(c.var.ctx.actor, scope), { hide: true });
  const qs = await listQuestionnaires(db, agencyId);
  const manage = supervisionPolicy.manage(c.var.ctx.actor, scope);
  const f = {
    ...form,
    values: {
      year: c.var.ctx.clock.today().slice(0, 4),
      title: `${c.var.ctx.clock.today().slice(0, 4)}年度政务公开工作社会评议`,
      items: DEFAULT_ITEMS.join('\n'),
      ...form.values,
    },
  };
  return officePage(
    c,
    '社会评议',
    <>
      <h1>社会评议</h1>
      <AgencyPicker choices={await agencyChoices(c)} current={agencyId} action={E} />
      {qs.length ? (
        <ul id="questionnaires">
          {qs.map((q) => (
            <li>
              <a href={`${E}/${q.id}`}>{q.title}</a>（{q.year}年{q.isOpen ? '' : '，已结束'}）
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">暂无评议问卷</p>
      )}
      {manage ? (
        <section>
          <h2>新建问卷</h2>
          <form method="post" action={E} novalidate>
            <Csrf token={c.var.csrf} />
            <FormError form={f} />
            <Field form={f} name="year" label="年度" required />
            <Field form={f} name="title" label="标题" required />
            <TextArea form={f} name="items" label="评议项目（每行一项，每项按1—5分评价）" required rows={6} />
            <Submit>新建</Submit>
          </form>
        </section>
      ) : null}
    </>,
    status,
  );
}

function ResponseFields({ form, q }: { form: FormState; q: Questionnaire }) {
  return (
    <>
      <Select
        form={form}
        name="group"
        label="评议人身份"
        required
        options={GROUPS.map((g) => ({ value: g, label: GROUP_LABELS[g] }))}
        blank="请选择"
      />
      <Field form={form} name="name" label="姓名（可不填，匿名评议）" />
      {q.items.map((it, i) => (
        <fieldset class={form.errors.scores ? 'field has-error' : 'field'}>
          <legend>
            {i + 1}. {it}
          </legend>
          {[5, 4, 3, 2, 1].map((s) => (
            <label class="check">
              <input
                type="radio"
                name={`score-${i}`}
                value={String(s)}
                checked={str(form.values[`score-${i}`]) === String(s)}
              />{' '}
              {s}分
            </label>
          ))}
        </fieldset>
      ))}
      {form.errors.scores ? <p class="error">{form.errors.scores}</p> : null}
      <TextArea
        form={form}
        name="comment"
        label="意见建议"
        rows={4}
        hint="请勿填写身份证号、电话等个人信息"
      />
    </>
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
  const db = c.var.deps.db;
  const q = await getQuestionnaire(db, id);
  if (!q) throw new NotFoundError();
  const scope = await agencyScope(db, q.agencyId);
  assertCan(supervisionPolicy.read(c.var.ctx.actor, scope), { hide: true });
  const raw = supervisionPolicy.readRawComments(c.var.ctx.actor, scope);
  const r = await evaluationResults(db, q, raw);
  const manage = supervisionPolicy.manage(c.var.ctx.actor, scope);
  return officePage(
    c,
    q.title,
    <>
      <p>
        <a href={`${E}?agency=${q.agencyId}`}>← 社会评议</a>
      </p>
      <h1>{q.title}</h1>
      <p>
        线上评议地址：<a href={publicUrl(c, q)}>{publicUrl(c, q)}</a>
      </p>
      <img src={`${E}/${q.id}/qr.svg`} alt="评议二维码" width="160" height="160" />
      <h2>评议结果（共{r.responses}份）</h2>
      <table class="data" id="results">
        <thead>
          <tr>
            <th scope="col">评议项目</th>
            {r.byGroup.map((g) => (
              <th scope="col">
                {g.label}（{g.responses}份）
              </th>
            ))}
            <th scope="col">全部</th>
          </tr>
        </thead>
        <tbody>
          {q.items.map((it, i) => (
            <tr>
              <th scope="row">{it}</th>
              {r.byGroup.map((g) => (
                <td>{g.averages[i] ?? '—'}</td>
              ))}
              <td>{r.overall[i] ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>平均分：{r.average ?? '—'}（满分5分）</p>
      <h2>意见建议</h2>
      {!raw ? <p class="muted">已屏蔽个人信息</p> : null}
      <ul id="comments">
        {r.comments.map((x) => (
          <li>
            {x.group}（{x.channel}）：{x.text}
          </li>
        ))}
      </ul>
      {manage ? (
        <section>
          <h2>录入纸质问卷</h2>
          <form method="post" action={`${E}/${q.id}/paper`} novalidate>
            <Csrf token={c.var.csrf} />
            <FormError form={form} />
            <ResponseFields form={form} q={q} />
            <Submit>录入</Submit>
          </form>
        </section>
      ) : null}
    </>,
    status,
  );
}

async function publicForm(c: C, q: Questionnaire, form: FormState, status = 200, done = false) {
  return publicPage(
    c,
    q.title,
    <>
      <h1>{q.title}</h1>
      {done ? (
        <p class="flash" role="status">
          提交成功，感谢您的评议！
        </p>
      ) : !q.isOpen ? (
        <p>该评议已结束。</p>
      ) : (
        <form method="post" action={`/evaluate/${q.token}`} novalidate>
          <Csrf token={c.var.csrf} />
          <FormError form={form} />
          <ResponseFields form={form} q={q} />
          <Submit>提交评议</Submit>
        </form>
      )}
    </>,
    status,
  );
}

// ---------- assessment and 责任追究 ----------

async function assessmentPage(c: C, forms: Record<string, FormState> = {}, status = 200) {
  const db = c.var.deps.db;
  const agencyId = agencyOf(c);
  const scope = await agencyScope(db, agencyId);
  assertCan(supervisionPolicy.read(c.var.ctx.actor, scope), { hide: true });
  const year = yearOf(c);
  const a = await findAssessment(db, agencyId, year);
  const acc = await listAccountability(db, agencyId, year);
  const manage = supervisionPolicy.manage(c.var.ctx.actor, scope);
  const manualText = (a?.manual ?? [{ label: '社会评议和日常工作', max: MANUAL_POINTS, scores: {} }])
    .map((m) => `${m.label} ${m.max}`)
    .join('\n');
  const mf = forms.compute ?? emptyForm({ manual: manualText });
  const af = forms.acc ?? emptyForm();
  return officePage(
    c,
    '考核与责任追究',
    <>
      <h1>{year}年度考核与责任追究</h1>
      <AgencyPicker choices={await agencyChoices(c)} current={agencyId} action={A} />
      <p class="hint" id="formula">
        计分方法：{FORMULA}
      </p>
      {a ? (
        <>
          <p>{a.status === 'final' ? '考核结果已确定' : '考核得分（未确定）'}</p>
          <div class="table-scroll" tabindex={0}>
            <table class="data" id="assessment">
              <thead>
                <tr>
                  <th scope="col">单位</th>
                  {AUTO_ITEMS.map((i) => (
                    <th scope="col">
                      {i.label}（权重{i.weight}）
                    </th>
                  ))}
                  <th scope="col">记录得分</th>
                  <th scope="col">人工评分</th>
                  <th scope="col">总分</th>
                </tr>
              </thead>
              <tbody>
                {a.results.map((u) => (
                  <tr>
                    <th scope="row">{u.unitName}</th>
                    {u.items.map((i) => (
                      <td>{i.rate == null ? '无记录' : `${i.numerator}/${i.denominator}`}</td>
                    ))}
                    <td>{u.auto}</td>
                    <td>{u.manual}</td>
                    <td>
                      <strong>{u.total}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p class="empty">本年度尚未计算考核得分</p>
      )}
      {manage && a?.status !== 'final' ? (
        <section>
          <h2>计算考核得分</h2>
          <form method="post" action={`${A}/compute?year=${year}`} novalidate>
            <Csrf token={c.var.csrf} />
            <FormError form={mf} />
            <TextArea
              form={mf}
              name="manual"
              label={`人工评分项（每行“名称 满分”，合计不超过${MANUAL_POINTS}分）`}
              rows={3}
            />
            <TextArea
              form={mf}
              name="manualScores"
              label="人工评分（每行“单位名称 项目名称 得分”，未填为0分）"
              rows={6}
            />
            <Submit>计算</Submit>
          </form>
          {a ? (
            <form method="post" action={`${A}/finalise?year=${year}`}>
              <Csrf token={c.var.csrf} />
              <button type="submit">确定考核结果</button>
            </form>
          ) : null}
        </section>
      ) : null}
      <h2>责任追究</h2>
      {acc.length ? (
        <table class="data" id="accountability">
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">对象</th>
              <th scope="col">事由</th>
              <th scope="col">依据</th>
              <th scope="col">处理</th>
            </tr>
          </thead>
          <tbody>
            {acc.map((x) => (
              <tr>
                <td>{x.decidedOn}</td>
                <td>{x.person}</td>
                <td>{x.matter}</td>
                <td>{x.basis}</td>
                <td>{x.measure}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">本年度无责任追究</p>
      )}
      {manage ? (
        <form method="post" action={`${A}/accountability?year=${year}`} novalidate>
          <Csrf token={c.var.csrf} />
          <FormError form={af} />
          <Field form={af} name="decidedOn" label="决定日期" type="date" required />
          <Field form={af} name="person" label="被追责人或单位" required />
          <TextArea form={af} name="matter" label="事由" required rows={2} />
          <Field form={af} name="basis" label="依据" required hint="如：《条例》第五十三条" />
          <Field form={af} name="measure" label="处理措施" required />
          <Submit>登记责任追究</Submit>
        </form>
      ) : null}
    </>,
    status,
  );
}

function manualOf(f: Record<string, string | string[]>, unitKeys: Map<string, string>): ManualItem[] {
  const items: ManualItem[] = str(f.manual)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(.+?)\s+(\d+(?:\.\d+)?)$/.exec(l);
      return { label: m ? m[1]! : l, max: m ? Number(m[2]) : 0, scores: {} };
    });
  for (const l of str(f.manualScores)
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const m = /^(\S+)\s+(.+?)\s+(\d+(?:\.\d+)?)$/.exec(l);
    const key = m ? unitKeys.get(m[1]!) : undefined;
    const item = m ? items.find((i) => i.label === m[2]) : undefined;
    if (!m || !key || !item) throw new Error(`无法识别的人工评分：${l}`);
    item.scores[key] = Number(m[3]);
  }
  return items;
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
        others: str(f.others)
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean),
      });
      await recordTraining(c.var.ctx, currentUser(c).agencyId, input);
      return redirectWithFlash(c, `${T}?year=${input.heldOn.slice(0, 4)}`, '培训已登记');
    } catch (e) {
      return trainingsPage(c, formOf(e, f), 400);
    }
  });

  app.get(E, (c) => evaluationsPage(c, emptyForm()));
  app.post(E, async (c) => {
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      const q = await createQuestionnaire(
        c.var.ctx,
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
    const q = await getQuestionnaire(c.var.deps.db, Number(c.req.param('id')));
    if (!q) throw new NotFoundError();
    assertCan(supervisionPolicy.read(c.var.ctx.actor, await agencyScope(c.var.deps.db, q.agencyId)), {
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
      const q = await getQuestionnaire(c.var.deps.db, id);
      if (!q) throw new NotFoundError();
      await enterPaperResponse(c.var.ctx, id, parseInput(ResponseInput, responseOf(f, q)));
      return redirectWithFlash(c, `${E}/${id}`, '纸质问卷已录入');
    } catch (e) {
      return questionnairePage(c, id, formOf(e, f), 400);
    }
  });

  app.get('/evaluate/:token', async (c) => {
    const q = await questionnaireByToken(c.var.deps.db, c.req.param('token'));
    if (!q) throw new NotFoundError('未找到该评议问卷');
    return publicForm(c, q, emptyForm());
  });
  app.post('/evaluate/:token', async (c) => {
    const q = await questionnaireByToken(c.var.deps.db, c.req.param('token'));
    if (!q) throw new NotFoundError('未找到该评议问卷');
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      await submitOnline(
        c.var.deps.db,
        c.var.ctx.clock,
        q.token,
        c.var.ctx.meta.ip,
        parseInput(ResponseInput, responseOf(f, q)),
      );
      return publicForm(c, q, emptyForm(), 200, true);
    } catch (e) {
      return publicForm(c, q, formOf(e, f), (e as { code?: string }).code === 'rate_limited' ? 429 : 400);
    }
  });

  app.get(A, (c) => assessmentPage(c));
  app.post(`${A}/compute`, async (c) => {
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    const user = currentUser(c);
    try {
      const db = c.var.deps.db;
      const units = new Map<string, string>();
      for (const o of await listOffices(db, user.agencyId)) units.set(o.name, `office:${o.id}`);
      for (const v of await listVillages(db, user.agencyId)) units.set(v.name, `village:${v.id}`);
      let manual: ManualItem[];
      try {
        manual = manualOf(f, units);
      } catch (e) {
        return assessmentPage(
          c,
          {
            compute: {
              values: f,
              errors: { manualScores: (e as Error).message },
              message: (e as Error).message,
            },
          },
          400,
        );
      }
      await computeAssessment(c.var.ctx, user.agencyId, yearOf(c), manual);
      return redirectWithFlash(c, `${A}?year=${yearOf(c)}`, '考核得分已计算');
    } catch (e) {
      return assessmentPage(c, { compute: formOf(e, f) }, 400);
    }
  });
  app.post(`${A}/finalise`, async (c) => {
    await finaliseAssessment(c.var.ctx, currentUser(c).agencyId, yearOf(c));
    return redirectWithFlash(c, `${A}?year=${yearOf(c)}`, '考核结果已确定');
  });
  app.post(`${A}/accountability`, async (c) => {
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      await recordAccountability(
        c.var.ctx,
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
