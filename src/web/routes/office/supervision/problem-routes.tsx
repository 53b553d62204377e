/** The problem ledger's pages: list, record, detail (rectify, 销号, 回头看, 督办 and its answer), photos. Thin routes. */
import type { App, C } from '../../../app-env.ts';
import { officePage } from '../../../office-page.tsx';
import {
  Csrf,
  Field,
  FormError,
  Select,
  Submit,
  TextArea,
  emptyForm,
  type FormState,
} from '../../../views/forms.tsx';
import { str } from '../../../form.ts';
import { redirectWithFlash } from '../../../render.tsx';
import { assertCan, NotFoundError, parseInput } from '../../../../errors.ts';
import { agencyScope, listOffices, listUsers, listVillages } from '../../../../org/org.queries.ts';
import { supervisionPolicy } from '../../../../supervision/supervision.policy.ts';
import {
  actorHasCountyPermission,
  listProblems,
  loadProblem,
  pendingFollowUpCounts,
  waitingSupervisionIds,
  type LedgerQuery,
  type Problem,
} from '../../../../supervision/supervision.queries.ts';
import {
  SOURCE_LABELS,
  UNIT_KIND_LABELS,
  isOverdue,
  statusLabel,
  waitingFor,
} from '../../../../supervision/problem.ts';
import { ProblemInput, recordProblem } from '../../../../supervision/record-problem.ts';
import { RectifyInput, rectifyProblem } from '../../../../supervision/rectify-problem.ts';
import { CloseOutInput, closeOutProblem } from '../../../../supervision/close-out-problem.ts';
import { FOLLOW_UP_STATUS_LABELS } from '../../../../supervision/problem.ts';
import { FollowUpInput, listFollowUps, recordFollowUp } from '../../../../supervision/follow-up.ts';
import {
  AnswerInput,
  SuperviseInput,
  answerSupervision,
  issueSupervision,
  listSupervisions,
} from '../../../../supervision/supervise-problem.ts';
import { getPhoto, listEvidence, STAGE_LABELS } from '../../../../supervision/evidence.ts';
import {
  AgencyPicker,
  BASE,
  agencyChoices,
  agencyOf,
  beijing,
  fieldsOf,
  formOf,
  photosOf,
} from './shared.tsx';
import { SUPERVISION_AUDIT_LABELS } from '../../../../supervision/supervision-audit.ts';

const P = `${BASE}/problems`;

function StatusBadge({
  p,
  today,
  pending,
  waiting,
}: {
  p: Problem;
  today: string;
  pending: number;
  waiting: boolean;
}) {
  const label = statusLabel(
    {
      status: p.status,
      deadline: p.deadline,
      isRecurring: p.isRecurring,
      pendingFollowUps: pending,
      supervisionWaiting: waiting,
    },
    today,
  );
  const cls = isOverdue(p, today) ? 'badge err' : p.status === 'closed' ? 'badge ok' : 'badge warn';
  return (
    <>
      <span class={cls}>{label}</span>
      {p.isRecurring ? <span class="badge err">复发</span> : null}
      {waiting ? <span class="badge err">县级督办待答复</span> : null}
    </>
  );
}

const STATUS_FILTERS: { value: string; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'open', label: '待整改' },
  { value: 'overdue', label: '整改逾期' },
  { value: 'rectified', label: '已整改待销号' },
  { value: 'closed', label: '已销号' },
  { value: 'recurring', label: '复发' },
];

