/**
 * The township's village pages: the 13-village × 12-month heatmap with its table, the overdue list and counts
 * (read-only for a county inspector, who picks a township below), one village's calendar and items, the 四议两公开
 * form, and the template catalogue (versions, which villages use which).
 */
import type { App, C } from '../../app-env.ts';
import { currentActor, officePage } from '../../office-page.tsx';
import { Csrf, FormError, type FormState } from '../../views/forms.tsx';
import { formData, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { assertCan, isDomainError, type ValidationError } from '../../../errors.ts';
import { systemActor } from '../../../context.ts';
import { agencyScope, descendantIds, getAgency, listAgencies } from '../../../org/org.queries.ts';
import { villagePolicy } from '../../../villages/village.policy.ts';
import { townshipOverview, villageTemplates, yearItems } from '../../../villages/township-overview.ts';
import { ensureItemTemplates } from '../../../villages/seed-item-templates.ts';
import { slotsOfYear, SLOT_LABELS } from '../../../villages/disclosure-calendar.ts';
import { cellShare } from '../../../villages/disclosure-calendar.ts';
import {
  listCurrentTemplates,
  listTemplateUses,
  listTemplateVersions,
  listVillageItemHeads,
  villageOf,
} from '../../../villages/villages.queries.ts';
import {
  CADENCE_LABELS,
  isKind,
  KIND_LABELS,
  KINDS,
  periodLabel,
  periodsOfYear,
  previousPeriod,
} from '../../../villages/village-disclosure.ts';
import { getVillageSettings } from '../../../villages/village-settings.ts';
import { recordDecision } from '../../../villages/record-decision.ts';
import {
  ASSEMBLY_KINDS,
  ASSEMBLY_LABELS,
  DECISION_STATUS_LABELS,
  type DecisionStatus,
} from '../../../villages/four-deliberations.ts';
import { VillageHeatmap } from '../../../villages/views/charts.tsx';
import { StatusBadge, VillageAssets } from '../../../villages/views/common.tsx';
import {
  APPROVAL_LABELS,
  APPROVALS,
  ATTACHMENT_KINDS,
  ATTACHMENT_LABELS,
} from '../../../villages/item-template.ts';
import {
  newTemplateVersion,
  pushTemplate,
  updateVillageSettings,
} from '../../../villages/manage-item-templates.ts';
import { CADENCES } from '../../../villages/village-disclosure.ts';
import { list } from '../../form.ts';

async function overviewPage(c: C) {
  const actor = currentActor(c);
  const db = c.var.deps.db;
  if (
    actor.villageId != null &&
    !actor.roles.some((r) =>
      ['clerk', 'admin', 'principal_leader', 'deputy_leader', 'village_cadre', 'inspector'].includes(r),
    )
  )
    return c.redirect(`/office/villages/v/${actor.villageId}`, 303);
  // An inspector picks a township below; staff see their own.
  let agencyId = actor.agencyId;
  const below = actor.roles.includes('inspector')
    ? (await listAgencies(db)).filter((a) => a.kind === 'township' && a.id !== actor.agencyId)
    : [];
  const allowed = new Set(await descendantIds(db, actor.agencyId));
  const towns = below.filter((a) => allowed.has(a.id));
  const q = Number(c.req.query('agency'));
  if (q && towns.some((t) => t.id === q)) agencyId = q;
  else if (towns.length && !towns.some((t) => t.id === agencyId)) agencyId = towns[0]!.id;
  const scope = await agencyScope(db, agencyId);
  assertCan(villagePolicy.viewTownship(actor, scope), {
    message: '村级公开总览仅限乡镇党政办、领导、包村干部和县督查人员查看',
  });
  if (villagePolicy.manageTemplates(actor, scope))
    await ensureItemTemplates({ ...c.var.ctx, actor: systemActor('村级公开模板') }, agencyId);
  const today = c.var.ctx.clock.today();
  const year = Number(c.req.query('year')) || Number(today.slice(0, 4));
  const kindQ = c.req.query('kind') ?? '';
  const kind = isKind(kindQ) ? kindQ : null;
  const ov = await townshipOverview(db, agencyId, year, today, kind);
  const agency = await getAgency(db, agencyId);
  const readOnly = agencyId !== actor.agencyId;
  return officePage(
    c,
    '村级公开总览',
    <>
      <VillageAssets />
      <h1>村级公开总览</h1>
      <p>
        {agency.name} · {year}年{kind ? ` · ${KIND_LABELS[kind]}` : ' · 全部类别'}
        {readOnly ? '（只读）' : ''}
      </p>
      <form method="get" action="/office/villages" class="vd-actions">
        {towns.length ? (
          <select name="agency" aria-label="乡镇">
            {towns.map((t) => (
              <option value={String(t.id)} selected={t.id === agencyId}>
                {t.name}
              </option>
            ))}
          </select>
        ) : null}
        <select name="year" aria-label="年度">
          {[year + 1, year, year - 1, year - 2].map((y) => (
            <option value={String(y)} selected={y === year}>
              {y}年
            </option>
          ))}
        </select>
        <select name="kind" aria-label="类别">
          <option value="">全部类别</option>
          {KINDS.map((k) => (
            <option value={k} selected={k === kind}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <button type="submit">查看</button>
      </form>
      <p id="totals">
        {year}年全乡{ov.villages.length}个村累计开展党务公开{ov.totals.party}次、村务公开{ov.totals.affairs}
        次、财务公开{ov.totals.finance}次。
      </p>
      <h2>各村按时公开情况</h2>

      <div class="vd-grid">
        <VillageHeatmap
          rows={ov.villages}
          year={year}
          title={`各村各月按时公开比例${kind ? `（${KIND_LABELS[kind]}）` : ''}`}
          hrefOf={(id) => `/office/villages/v/${id}${readOnly ? `?agency=${agencyId}` : ''}`}
        />
        <div class="table-scroll" tabindex={0}>
          <table class="data" id="heat-table">
            <caption class="sr-only">各村各月：按时公开/到期事项</caption>
            <thead>
              <tr>
                <th scope="col">村</th>
                {Array.from({ length: 12 }, (_, m) => (
                  <th scope="col">{m + 1}月</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ov.villages.map((v) => (
                <tr>
                  <th scope="row">
                    <a href={`/office/villages/v/${v.villageId}${readOnly ? `?agency=${agencyId}` : ''}`}>
                      {v.name}
                    </a>
                  </th>
                  {v.cells.map((cell) => (
                    <td class="num" data-share={cellShare(cell) ?? ''}>
                      {cell.due ? `${cell.onTime}/${cell.due}` : '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <h2>逾期未公开（{ov.overdue.length}项）</h2>
      {ov.overdue.length === 0 ? (
        <p>没有逾期未公开的事项。</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table class="data" id="overdue">
            <thead>
              <tr>
                <th>村</th>
                <th>事项</th>
                <th>期间</th>
                <th>应公开日期</th>
              </tr>
            </thead>
            <tbody>
              {ov.overdue.map((s) => (
                <tr>
                  <td>{s.villageName}</td>
                  <td>{s.name}</td>
                  <td>{periodLabel(s.period)}</td>
                  <td>{s.dueOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>各村公开次数</h2>
      <div class="table-scroll" tabindex={0}>
        <table class="data" id="counts">
          <thead>
            <tr>
              <th>村</th>
              {KINDS.map((k) => (
                <th>{KIND_LABELS[k]}</th>
              ))}
              <th>合计</th>
            </tr>
          </thead>
          <tbody>
            {ov.villages.map((v) => (
              <tr>
                <td>{v.name}</td>
                {KINDS.map((k) => (
                  <td class="num">{v.counts[k]}</td>
                ))}
                <td class="num">{v.counts.party + v.counts.affairs + v.counts.finance}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!readOnly ? (
        <p>
          <a href="/office/villages/templates">公开模板</a> · <a href="/villages">村级公开（公众页面）</a>
        </p>
      ) : null}
    </>,
  );
}

async function villagePage(c: C, villageId: number, form?: FormState) {
  const actor = currentActor(c);
  const db = c.var.deps.db;
  const village = await villageOf(db, villageId);
  const scope = await agencyScope(db, village.agencyId);
  assertCan(villagePolicy.viewVillage(actor, scope, village.id), { hide: true });
  await ensureItemTemplates({ ...c.var.ctx, actor: systemActor('村级公开模板') }, village.agencyId);
  const today = c.var.ctx.clock.today();
  const year = Number(c.req.query('year')) || Number(today.slice(0, 4));
  const [{ calendar: uses, uses: usesOfVillage, templates }, items, list, settings, decisions] =
    await Promise.all([
      villageTemplates(db, village.agencyId, village.id),
      yearItems(db, village.agencyId, year, village.id),
      listVillageItemHeads(db, village.id, { limit: 200 }),
      getVillageSettings(db, village.agencyId),
      db
        .selectFrom('village_decisions')
        .selectAll()
        .where('village_id', '=', village.id)
        .orderBy('id', 'desc')
        .limit(50)
        .execute(),
    ]);
  const myUses = uses.get(village.id) ?? [];
  const slots = slotsOfYear(
    myUses,
    items.filter((i) => i.villageId === village.id),
    year,
    today,
    settings.dueDay,
  );
  const canDraft = villagePolicy.draft(actor, scope, village.id);
  const useCodes = new Set(myUses.map((u) => u.code));
  const usable = templates.filter((t) => useCodes.has(t.code) || t.cadence === 'on_occurrence');
  const periods = [
    ...new Set(
      usable
        .filter((t) => t.cadence !== 'on_occurrence')
        .flatMap((t) => [...periodsOfYear(t.cadence as 'monthly' | 'quarterly', year)]),
    ),
  ];
  const waiting = list.filter((i) => i.status !== 'published');
  const csrf = c.var.csrf;
  return officePage(
    c,
    `${village.name}村级公开`,
    <div class="vd-phone">
      <VillageAssets />
      <h1>{village.name}村级公开</h1>
      <FormError form={form ?? { values: {}, errors: {} }} />
      {canDraft ? (
        <form method="post" action="/office/villages/items" id="new-item">
          <h2>新建公开事项</h2>
          <Csrf token={csrf} />
          <input type="hidden" name="villageId" value={String(village.id)} />
          <div class="field">
            <label for="f-code">公开模板</label>
            <select id="f-code" name="code">
              {usable.map((t) => (
                <option value={t.code}>
                  {KIND_LABELS[t.kind]} · {t.name}（{CADENCE_LABELS[t.cadence]}）
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-period">期间（按月、按季度公开的事项）</label>
            <select id="f-period" name="period">
              <option value="">（随时公开的事项不选）</option>
              {periods.sort().map((p) => (
                <option value={p} selected={p === previousPeriod('quarterly', today)}>
                  {periodLabel(p)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="primary">
            开始填报
          </button>
          <p>
            <a href={`/office/villages/decisions/new?village=${village.id}`}>
              登记四议两公开（重大事项决策）
            </a>
          </p>
        </form>
      ) : null}
      <h2>待办（{waiting.length}）</h2>
      <ul id="my-items">
        {waiting.map((i) => (
          <li>
            <a href={`/office/villages/items/${i.id}`}>{i.title}</a> <StatusBadge status={i.status} />
          </li>
        ))}
      </ul>
      <details>
        <summary>本村使用的公开模板版本</summary>
        <ul id="template-uses">
          {usesOfVillage.map((u) => (
            <li>
              {templates.find((t) => t.code === u.code)?.name ?? u.code}：第{u.version}版（{u.pushedByName}
              推送）
            </li>
          ))}
        </ul>
      </details>
      <h2>{year}年公开日历</h2>
      <div class="table-scroll" tabindex={0}>
        <table class="data" id="calendar">
          <thead>
            <tr>
              <th>事项</th>
              <th>期间</th>
              <th>应公开日期</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {slots.map((s) => (
              <tr data-state={s.state}>
                <td>{s.itemId ? <a href={`/office/villages/items/${s.itemId}`}>{s.name}</a> : s.name}</td>
                <td>{periodLabel(s.period)}</td>
                <td>{s.dueOn}</td>
                <td>{SLOT_LABELS[s.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>四议两公开</h2>
      <ul id="decisions">
        {decisions.map((d) => (
          <li>
            {d.title}（{d.assembly_on}）：{DECISION_STATUS_LABELS[d.status as DecisionStatus]}
          </li>
        ))}
      </ul>
      <h2>已公开</h2>
      <ul>
        {list
          .filter((i) => i.status === 'published')
          .slice(0, 60)
          .map((i) => (
            <li>
              {i.publishedOn} <a href={`/office/villages/items/${i.id}`}>{i.title}</a>
            </li>
          ))}
      </ul>
      <p>
        <a href={`/villages/${village.id}`}>本村公众页面</a>
      </p>
    </div>,
  );
}

function decisionForm(c: C, villageId: number, form: FormState, status = 200) {
  const v = (k: string) => str(form.values[k]);
  const field = (name: string, label: string, type = 'text') => (
    <div class={form.errors[name] ? 'field has-error' : 'field'}>
      <label for={`f-${name}`}>{label}</label>
      <input
        id={`f-${name}`}
        name={name}
        type={type}
        value={v(name)}
        inputMode={type === 'number' ? 'numeric' : undefined}
      />
      {form.errors[name] ? <p class="error">{form.errors[name]}</p> : null}
    </div>
  );
  return officePage(
    c,
    '登记四议两公开',
    <div class="vd-phone">
      <VillageAssets />
      <h1>登记四议两公开</h1>
      <p class="hint">
        《中国共产党农村基层组织工作条例》：村级重大事项实行“四议两公开”。登记后自动生成“决议公开”和“实施结果公开”两个待填报事项。
      </p>
      <FormError form={form} />
      <form method="post" action="/office/villages/decisions" novalidate>
        <Csrf token={c.var.csrf} />
        <input type="hidden" name="villageId" value={String(villageId)} />
        {field('title', '事项名称')}
        <div class="field">
          <label for="f-proposal">党支部提议内容</label>
          <textarea id="f-proposal" name="proposal" rows={3}>
            {v('proposal')}
          </textarea>
          {form.errors.proposal ? <p class="error">{form.errors.proposal}</p> : null}
        </div>
        {field('proposedOn', '一、党支部提议日期', 'date')}
        {field('consultedOn', '二、两委商议日期', 'date')}
        {field('partyMeetingOn', '三、党员大会审议日期', 'date')}
        {field('partyTotal', '应到党员', 'number')}
        {field('partyPresent', '实到党员', 'number')}
        {field('partyAgree', '同意人数', 'number')}
        <div class="field">
          <label for="f-assemblyKind">四、决议会议</label>
          <select id="f-assemblyKind" name="assemblyKind">
            {ASSEMBLY_KINDS.map((k) => (
              <option value={k} selected={v('assemblyKind') === k}>
                {ASSEMBLY_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        {field('assemblyOn', '决议日期', 'date')}
        {field('assemblyTotal', '应到人数', 'number')}
        {field('assemblyPresent', '实到人数', 'number')}
        {field('assemblyAgree', '同意人数', 'number')}
        <button type="submit" class="primary">
          登记并生成两公开事项
        </button>
      </form>
    </div>,
    status,
  );
}

async function templatesPage(c: C, form?: FormState, status = 200) {
  const actor = currentActor(c);
  const db = c.var.deps.db;
  const scope = await agencyScope(db, actor.agencyId);
  assertCan(villagePolicy.viewTownship(actor, scope));
  await ensureItemTemplates({ ...c.var.ctx, actor: systemActor('村级公开模板') }, actor.agencyId);
  const [versions, uses] = await Promise.all([
    listTemplateVersions(db, actor.agencyId),
    listTemplateUses(db, actor.agencyId),
  ]);
  const current = await listCurrentTemplates(db, actor.agencyId);
  const canManage = villagePolicy.manageTemplates(actor, scope);
  const settings = await getVillageSettings(db, actor.agencyId);
  return officePage(
    c,
    '村级公开模板',
    <>
      <VillageAssets />
      <h1>村级公开模板</h1>
      <p>
        统一的公开模板明确公开重点和格式要求（村民委员会组织法第三十条；中办发〔2004〕17号）。每个村使用的版本如下。
      </p>
      <FormError form={form ?? { values: {}, errors: {} }} />
      {canManage ? (
        <form method="post" action="/office/villages/settings" class="vd-phone" id="village-settings">
          <h2>村级公开设置</h2>
          <Csrf token={c.var.csrf} />
          <label>
            村民质询答复期限（天）
            <input name="answerDays" value={String(settings.answerDays)} inputMode="numeric" />
          </label>
          <label>
            到期前提醒（天）{' '}
            <input name="remindDaysBefore" value={String(settings.remindDaysBefore)} inputMode="numeric" />
          </label>
          <label>
            按月、按季度事项于下月几日前公开{' '}
            <input name="dueDay" value={String(settings.dueDay)} inputMode="numeric" />
          </label>
          <label class="check">
            <input
              type="checkbox"
              name="objectionNameRequired"
              value="1"
              checked={settings.objectionNameRequired}
            />{' '}
            村民提出质询须留姓名
          </label>
          <label class="check">
            <input
              type="checkbox"
              name="objectionPhoneRequired"
              value="1"
              checked={settings.objectionPhoneRequired}
            />{' '}
            须留联系电话（不公开）
          </label>
          <button type="submit">保存设置</button>
        </form>
      ) : null}
      {KINDS.map((k) => (
        <>
          <h2>{KIND_LABELS[k]}</h2>
          <div class="table-scroll" tabindex={0}>
            <table class="data">
              <thead>
                <tr>
                  <th>模板</th>
                  <th>公开频次</th>
                  <th>最短公示期</th>
                  <th>个人信息</th>
                  <th>审核</th>
                  <th>附件</th>
                  <th>依据</th>
                  <th>版本（使用村数）</th>
                </tr>
              </thead>
              <tbody>
                {current
                  .filter((t) => t.kind === k)
                  .map((t) => (
                    <tr>
                      <td>{t.name}</td>
                      <td>{CADENCE_LABELS[t.cadence]}</td>
                      <td>{t.minNoticeDays ? `${t.minNoticeDays}天` : '—'}</td>
                      <td>{t.offlineNote ?? '无'}</td>
                      <td>{t.approvals.map((a) => APPROVAL_LABELS[a]).join('→')}</td>
                      <td>{t.attachments.map((a) => ATTACHMENT_LABELS[a]).join('、') || '—'}</td>
                      <td>{t.legalBasis}</td>
                      <td>
                        {versions
                          .filter((x) => x.code === t.code)
                          .map(
                            (x) =>
                              `第${x.version}版（${uses.filter((u) => u.templateId === x.id).length}个村）`,
                          )
                          .join('；')}
                        {canManage ? (
                          <details>
                            <summary>修订（新版本）/ 推送</summary>
                            <form method="post" action="/office/villages/templates/version" class="vd-phone">
                              <Csrf token={c.var.csrf} />
                              <input type="hidden" name="code" value={t.code} />
                              <label>
                                名称 <input name="name" value={t.name} />
                              </label>
                              <label>
                                公开频次
                                <select name="cadence">
                                  {CADENCES.map((x) => (
                                    <option value={x} selected={x === t.cadence}>
                                      {CADENCE_LABELS[x]}
                                    </option>
                                  ))}
                                </select>
                              </label>
                              <label>
                                最短公示期（天）{' '}
                                <input
                                  name="minNoticeDays"
                                  value={String(t.minNoticeDays)}
                                  inputMode="numeric"
                                />
                              </label>
                              <label>
                                法律依据 <input name="legalBasis" value={t.legalBasis} />
                              </label>
                              <label>
                                公示期满撤下说明 <input name="offlineNote" value={t.offlineNote ?? ''} />
                              </label>
                              {APPROVALS.map((a) => (
                                <label class="check">
                                  <input
                                    type="checkbox"
                                    name="approvals"
                                    value={a}
                                    checked={t.approvals.includes(a)}
                                  />{' '}
                                  {APPROVAL_LABELS[a]}
                                </label>
                              ))}
                              {ATTACHMENT_KINDS.map((a) => (
                                <label class="check">
                                  <input
                                    type="checkbox"
                                    name="attachments"
                                    value={a}
                                    checked={t.attachments.includes(a)}
                                  />{' '}
                                  须上传{ATTACHMENT_LABELS[a]}
                                </label>
                              ))}
                              <label>
                                字段定义（JSON）
                                <textarea name="fieldsJson" rows={6}>
                                  {JSON.stringify(t.fields, null, 1)}
                                </textarea>
                              </label>
                              <button type="submit">保存为第{t.version + 1}版</button>
                            </form>
                            <form method="post" action="/office/villages/templates/push">
                              <Csrf token={c.var.csrf} />
                              <input type="hidden" name="templateId" value={String(t.id)} />
                              <button type="submit">把第{t.version}版推送到全部村</button>
                            </form>
                          </details>
                        ) : null}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      ))}
    </>,
    status,
  );
}

async function onTemplateError(c: C, e: unknown) {
  if (isDomainError(e) && e.code === 'validation')
    return templatesPage(
      c,
      { values: {}, errors: (e as ValidationError).fieldErrors, message: e.message },
      400,
    );
  throw e;
}

export function villageOfficeRoutes(app: App): void {
  app.get('/office/villages', (c) => overviewPage(c));
  app.get('/office/villages/my', (c) => {
    const a = currentActor(c);
    return a.villageId
      ? c.redirect(`/office/villages/v/${a.villageId}`, 303)
      : c.redirect('/office/villages', 303);
  });
  app.get('/office/villages/v/:id{[0-9]+}', (c) => villagePage(c, Number(c.req.param('id'))));
  app.get('/office/villages/templates', (c) => templatesPage(c));
  app.post('/office/villages/templates/version', async (c) => {
    const f = await formData(c);
    try {
      await newTemplateVersion(c.var.ctx, currentActor(c).agencyId, {
        code: str(f.code),
        name: str(f.name),
        cadence: str(f.cadence) as any,
        minNoticeDays: str(f.minNoticeDays),
        legalBasis: str(f.legalBasis),
        offlineNote: str(f.offlineNote),
        approvals: list(f.approvals) as any,
        attachments: list(f.attachments) as any,
        fieldsJson: str(f.fieldsJson),
      });
      return redirectWithFlash(c, '/office/villages/templates', '已保存为新版本；推送后各村使用新版本');
    } catch (e) {
      return onTemplateError(c, e);
    }
  });
  app.post('/office/villages/templates/push', async (c) => {
    const f = await formData(c);
    const n = await pushTemplate(c.var.ctx, currentActor(c).agencyId, Number(str(f.templateId)));
    return redirectWithFlash(c, '/office/villages/templates', `已推送到${n}个村`);
  });
  app.post('/office/villages/settings', async (c) => {
    const f = await formData(c);
    try {
      await updateVillageSettings(c.var.ctx, currentActor(c).agencyId, {
        answerDays: str(f.answerDays) as any,
        remindDaysBefore: str(f.remindDaysBefore) as any,
        dueDay: str(f.dueDay) as any,
        objectionNameRequired: str(f.objectionNameRequired) === '1',
        objectionPhoneRequired: str(f.objectionPhoneRequired) === '1',
      });
      return redirectWithFlash(c, '/office/villages/templates', '设置已保存');
    } catch (e) {
      return onTemplateError(c, e);
    }
  });
  app.get('/office/villages/decisions/new', (c) =>
    decisionForm(c, Number(c.req.query('village')) || (currentActor(c).villageId ?? 0), {
      values: { assemblyKind: 'representatives' },
      errors: {},
    }),
  );
  app.post('/office/villages/decisions', async (c) => {
    const f = await formData(c);
    const villageId = Number(str(f.villageId));
    try {
      const r = await recordDecision(
        c.var.ctx,
        Object.fromEntries(Object.entries(f).map(([k, v]) => [k, str(v)])) as any,
      );
      return redirectWithFlash(
        c,
        `/office/villages/items/${r.itemIds[0]}`,
        '已登记四议两公开，已生成“决议公开”和“实施结果公开”两个事项',
      );
    } catch (e) {
      if (isDomainError(e) && e.code === 'validation')
        return decisionForm(
          c,
          villageId,
          { values: f, errors: (e as ValidationError).fieldErrors, message: e.message },
          400,
        );
      throw e;
    }
  });
}
