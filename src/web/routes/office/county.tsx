/**
 * The county's supervising view (/office/county): the grid and the table of every agency below the county, one
 * agency's records read-only (/office/county/agencies/:id), and 督办 on an overdue request from there.
 */
import type { ComponentChildren } from 'preact';
import type { App, C } from '../../app-env.ts';
import { officePage } from '../../office-page.tsx';
import { formData, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { parseInput } from '../../../errors.ts';
import { emptyForm, type FormState } from '../../views/forms.tsx';
import { RecordForm, superviseFields } from '../../views/supervision/record-form.tsx';
import { CountyGrid } from '../../views/county-grid.tsx';
import {
  FIGURES,
  countyDashboard,
  STUCK_REVIEW_DAYS,
  type AgencyRow,
} from '../../../county/county-dashboard.ts';
import { countyAgencyDetail, DETAIL_LIMIT, type DetailRow } from '../../../county/agency-detail.ts';
import { AGENCY_KIND_LABELS } from '../../../org/org.ts';
import { OVERVIEW_STATUS_LABELS } from '../../../annual-report/index.ts';
import { STATE_LABELS as REQUEST_STATE_LABELS, type RequestState } from '../../../requests/request.ts';
import { STATUS_LABELS as PUBLICATION_STATUS_LABELS } from '../../../publications/publication.ts';
import { STATE_LABELS as INQUIRY_STATE_LABELS } from '../../../inquiries/inquiry.ts';
import { STATUS_LABELS as VILLAGE_STATUS_LABELS } from '../../../villages/village-disclosure.ts';
import { SuperviseInput, superviseOverdueRequest, supervisionPolicy } from '../../../supervision/index.ts';
import { formOf } from './requests-shared.tsx';
import { beijing } from './supervision/shared.tsx';

export const COUNTY_BASE = '/office/county';
const agencyHref = (id: number) => `${COUNTY_BASE}/agencies/${id}`;

function FiguresTable({ rows, totals }: { rows: AgencyRow[]; totals: Record<string, number> }) {
  return (
    <div class="table-scroll" tabindex={0}>
      <table>
        <caption>各机关预警情况</caption>
        <thead>
          <tr>
            <th scope="col">机关</th>
            {FIGURES.map((f) => (
              <th scope="col">{f.label}</th>
            ))}
            <th scope="col">年度报告</th>
            <th scope="col">发布期限</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={agencyHref(r.agency.id)}>{r.agency.name}</a>
                <br />
                <span class="muted">{AGENCY_KIND_LABELS[r.agency.kind]}</span>
              </th>
              {FIGURES.map((f) => (
                <td class={r.figures[f.key] > 0 ? 'num alert' : 'num'}>{r.figures[f.key]}</td>
              ))}
              <td>
                {r.report.year}年：{OVERVIEW_STATUS_LABELS[r.report.status]}
              </td>
              <td>{r.report.deadline}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">合计</th>
            {FIGURES.map((f) => (
              <td class="num">{totals[f.key]}</td>
            ))}
            <td></td>
            <td></td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

async function dashboardPage(c: C) {
  const d = await countyDashboard(c.get('ctx'));
  return officePage(
    c,
    '全县政务公开监督',
    <>
      <h1>{d.county.shortName}政务公开监督</h1>
      <p class="muted">
        截至{d.today}（北京时间）。审核滞留指送审后超过{STUCK_REVIEW_DAYS}天无进展；年度报告指{d.reportYear}
        年度报告。点击机关查看明细（只读）并督办。
      </p>
      {d.rows.length === 0 ? (
        <p class="empty">本机关之下没有其他机关。</p>
      ) : (
        <div class="county-view">
          <CountyGrid rows={d.rows} hrefOf={(r) => agencyHref(r.agency.id)} />
          <FiguresTable rows={d.rows} totals={d.totals} />
        </div>
      )}
    </>,
  );
}

function Section<T extends DetailRow>(p: {
  title: string;
  rows: T[];
  dateLabel: string;
  status: (r: T) => string;
  extra?: (r: T) => ComponentChildren;
}) {
  return (
    <section>
      <h2>
        {p.title}（{p.rows.length}
        {p.rows.length === DETAIL_LIMIT ? '+' : ''}）
      </h2>
      {p.rows.length === 0 ? (
        <p class="empty">无</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">事项</th>
                <th scope="col">{p.dateLabel}</th>
                <th scope="col">状态</th>
                {p.extra ? <th scope="col">督办</th> : null}
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <td>{r.label}</td>
                  <td>{r.date.length > 10 ? beijing(r.date) : r.date}</td>
                  <td>{p.status(r)}</td>
                  {p.extra ? <td>{p.extra(r)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

async function agencyPage(c: C, id: number, form?: { requestId: number; state: FormState }, status = 200) {
  const d = await countyAgencyDetail(c.get('ctx'), id);
  const today = c.get('ctx').clock.today();
  // 督办 is the county supervisor's (county.supervision); the inspector reads only. Being above: readAgency.
  const canSupervise = supervisionPolicy.planBelow(c.get('ctx').actor);
  const superviseForm = (requestId: number) => {
    const f = form?.requestId === requestId ? form.state : emptyForm();
    return (
      <details open={form?.requestId === requestId}>
        <summary>督办</summary>
        <RecordForm
          action={`${agencyHref(id)}/requests/${requestId}/supervise`}
          csrf={c.get('csrf')}
          form={f}
          fields={superviseFields(2)}
          submit="发出督办"
        />
      </details>
    );
  };
  return officePage(
    c,
    d.agency.name,
    <>
      <p>
        <a href={COUNTY_BASE}>← 全县政务公开监督</a>
      </p>
      <h1>{d.agency.name}</h1>
      <p class="muted">只读明细，截至{today}。</p>
      <Section
        title="依申请公开超期"
        rows={d.overdueRequests}
        dateLabel="答复期限"
        status={(r) => REQUEST_STATE_LABELS[r.status as RequestState] ?? r.status}
        extra={(r) =>
          r.supervised ? (
            <span>已督办，待答复</span>
          ) : canSupervise ? (
            superviseForm(r.id)
          ) : (
            <span>未督办</span>
          )
        }
      />
      <Section
        title="主动公开超过20个工作日"
        rows={d.latePublications}
        dateLabel="应公开日期"
        status={(r) =>
          PUBLICATION_STATUS_LABELS[r.status as keyof typeof PUBLICATION_STATUS_LABELS] ?? r.status
        }
      />
      <Section
        title={`审核滞留（超过${STUCK_REVIEW_DAYS}天）`}
        rows={d.stuckReviews}
        dateLabel="最近变动"
        status={(r) =>
          PUBLICATION_STATUS_LABELS[r.status as keyof typeof PUBLICATION_STATUS_LABELS] ?? r.status
        }
      />
      <Section
        title="村务公开逾期"
        rows={d.lateVillageItems.map((v) => ({ ...v, label: `${v.village}：${v.label}` }))}
        dateLabel="应公开日期"
        status={(r) => VILLAGE_STATUS_LABELS[r.status as keyof typeof VILLAGE_STATUS_LABELS] ?? r.status}
      />
      <Section
        title="留言超期未答复"
        rows={d.overdueInquiries}
        dateLabel="答复期限"
        status={(r) => INQUIRY_STATE_LABELS[r.status as keyof typeof INQUIRY_STATE_LABELS] ?? r.status}
      />
      <Section
        title="未销号问题"
        rows={d.openProblems.map((p) => ({ ...p, label: `${p.reference} ${p.label}` }))}
        dateLabel="整改期限"
        status={(r) => (r.status === 'open' ? (r.date < today ? '整改逾期' : '待整改') : '待复核销号')}
        extra={(r) => <a href={`/office/supervision/problems/${r.id}`}>查看与督办</a>}
      />
    </>,
    status,
  );
}

export function countyOfficeRoutes(app: App): void {
  app.get(COUNTY_BASE, (c) => dashboardPage(c));
  app.get(`${COUNTY_BASE}/agencies/:id{[0-9]+}`, (c) => agencyPage(c, Number(c.req.param('id'))));
  app.post(`${COUNTY_BASE}/agencies/:id{[0-9]+}/requests/:rid{[0-9]+}/supervise`, async (c) => {
    const id = Number(c.req.param('id'));
    const requestId = Number(c.req.param('rid'));
    const f = await formData(c);
    try {
      await superviseOverdueRequest(
        c.get('ctx'),
        requestId,
        parseInput(SuperviseInput, { demand: str(f.demand), answerBy: str(f.answerBy) }),
      );
      return redirectWithFlash(c, agencyHref(id), '已发出督办，已通知该机关');
    } catch (e) {
      const state = formOf(e, f);
      if (!state) throw e;
      return agencyPage(c, id, { requestId, state }, 400);
    }
  });
}
