/** The 依申请公开 ledger: the filters, the table of requests and the pager. Pure. */
import { Field, Select, emptyForm } from '../forms.tsx';
import {
  APPLICANT_KIND_LABELS,
  OUTCOMES,
  OUTCOME_LABELS,
  REQUEST_STATES,
  STATE_LABELS,
} from '../../../requests/request.ts';
import type { LedgerRow } from '../../../requests/ledger.ts';
import { shorten } from '../../../text/cut.ts';
import { BASE, DueBadge, opts } from './shared.tsx';

/** The month filters the dashboard's charts link with, kept when the form is submitted again. */
function MonthFilters({ received, closed }: { received?: string; closed?: string }) {
  const label = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;
  return (
    <>
      {received ? <input type="hidden" name="received" value={received} /> : null}
      {closed ? <input type="hidden" name="closed" value={closed} /> : null}
      {received || closed ? (
        <p class="muted">
          {received ? `收到申请：${label(received)} ` : ''}
          {closed ? `办结：${label(closed)} ` : ''}
          <a href={BASE}>清除筛选</a>
        </p>
      ) : null}
    </>
  );
}

export interface LedgerViewProps {
  ledger: {
    rows: LedgerRow[];
    total: number;
    page: number;
    pageSize: number;
    filter: { received?: string; closed?: string };
  };
  /** The query string as submitted (the filters keep it). */
  q: Record<string, string>;
  agencyId: number;
  /** Links to the agency-level pages keep the agency an inspector chose ('' for one's own). */
  agencyQs: string;
  agencies: { value: string; label: string }[];
  offices: { id: number; name: string }[];
  users: { id: number; displayName: string }[];
  today: string;
  canRegister: boolean;
  /** The 更正 register is the agency's own (an inspector reading a township below does not reach it). */
  canSeeCorrections: boolean;
  canManageSettings: boolean;
}

export function LedgerView(p: LedgerViewProps) {
  const { ledger, q, agencyId, agencyQs, agencies, offices, users, today } = p;
  const f = emptyForm(q);
  const pages = Math.max(1, Math.ceil(ledger.total / ledger.pageSize));
  const qs = (page: number) => new URLSearchParams({ ...q, page: String(page) }).toString();
  return (
    <>
      <h1>依申请公开台账</h1>
      <p>
        {p.canRegister ? (
          <a class="button primary" href={`${BASE}/new`}>
            登记申请
          </a>
        ) : null}{' '}
        <a href={`${BASE}/report${agencyQs}`}>年报数据（表二、表三）</a> ·{' '}
        <a href={`${BASE}/appeals${agencyQs}`}>复议诉讼</a>
        {agencyQs === '' && p.canSeeCorrections ? (
          <>
            {' '}
            · <a href={`${BASE}/corrections`}>更正申请</a>
          </>
        ) : null}
        {p.canManageSettings ? (
          <>
            {' '}
            · <a href={`${BASE}/settings`}>设置与文书模板</a>
          </>
        ) : null}
      </p>
      <form method="get" action={BASE} class="filters">
        {agencies.length > 1 ? (
          <Select
            form={emptyForm({ agency: String(agencyId) })}
            name="agency"
            label="机关"
            options={agencies}
          />
        ) : null}
        <Select
          form={f}
          name="status"
          label="状态"
          blank="全部"
          options={opts(REQUEST_STATES, STATE_LABELS)}
        />
        <Select
          form={f}
          name="due"
          label="期限"
          blank="全部"
          options={[
            { value: 'open', label: '办理中' },
            { value: 'soon', label: '即将到期' },
            { value: 'overdue', label: '已逾期' },
          ]}
        />
        <Select
          form={f}
          name="officeId"
          label="站办所"
          blank="全部"
          options={offices.map((o) => ({ value: String(o.id), label: o.name }))}
        />
        <Select
          form={f}
          name="handlerId"
          label="承办人"
          blank="全部"
          options={users.map((u) => ({ value: String(u.id), label: u.displayName }))}
        />
        <Select
          form={f}
          name="outcome"
          label="办理结果"
          blank="全部"
          options={opts(OUTCOMES, OUTCOME_LABELS)}
        />
        <Field form={f} name="year" label="年度" type="number" />
        <Field form={f} name="q" label="编号或内容" />
        <MonthFilters received={ledger.filter.received} closed={ledger.filter.closed} />
        <button type="submit">筛选</button>{' '}
        <a href={`${BASE}/export.xlsx?${new URLSearchParams({ ...q }).toString()}`}>导出 Excel</a>
      </form>
      <p class="muted">共 {ledger.total} 件</p>
      {ledger.rows.length === 0 ? (
        <p class="empty">没有符合条件的申请</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">登记编号</th>
                <th scope="col">申请人</th>
                <th scope="col">证件号码</th>
                <th scope="col">申请内容</th>
                <th scope="col">收到日期</th>
                <th scope="col">答复期限</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {ledger.rows.map((r) => (
                <tr>
                  <td>
                    <a href={`${BASE}/${r.id}`}>{r.reference}</a>
                  </td>
                  <td>
                    {r.applicantName}
                    <br />
                    <span class="muted">{APPLICANT_KIND_LABELS[r.applicantKind]}</span>
                  </td>
                  <td>{r.idNumberMasked}</td>
                  <td>{shorten(r.infoDescription, 41)}</td>
                  <td>{r.receivedOn ?? <span class="badge warn">待确认</span>}</td>
                  <td>
                    <DueBadge r={r} today={today} />
                  </td>
                  <td>{STATE_LABELS[r.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav class="pager" aria-label="分页">
          {ledger.page > 1 ? <a href={`${BASE}?${qs(ledger.page - 1)}`}>上一页</a> : null} 第 {ledger.page} /{' '}
          {pages} 页 {ledger.page < pages ? <a href={`${BASE}?${qs(ledger.page + 1)}`}>下一页</a> : null}
        </nav>
      ) : null}
    </>
  );
}
