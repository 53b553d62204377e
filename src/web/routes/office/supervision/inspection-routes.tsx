/** 专项督查 pages: list and plan, one inspection with a result form per target, close. Thin routes. */
import type { App, C } from '../../../app-env.ts';
import { currentUser, officePage } from '../../../office-page.tsx';
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
import { assertCan, parseInput } from '../../../../errors.ts';
import {
  agencyScope,
  findAgency,
  listAgencies,
  listOffices,
  listUsers,
  listVillages,
} from '../../../../org/org.queries.ts';
import { supervisionPolicy } from '../../../../supervision/supervision.policy.ts';
import { ensureChecklist, listChecklist } from '../../../../supervision/checklist.queries.ts';
import {
  INSPECTION_STATUS_LABELS,
  PlanInput,
  checkTarget,
  closeInspection,
  listInspections,
  loadInspection,
  planInspection,
  type TargetResults,
} from '../../../../supervision/inspections.ts';
import type { EvidenceInput } from '../../../../supervision/evidence.ts';
import { UNIT_KIND_LABELS } from '../../../../supervision/problem.ts';
import { AgencyPicker, BASE, agencyChoices, agencyOf, fieldsOf, formOf, photosOf } from './shared.tsx';

const I = `${BASE}/inspections`;
const QUARTERS = [1, 2, 3, 4].map((q) => ({ value: String(q), label: `第${'一二三四'[q - 1]}季度` }));

