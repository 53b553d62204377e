/** The township's 村级公开 overview, a pure view: the heatmap with its table, the overdue list, counts by village. */
import type { DisclosureKind } from '../../../villages/village-disclosure.ts';
import { KIND_LABELS, KINDS, periodLabel } from '../../../villages/village-disclosure.ts';
import { cellShare } from '../../../villages/disclosure-calendar.ts';
import type { townshipOverview } from '../../../villages/township-overview.ts';
import { VillageHeatmap } from '../../../villages/views/charts.tsx';
import { escapeMarkup, formatValue } from '../../../charts/index.ts';
import { VillageAssets } from '../../../villages/views/common.tsx';

export interface OverviewViewProps {
  ov: Awaited<ReturnType<typeof townshipOverview>>;
  year: number;
  kind: DisclosureKind | null;
  agencyName: string;
  agencyId: number;
  /** An inspector above reads a township below. */
  readOnly: boolean;
  /** Townships below that an inspector may pick. */
  towns: readonly { id: number; name: string }[];
}

/*
 * The three tables' rows are built as markup text, byte for byte what preact rendered from their elements (every
 * value escaped as preact escapes it): some 600 elements for 13 villages, which were most of the page's rendering
 * after the heatmap's grid became text (docs/scale.md, "Thirteenth pass"; src/charts/heatmap.tsx does the same).
 */
type Overview = OverviewViewProps['ov'];
const villageHref = (id: number, readOnly: boolean, agencyId: number) =>
  `/office/villages/v/${id}${readOnly ? `?agency=${agencyId}` : ''}`;

function heatRowsMarkup(ov: Overview, readOnly: boolean, agencyId: number): string {
  let out = '';
  for (const v of ov.villages) {
    out += `<tr><th scope="row"><a href="${escapeMarkup(villageHref(v.villageId, readOnly, agencyId))}">${escapeMarkup(v.name)}</a></th>`;
    for (const cell of v.cells) {
      const share = cellShare(cell);
      const text = cell.due ? `${formatValue(share, 'percent')}（${cell.onTime}/${cell.due}）` : '—';
      // preact writes an empty attribute bare.
      const attr = share === null ? ' data-share' : ` data-share="${share}"`;
      out += `<td class="num"${attr}>${escapeMarkup(text)}</td>`;
    }
    out += '</tr>';
  }
  return out;
}

function overdueRowsMarkup(ov: Overview): string {
  let out = '';
  for (const s of ov.overdue)
    out += `<tr>${[s.villageName, s.name, periodLabel(s.period), s.dueOn].map((t) => `<td>${escapeMarkup(t)}</td>`).join('')}</tr>`;
  return out;
}

function countRowsMarkup(ov: Overview): string {
  let out = '';
  for (const v of ov.villages) {
    out += `<tr><td>${escapeMarkup(v.name)}</td>`;
    for (const k of KINDS) out += `<td class="num">${v.counts[k]}</td>`;
    out += `<td class="num">${v.counts.party + v.counts.affairs + v.counts.finance}</td></tr>`;
  }
  return out;
}

export function OverviewView(props: OverviewViewProps) {
  const { ov, year, kind, agencyId, readOnly } = props;
  return (
    <>
      <VillageAssets />
      <h1>村级公开总览</h1>
      <p>
        {props.agencyName} · {year}年{kind ? ` · ${KIND_LABELS[kind]}` : ' · 全部类别'}
        {readOnly ? '（只读）' : ''}
      </p>
      <form method="get" action="/office/villages" class="vd-actions">
        {props.towns.length ? (
          <select name="agency" aria-label="乡镇">
            {props.towns.map((t) => (
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
          tableId="heat-table"
        />
        {/* The heatmap's data table (its figure links here): each cell's share as drawn, and its counts. */}
        <div class="table-scroll" tabindex={0}>
          <table class="data" id="heat-table">
            <caption class="sr-only">各村各月按时公开比例（按时公开/到期事项）</caption>
            <thead>
              <tr>
                <th scope="col">村</th>
                {Array.from({ length: 12 }, (_, m) => (
                  <th scope="col">{m + 1}月</th>
                ))}
              </tr>
            </thead>
            <tbody dangerouslySetInnerHTML={{ __html: heatRowsMarkup(ov, readOnly, agencyId) }} />
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
            <tbody dangerouslySetInnerHTML={{ __html: overdueRowsMarkup(ov) }} />
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
          <tbody dangerouslySetInnerHTML={{ __html: countRowsMarkup(ov) }} />
        </table>
      </div>
      {!readOnly ? (
        <p>
          <a href="/office/villages/templates">公开模板</a> · <a href="/villages">村级公开（公众页面）</a>
        </p>
      ) : null}
    </>
  );
}