async function ledgerPage(c: C) {
  const agencyId = agencyOf(c);
  const scope = await agencyScope(c.var.deps.db, agencyId);
  assertCan(supervisionPolicy.read(c.var.ctx.actor, scope), { hide: true });
  const today = c.var.ctx.clock.today();
  const status = str(c.req.query('status')) as LedgerQuery['status'] | '';
  const problems = await listProblems(c.var.deps.db, agencyId, { status: status || undefined }, today);
  const ids = problems.map((p) => p.id);
  const [pending, waiting, choices] = await Promise.all([
    pendingFollowUpCounts(c.var.deps.db, ids),
    waitingSupervisionIds(c.var.deps.db, ids),
    agencyChoices(c),
  ]);
  const canRecord = supervisionPolicy.inspect(
    c.var.ctx.actor,
    scope,
    await actorHasCountyPermission(c.var.ctx),
  );
  const q = (s: string) => `${P}?agency=${agencyId}${s ? `&status=${s}` : ''}`;
  return officePage(
    c,
    '整改台账',
    <>
      <h1>整改台账</h1>
      <AgencyPicker choices={choices} current={agencyId} action={P} />
      <p class="filters">
        {STATUS_FILTERS.map((f) => (
          <a href={q(f.value)} aria-current={(status || '') === f.value ? 'page' : undefined} class="button">
            {f.label}
          </a>
        ))}
        {canRecord ? (
          <a class="button primary" href={`${P}/new?agency=${agencyId}`}>
            登记问题
          </a>
        ) : null}
      </p>
      {problems.length === 0 ? (
        <p class="empty">暂无问题</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table class="data" id="ledger">
            <thead>
              <tr>
                <th scope="col">编号</th>
                <th scope="col">问题</th>
                <th scope="col">责任单位</th>
                <th scope="col">责任人</th>
                <th scope="col">来源</th>
                <th scope="col">发现日期</th>
                <th scope="col">整改期限</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p) => (
                <tr data-id={String(p.id)}>
                  <td>{p.reference}</td>
                  <td>
                    <a href={`${P}/${p.id}`}>{p.title}</a>
                  </td>
                  <td>{p.unitName}</td>
                  <td>{p.responsibleName}</td>
                  <td>{SOURCE_LABELS[p.source]}</td>
                  <td>{p.foundOn}</td>
                  <td>{p.deadline}</td>
                  <td>
                    <StatusBadge
                      p={p}
                      today={today}
                      pending={pending.get(p.id) ?? 0}
                      waiting={waiting.has(p.id)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
}

async function unitOptions(c: C, agencyId: number) {
  const [offices, villages, users] = await Promise.all([
    listOffices(c.var.deps.db, agencyId),
    listVillages(c.var.deps.db, agencyId),
    listUsers(c.var.deps.db, agencyId),
  ]);
  return {
    units: [
      { value: 'agency:0', label: '本机关（整体）' },
      ...offices.map((o) => ({ value: `office:${o.id}`, label: `站办所：${o.name}` })),
      ...villages.map((v) => ({ value: `village:${v.id}`, label: `村：${v.name}` })),
    ],
    users: users.filter((u) => u.isActive).map((u) => ({ value: String(u.id), label: u.displayName })),
  };
}

async function newPage(c: C, agencyId: number, form: FormState, status = 200) {
  const { units, users } = await unitOptions(c, agencyId);
  return officePage(
    c,
    '登记问题',
    <>
      <h1>登记问题</h1>
      <form method="post" action={`${P}/new?agency=${agencyId}`} enctype="multipart/form-data" novalidate>
        <Csrf token={c.var.csrf} />
        <FormError form={form} />
        <Field form={form} name="title" label="问题" required />
        <TextArea form={form} name="description" label="问题说明" rows={4} />
        <Select form={form} name="unit" label="责任单位" required options={units} blank="请选择" />
        <Select
          form={form}
          name="responsibleUserId"
          label="责任人（系统用户）"
          options={users}
          blank="（不指定，由单位负责人整改）"
        />
        <Field form={form} name="responsibleName" label="责任人（非系统用户时填写姓名）" />
        <Field form={form} name="deadline" label="整改期限" type="date" hint="不填默认15天" />
        <Field form={form} name="link" label="涉及信息的链接" hint="如：/publications/12" />
        <div class="field">
          <label for="f-photos">现场照片</label>
          <input id="f-photos" type="file" name="photos" accept="image/jpeg,image/png" multiple />
        </div>
        <Submit>登记并通知责任人</Submit>
      </form>
    </>,
    status,
  );
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
  };
}

async function detailPage(c: C, id: number, forms: Record<string, FormState> = {}, status = 200) {
  const db = c.var.deps.db;
  const { problem: p, scope } = await loadProblem(db, id);
  const actor = c.var.ctx.actor;
  assertCan(supervisionPolicy.read(actor, scope), { hide: true });
  const today = c.var.ctx.clock.today();
  const county = await actorHasCountyPermission(c.var.ctx);
  const [evidence, followUps, supervisions, audit] = await Promise.all([
    listEvidence(db, id),
    listFollowUps(db, id),
    listSupervisions(db, id),
    db
      .selectFrom('audit_events')
      .select(['occurred_at', 'actor_name', 'action', 'note'])
      .where('object_type', '=', 'sv_problem')
      .where('object_id', '=', String(id))
      .orderBy('id')
      .execute(),
  ]);
  const pending = followUps.filter((f) => f.status === 'scheduled').length;
  const waiting = supervisions.some((s) => s.status === 'waiting');
  const who = waitingFor({
    status: p.status,
    deadline: p.deadline,
    isRecurring: p.isRecurring,
    pendingFollowUps: pending,
    supervisionWaiting: waiting,
    responsibleName: p.responsibleName,
  });
  const canRectify = p.status === 'open' && supervisionPolicy.rectify(actor, scope, p);
  const canInspect = supervisionPolicy.inspect(actor, scope, county);
  const canClose =
    p.status === 'rectified' &&
    canInspect &&
    actor.kind === 'user' &&
    actor.userId !== p.rectifiedBy &&
    actor.userId !== p.responsibleUserId;
  const canSupervise = isOverdue(p, today) && supervisionPolicy.superviseFromAbove(actor, scope, county);
  const canAnswer = supervisionPolicy.answerSupervision(actor, scope);
  const photo = (eid: number) => `${P}/${id}/evidence/${eid}`;
  const f = (k: string) => forms[k] ?? emptyForm();
  return officePage(
    c,
    p.title,
    <>
      <p>
        <a href={`${P}?agency=${p.agencyId}`}>← 整改台账</a>
      </p>
      <h1>{p.title}</h1>
      <p>
        <StatusBadge p={p} today={today} pending={pending} waiting={waiting} />
      </p>
      {(
        [
          ['supervise', canSupervise],
          ['close', canClose],
          ['rectify', canRectify],
        ] as const
      ).map(([k, shown]) => (!shown && forms[k] ? <FormError form={forms[k]} /> : null))}
      {who ? (
        <p class="hint" id="waiting-for">
          下一步：{who}
        </p>
      ) : null}
      <dl class="meta">
        <dt>编号</dt>
        <dd>{p.reference}</dd>
        <dt>来源</dt>
        <dd>{SOURCE_LABELS[p.source]}</dd>
        <dt>责任单位</dt>
        <dd>
          {p.unitName}（{UNIT_KIND_LABELS[p.unitKind]}）
        </dd>
        <dt>责任人</dt>
        <dd>{p.responsibleName}</dd>
        <dt>发现日期</dt>
        <dd>{p.foundOn}</dd>
        <dt>整改期限</dt>
        <dd>{p.deadline}</dd>
        {p.description ? (
          <>
            <dt>问题说明</dt>
            <dd>{p.description}</dd>
          </>
        ) : null}
        {p.link ? (
          <>
            <dt>涉及信息</dt>
            <dd>
              <a href={p.link}>{p.link}</a>
            </dd>
          </>
        ) : null}
        {p.checkKind ? (
          <>
            <dt>系统复查</dt>
            <dd>该问题由每日巡查发现，销号和回头看时系统将自动重新检查</dd>
          </>
        ) : null}
        {p.rectifiedOn ? (
          <>
            <dt>整改情况</dt>
            <dd>
              {p.rectifiedOn} {p.rectifiedByName}：{p.rectificationNote}
            </dd>
          </>
        ) : null}
        {p.closedOn ? (
          <>
            <dt>销号</dt>
            <dd>
              {p.closedOn} {p.closedByName}：{p.closeNote}
            </dd>
          </>
        ) : null}
      </dl>

      <h2>佐证材料</h2>
      {evidence.length === 0 ? (
        <p class="empty">暂无</p>
      ) : (
        <ul id="evidence">
          {evidence.map((e) => (
            <li>
              <span class="badge">{STAGE_LABELS[e.stage]}</span> {e.createdByName} {beijing(e.createdAt)}：
              {e.kind === 'photo' ? (
                <a href={photo(e.id)}>
                  <img
                    src={photo(e.id)}
                    alt={e.fileName ?? '照片'}
                    style="max-height:120px;vertical-align:middle"
                  />
                </a>
              ) : e.kind === 'link' ? (
                <a href={e.text ?? '#'}>{e.text}</a>
              ) : (
                e.text
              )}
            </li>
          ))}
        </ul>
      )}

      {canRectify ? (
        <section id="rectify">
          <h2>提交整改</h2>
          <form method="post" action={`${P}/${id}/rectify`} enctype="multipart/form-data" novalidate>
            <Csrf token={c.var.csrf} />
            <FormError form={f('rectify')} />
            <input type="hidden" name="version" value={String(p.version)} />
            <TextArea form={f('rectify')} name="note" label="整改情况" required rows={4} />
            <div class={f('rectify').errors.photos ? 'field has-error' : 'field'}>
              <label for="f-photos">整改照片</label>
              <input id="f-photos" type="file" name="photos" accept="image/jpeg,image/png" multiple />
              {f('rectify').errors.photos ? <p class="error">{f('rectify').errors.photos}</p> : null}
            </div>
            <Field form={f('rectify')} name="link" label="整改后信息的链接" hint="照片和链接至少提供一项" />
            <Submit>提交整改，等待复核销号</Submit>
          </form>
        </section>
      ) : null}

      {canClose ? (
        <section id="close-out">
          <h2>复核销号</h2>
          <form method="post" action={`${P}/${id}/close-out`} novalidate>
            <Csrf token={c.var.csrf} />
            <FormError form={f('close')} />
            <input type="hidden" name="version" value={String(p.version)} />
            <Select
              form={f('close')}
              name="decision"
              label="复核结论"
              required
              options={[
                { value: 'close', label: '整改到位，销号' },
                { value: 'return', label: '整改不到位，退回重新整改' },
              ]}
            />
            <TextArea form={f('close')} name="note" label="复核意见" required rows={3} />
            <Submit>提交复核结论</Submit>
          </form>
        </section>
      ) : p.status === 'rectified' ? (
        <p class="muted">销号须由整改人和责任人以外的督查人员复核。</p>
      ) : null}

      <h2>回头看</h2>
      {followUps.length === 0 ? (
        <p class="empty">销号后按设置的天数（默认30天、90天）自动安排回头看</p>
      ) : (
        <table class="data" id="follow-ups">
          <thead>
            <tr>
              <th scope="col">安排</th>
              <th scope="col">日期</th>
              <th scope="col">结果</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {followUps.map((fu) => (
              <tr>
                <td>销号后{fu.offsetDays}天</td>
                <td>{fu.dueOn}</td>
                <td>{FOLLOW_UP_STATUS_LABELS[fu.status]}</td>
                <td>
                  {fu.note ? `${fu.doneByName ?? ''}：${fu.note}` : null}
                  {fu.status === 'scheduled' && fu.dueOn <= today && canInspect && !p.checkKind ? (
                    <form
                      method="post"
                      action={`${P}/${id}/follow-ups/${fu.id}`}
                      enctype="multipart/form-data"
                      novalidate
                    >
                      <Csrf token={c.var.csrf} />
                      <FormError form={f(`fu${fu.id}`)} />
                      <Select
                        form={f(`fu${fu.id}`)}
                        name="result"
                        label="回头看结果"
                        required
                        options={[
                          { value: 'passed', label: '整改巩固，未复发' },
                          { value: 'recurred', label: '发现问题复发，重新整改' },
                        ]}
                        blank="请选择"
                      />
                      <TextArea form={f(`fu${fu.id}`)} name="note" label="回头看情况" required rows={2} />
                      <div class="field">
                        <label for={`f-fu-photos-${fu.id}`}>现场照片</label>
                        <input
                          id={`f-fu-photos-${fu.id}`}
                          type="file"
                          name="photos"
                          accept="image/jpeg,image/png"
                          multiple
                        />
                      </div>
                      <Submit>记录回头看</Submit>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {supervisions.length || canSupervise ? <h2>县级督办</h2> : null}
      {supervisions.map((s) => (
        <div class="card">
          <p>
            {beijing(s.issuedAt)} {s.issuedByName}督办：{s.demand}（{s.answerBy}前答复）
          </p>
          {s.status === 'answered' ? (
            <p>
              {beijing(s.answeredAt)} {s.answeredByName}答复：{s.answer}
            </p>
          ) : canAnswer ? (
            <form method="post" action={`${P}/${id}/supervisions/${s.id}/answer`} novalidate>
              <Csrf token={c.var.csrf} />
              <FormError form={f(`ans${s.id}`)} />
              <TextArea form={f(`ans${s.id}`)} name="answer" label="答复督办" required rows={3} />
              <Submit>提交答复</Submit>
            </form>
          ) : (
            <p class="muted">等待乡镇党政综合办公室答复</p>
          )}
        </div>
      ))}
      {canSupervise ? (
        <form method="post" action={`${P}/${id}/supervise`} novalidate id="supervise">
          <Csrf token={c.var.csrf} />
          <FormError form={f('supervise')} />
          <TextArea form={f('supervise')} name="demand" label="督办要求" required rows={3} />
          <Field form={f('supervise')} name="answerBy" label="答复期限" type="date" required />
          <Submit>发出督办</Submit>
        </form>
      ) : null}

      <h2>处理记录</h2>
      <ol class="timeline">
        {audit.map((a) => (
          <li>
            {beijing(a.occurred_at)} {a.actor_name}：
            {(SUPERVISION_AUDIT_LABELS as Record<string, string>)[a.action] ?? a.action}
            {a.note ? `（${a.note}）` : ''}
          </li>
        ))}
      </ol>
    </>,
    status,
  );
}

export function problemRoutes(app: App): void {
  app.get(P, (c) => ledgerPage(c));

  app.get(`${P}/new`, async (c) => {
    const agencyId = agencyOf(c);
    const scope = await agencyScope(c.var.deps.db, agencyId);
    assertCan(supervisionPolicy.inspect(c.var.ctx.actor, scope, await actorHasCountyPermission(c.var.ctx)), {
      hide: !supervisionPolicy.read(c.var.ctx.actor, scope),
    });
    return newPage(c, agencyId, emptyForm());
  });

  app.post(`${P}/new`, async (c) => {
    const agencyId = agencyOf(c);
    const body = await c.req.parseBody({ all: true });
    const f = fieldsOf(body);
    try {
      const input = parseInput(ProblemInput, problemInputOf(f));
      const p = await recordProblem(c.var.ctx, agencyId, input, await photosOf(body, 'photos'));
      return redirectWithFlash(c, `${P}/${p.id}`, `已登记问题 ${p.reference}，已通知责任人`);
    } catch (e) {
      return newPage(c, agencyId, formOf(e, f), 400);
    }
  });

  app.get(`${P}/:id{[0-9]+}`, (c) => detailPage(c, Number(c.req.param('id'))));

  app.get(`${P}/:id{[0-9]+}/evidence/:eid{[0-9]+}`, async (c) => {
    const id = Number(c.req.param('id'));
    const { scope } = await loadProblem(c.var.deps.db, id);
    assertCan(supervisionPolicy.read(c.var.ctx.actor, scope), { hide: true });
    const ph = await getPhoto(c.var.deps.db, id, Number(c.req.param('eid')));
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
      const input = parseInput(RectifyInput, {
        version: Number(str(f.version)),
        note: str(f.note),
        link: str(f.link),
      });
      await rectifyProblem(c.var.ctx, id, input, await photosOf(body, 'photos'));
      return redirectWithFlash(c, `${P}/${id}`, '已提交整改，等待复核销号');
    } catch (e) {
      return detailPage(c, id, { rectify: formOf(e, f) }, 400);
    }
  });

  app.post(`${P}/:id{[0-9]+}/close-out`, async (c) => {
    const id = Number(c.req.param('id'));
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      const input = parseInput(CloseOutInput, {
        version: Number(str(f.version)),
        decision: str(f.decision),
        note: str(f.note),
      });
      const p = await closeOutProblem(c.var.ctx, id, input);
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
      const p = await recordFollowUp(c.var.ctx, fid, input, await photosOf(body, 'photos'));
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
      await issueSupervision(
        c.var.ctx,
        id,
        parseInput(SuperviseInput, { demand: str(f.demand), answerBy: str(f.answerBy) }),
      );
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
      await answerSupervision(c.var.ctx, sid, parseInput(AnswerInput, { answer: str(f.answer) }));
      return redirectWithFlash(c, `${P}/${id}`, '已答复督办');
    } catch (e) {
      return detailPage(c, id, { [`ans${sid}`]: formOf(e, f) }, 400);
    }
  });
}