async function listPage(c: C, form: FormState, status = 200) {
  const db = c.get('deps').db;
  const agencyId = agencyOf(c);
  const scope = await agencyScope(db, agencyId);
  assertCan(supervisionPolicy.read(c.get('ctx').actor, scope), { hide: true });
  const agency = (await findAgency(db, agencyId))!;
  const canPlan =
    supervisionPolicy.inspect(c.get('ctx').actor, scope) ||
    (supervisionPolicy.planBelow(c.get('ctx').actor) && currentUser(c).agencyId === agencyId);
  await ensureChecklist(db, agencyId, c.get('ctx').clock.now().toISOString());
  const [items, offices, villages, all, choices] = await Promise.all([
    listChecklist(db, agencyId, true),
    listOffices(db, agencyId),
    listVillages(db, agencyId),
    listAgencies(db),
    agencyChoices(c),
  ]);
  const townships = all.filter((a) => a.parentId === agencyId);
  const inspections = await listInspections(db, [agencyId, ...townships.map((t) => t.id)]);
  const targets =
    agency.kind === 'county' || agency.kind === 'city'
      ? townships.map((t) => ({ value: `agency:${t.id}`, label: t.name }))
      : [
          ...offices.map((o) => ({ value: `office:${o.id}`, label: `站办所：${o.name}` })),
          ...villages.map((v) => ({ value: `village:${v.id}`, label: `村：${v.name}` })),
        ];
  const values = {
    year: c.get('ctx').clock.today().slice(0, 4),
    quarter: String(Math.ceil(Number(c.get('ctx').clock.today().slice(5, 7)) / 3)),
    itemIds: items.map((i) => String(i.id)),
    ...form.values,
  };
  const f = { ...form, values };
  return officePage(
    c,
    '专项督查',
    <>
      <h1>专项督查</h1>
      <AgencyPicker choices={choices} current={agencyId} action={I} />
      <p class="muted">
        《条例》第四十七条：对政府信息公开工作进行监督检查。每季度对各站办所和各村开展一次专项督查。
      </p>
      {inspections.length === 0 ? (
        <p class="empty">暂无督查</p>
      ) : (
        <table class="data" id="inspections">
          <thead>
            <tr>
              <th scope="col">督查</th>
              <th scope="col">年度季度</th>
              <th scope="col">被督查机关</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {await Promise.all(
              inspections.map(async (x) => (
                <tr>
                  <td>
                    <a href={`${I}/${x.id}`}>{x.title}</a>
                  </td>
                  <td>
                    {x.year}年第{'一二三四'[x.quarter - 1]}季度
                  </td>
                  <td>{(await findAgency(db, x.agencyId))?.name}</td>
                  <td>{INSPECTION_STATUS_LABELS[x.status]}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      {canPlan ? (
        <section>
          <h2>制定督查计划</h2>
          <form method="post" action={`${I}?agency=${agencyId}`} novalidate>
            <Csrf token={c.get('csrf')} />
            <FormError form={f} />
            <Field form={f} name="year" label="年度" required />
            <Select form={f} name="quarter" label="季度" required options={QUARTERS} />
            <Field form={f} name="title" label="督查名称" hint="不填则为“某年第某季度政务公开专项督查”" />
            <Checkboxes form={f} name="targets" legend="督查对象" options={targets} />
            <Checkboxes
              form={f}
              name="itemIds"
              legend="检查项目"
              options={items.map((i) => ({ value: String(i.id), label: i.label }))}
            />
            <Submit>制定计划</Submit>
          </form>
          <p>
            <a href={`${BASE}/settings#checklist`}>修改督查清单</a>
          </p>
        </section>
      ) : null}
    </>,
    status,
  );
}

async function inspectionPage(c: C, id: number, forms: Record<string, FormState> = {}, status = 200) {
  const db = c.get('deps').db;
  const { inspection: x, targets, results, scope } = await loadInspection(db, id);
  assertCan(supervisionPolicy.read(c.get('ctx').actor, scope), { hide: true });
  const canInspect = supervisionPolicy.inspect(c.get('ctx').actor, scope);
  const items = (await listChecklist(db, x.organizerAgencyId)).filter((i) => x.itemIds.includes(i.id));
  const users = (await listUsers(db, x.agencyId))
    .filter((u) => u.isActive)
    .map((u) => ({ value: String(u.id), label: u.displayName }));
  const agency = await findAgency(db, x.agencyId);
  // A problem found at a village may be a township office's to fix; it stays about the village (所涉村).
  const offices = (await listOffices(db, x.agencyId)).map((o) => ({
    value: `office:${o.id}`,
    label: `站办所：${o.name}`,
  }));
  return officePage(
    c,
    x.title,
    <>
      <p>
        <a href={`${I}?agency=${x.organizerAgencyId}`}>← 专项督查</a>
      </p>
      <h1>{x.title}</h1>
      <p>
        {agency?.name}，{INSPECTION_STATUS_LABELS[x.status]}，计划人：{x.plannedByName}
      </p>
      {targets.map((t) => {
        const mine = results.filter((r) => r.targetId === t.id);
        const form = forms[`t${t.id}`] ?? emptyForm();
        return (
          <section class="card" id={`target-${t.id}`}>
            <h2>
              {t.unitName}
              <span class="muted">（{UNIT_KIND_LABELS[t.unitKind]}）</span>
            </h2>
            {t.status === 'done' ? (
              <table class="data">
                <tbody>
                  {items.map((i) => {
                    const r = mine.find((m) => m.itemId === i.id);
                    return (
                      <tr>
                        <td>{i.label}</td>
                        <td>
                          {r?.outcome === 'problem' ? (
                            <a href={`${BASE}/problems/${r.problemId}`} class="badge err">
                              发现问题
                            </a>
                          ) : (
                            <span class="badge ok">通过</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : canInspect && x.status !== 'closed' ? (
              <form
                method="post"
                action={`${I}/${id}/targets/${t.id}`}
                enctype="multipart/form-data"
                novalidate
              >
                <Csrf token={c.get('csrf')} />
                <FormError form={form} />
                {items.map((i) => (
                  <fieldset class="field" data-item={String(i.id)}>
                    <legend>{i.label}</legend>
                    {i.basis ? <p class="hint">依据：{i.basis}</p> : null}
                    <label class="check">
                      <input
                        type="radio"
                        name={`outcome-${i.id}`}
                        value="passed"
                        checked={str(form.values[`outcome-${i.id}`]) !== 'problem'}
                      />{' '}
                      通过
                    </label>
                    <label class="check">
                      <input
                        type="radio"
                        name={`outcome-${i.id}`}
                        value="problem"
                        checked={str(form.values[`outcome-${i.id}`]) === 'problem'}
                      />{' '}
                      发现问题
                    </label>
                    <Field form={form} name={`problem-${i.id}`} label="问题描述（发现问题时填写）" />
                    {t.unitKind === 'village' && offices.length ? (
                      <Select
                        form={form}
                        name={`unit-${i.id}`}
                        label="责任单位"
                        options={offices}
                        blank={`（${t.unitName}）`}
                      />
                    ) : null}
                    <Select
                      form={form}
                      name={`responsible-${i.id}`}
                      label="责任人"
                      options={users}
                      blank="（由单位负责人整改）"
                    />
                    <Field
                      form={form}
                      name={`deadline-${i.id}`}
                      label="整改期限"
                      type="date"
                      hint="不填默认15天"
                    />
                    <Field form={form} name={`evidence-${i.id}`} label="佐证（文字说明或信息链接）" />
                    <div class="field">
                      <label for={`f-photo-${i.id}`}>现场照片</label>
                      <input
                        id={`f-photo-${i.id}`}
                        type="file"
                        name={`photo-${i.id}`}
                        accept="image/jpeg,image/png"
                        multiple
                      />
                    </div>
                  </fieldset>
                ))}
                <Submit>保存该对象的督查结果</Submit>
              </form>
            ) : (
              <p class="muted">待督查</p>
            )}
          </section>
        );
      })}
      {canInspect && x.status !== 'closed' ? (
        <form method="post" action={`${I}/${id}/close`} novalidate>
          <Csrf token={c.get('csrf')} />
          <FormError form={forms.close ?? emptyForm()} />
          <TextArea form={forms.close ?? emptyForm()} name="summary" label="督查小结" rows={3} />
          <Submit>结束本次督查</Submit>
        </form>
      ) : x.summary ? (
        <p>督查小结：{x.summary}</p>
      ) : null}
    </>,
    status,
  );
}

export function inspectionRoutes(app: App): void {
  app.get(I, (c) => listPage(c, emptyForm()));

  app.post(I, async (c) => {
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      const input = parseInput(PlanInput, {
        year: Number(str(f.year)),
        quarter: Number(str(f.quarter)),
        title: str(f.title),
        targets: list(f.targets),
        itemIds: list(f.itemIds).map(Number),
      });
      const ids = await planInspection(c.get('ctx'), agencyOf(c), input);
      return redirectWithFlash(
        c,
        ids.length === 1 ? `${I}/${ids[0]}` : I,
        `已制定督查计划（${ids.length}项）`,
      );
    } catch (e) {
      return listPage(c, formOf(e, f), 400);
    }
  });

  app.get(`${I}/:id{[0-9]+}`, (c) => inspectionPage(c, Number(c.req.param('id'))));

  app.post(`${I}/:id{[0-9]+}/targets/:tid{[0-9]+}`, async (c) => {
    const id = Number(c.req.param('id'));
    const tid = Number(c.req.param('tid'));
    const body = await c.req.parseBody({ all: true });
    const f = fieldsOf(body);
    try {
      const { inspection } = await loadInspection(c.get('deps').db, id);
      const results: TargetResults = [];
      for (const itemId of inspection.itemIds) {
        const outcome = str(f[`outcome-${itemId}`]) === 'problem' ? 'problem' : 'passed';
        const ev: EvidenceInput[] = [];
        const text = str(f[`evidence-${itemId}`]).trim();
        if (text) ev.push(/^(\/|https?:\/\/)/.test(text) ? { kind: 'link', text } : { kind: 'text', text });
        ev.push(...(await photosOf(body, `photo-${itemId}`)));
        const resp = str(f[`responsible-${itemId}`]);
        const unit = /^office:(\d+)$/.exec(str(f[`unit-${itemId}`]));
        results.push({
          itemId,
          outcome,
          note: '',
          evidence: outcome === 'problem' ? ev : [],
          problem:
            outcome === 'problem'
              ? {
                  title: str(f[`problem-${itemId}`]),
                  responsibleUserId: resp ? Number(resp) : null,
                  ...(unit ? { unitKind: 'office' as const, unitId: Number(unit[1]) } : {}),
                  deadline: str(f[`deadline-${itemId}`]) || null,
                  link: text && /^(\/|https?:\/\/)/.test(text) ? text : null,
                }
              : undefined,
        });
      }
      const problems = await checkTarget(c.get('ctx'), id, tid, results);
      return redirectWithFlash(
        c,
        `${I}/${id}`,
        problems.length
          ? `已保存，发现问题${problems.length}个，已登记整改台账并通知责任人`
          : '已保存，全部通过',
      );
    } catch (e) {
      return inspectionPage(c, id, { [`t${tid}`]: formOf(e, f) }, 400);
    }
  });

  app.post(`${I}/:id{[0-9]+}/close`, async (c) => {
    const id = Number(c.req.param('id'));
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      await closeInspection(c.get('ctx'), id, str(f.summary));
      return redirectWithFlash(c, `${I}/${id}`, '本次督查已结束');
    } catch (e) {
      return inspectionPage(c, id, { close: formOf(e, f) }, 400);
    }
  });
}
