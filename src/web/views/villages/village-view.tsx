/** One village's back-office page and the 四议两公开 form, pure views. */
import { Csrf, FormError, type FormState } from '../forms.tsx';
import { str } from '../../form.ts';
import {
  CADENCE_LABELS,
  KIND_LABELS,
  periodLabel,
  previousPeriod,
} from '../../../villages/village-disclosure.ts';
import { SLOT_LABELS, type slotsOfYear } from '../../../villages/disclosure-calendar.ts';
import {
  ASSEMBLY_KINDS,
  ASSEMBLY_LABELS,
  DECISION_STATUS_LABELS,
  type DecisionStatus,
} from '../../../villages/four-deliberations.ts';
import type {
  DisclosureHead,
  TemplateHead,
  TemplateUse,
  VillageDecisionHead,
} from '../../../villages/villages.queries.ts';
import { StatusBadge, VillageAssets } from '../../../villages/views/common.tsx';
import type { VillageProblem } from '../../../supervision/index.ts';
import { VillageProblemsView } from './village-problems-view.tsx';
import { escapeMarkup } from '../../../charts/index.ts';

export interface VillagePageViewProps {
  village: { id: number; name: string };
  form?: FormState;
  canDraft: boolean;
  csrf: string;
  /** Templates the village may draft from (its pushed ones and every on-occurrence one). */
  usable: readonly TemplateHead[];
  periods: string[];
  today: string;
  waiting: readonly DisclosureHead[];
  usesOfVillage: readonly TemplateUse[];
  templates: readonly TemplateHead[];
  year: number;
  slots: ReturnType<typeof slotsOfYear>;
  decisions: readonly VillageDecisionHead[];
  list: readonly DisclosureHead[];
  /** The supervision problems that concern the village (read-only unless it rectifies them). */
  problems: readonly VillageProblem[];
}

/*
 * The calendar's rows and the published list are built as markup text, byte for byte what preact rendered from
 * their elements (every value escaped as preact escapes it; village-view.test.tsx compares them): a village's
 * year and its newest items are most of the page's elements (docs/scale.md, "Thirteenth pass").
 */
export function calendarRowsMarkup(slots: VillagePageViewProps['slots']): string {
  let out = '';
  for (const s of slots) {
    const name = s.itemId
      ? `<a href="/office/villages/items/${s.itemId}">${escapeMarkup(s.name)}</a>`
      : escapeMarkup(s.name);
    out += `<tr data-state="${escapeMarkup(s.state)}"><td>${name}</td><td>${escapeMarkup(periodLabel(s.period))}</td>`;
    out += `<td>${escapeMarkup(s.dueOn)}</td><td>${escapeMarkup(SLOT_LABELS[s.state])}</td></tr>`;
  }
  return out;
}

/** The newest 60 published items of the list: date and linked title. */
export function publishedMarkup(list: readonly DisclosureHead[]): string {
  let out = '';
  let n = 0;
  for (const i of list) {
    if (i.status !== 'published') continue;
    if (n++ === 60) break;
    out += `<li>${escapeMarkup(i.publishedOn ?? '')} <a href="/office/villages/items/${i.id}">${escapeMarkup(i.title)}</a></li>`;
  }
  return out;
}

export function VillagePageView(props: VillagePageViewProps) {
  const { village, form, canDraft, csrf, usable, periods, today, waiting, usesOfVillage, templates } = props;
  const { year, slots, decisions, list, problems } = props;
  return (
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
          <tbody dangerouslySetInnerHTML={{ __html: calendarRowsMarkup(slots) }} />
        </table>
      </div>
      <h2>四议两公开</h2>
      <ul id="decisions">
        {decisions.map((d) => (
          <li>
            {d.title}（{d.assemblyOn}）：{DECISION_STATUS_LABELS[d.status as DecisionStatus]}
          </li>
        ))}
      </ul>
      <VillageProblemsView villageId={village.id} problems={problems} today={today} />
      <h2>已公开</h2>
      <ul dangerouslySetInnerHTML={{ __html: publishedMarkup(list) }} />
      <p>
        <a href={`/villages/${village.id}`}>本村公众页面</a>
      </p>
    </div>
  );
}

export function DecisionFormView(props: { villageId: number; form: FormState; csrf: string }) {
  const { form } = props;
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
  return (
    <div class="vd-phone">
      <VillageAssets />
      <h1>登记四议两公开</h1>
      <p class="hint">
        《中国共产党农村基层组织工作条例》：村级重大事项实行“四议两公开”。登记后自动生成“决议公开”和“实施结果公开”两个待填报事项。
      </p>
      <FormError form={form} />
      <form method="post" action="/office/villages/decisions" novalidate>
        <Csrf token={props.csrf} />
        <input type="hidden" name="villageId" value={String(props.villageId)} />
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
    </div>
  );
}
