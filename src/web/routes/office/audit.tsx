import { pageParam } from '../../form.ts';
import type { App, C } from '../../app-env.ts';
import { currentActor, officePage } from '../../office-page.tsx';
import { assertCan } from '../../../errors.ts';
import { auditPolicy } from '../../../audit/audit.policy.ts';
import { agencyScope, descendantIds } from '../../../org/org.queries.ts';
import { listAuditEvents, type AuditFilter } from '../../../audit/audit.queries.ts';
import { exportAudit } from '../../../audit/export-audit.ts';
import { attachment, XLSX_TYPE } from '../../../documents/xlsx.ts';
import { isValidDateInput } from '../../../calendar/date-input.ts';
import { objectTypeLabel } from '../../../audit/object-labels.ts';
import { beijingDateTime } from '../../../beijing-time.ts';

const PAGE = 50;

async function filterFrom(c: C): Promise<AuditFilter> {
  const actor = currentActor(c);
  const db = c.get('deps').db;
  assertCan(auditPolicy.view(actor, await agencyScope(db, actor.agencyId)));
  const q = c.req.query();
  const date = (s: string | undefined) => (s && isValidDateInput(s) ? s : undefined);
  return {
    agencyIds: actor.roles.includes('admin') ? await descendantIds(db, actor.agencyId) : [actor.agencyId],
    actor: q.actor?.trim() || undefined,
    action: q.action || undefined,
    objectType: q.objectType?.trim() || undefined,
    objectId: q.objectId?.trim() || undefined,
    from: date(q.from),
    to: date(q.to),
  };
}

export function auditRoutes(app: App): void {
  app.get('/office/audit', async (c) => {
    const f = await filterFrom(c);
    const pageNo = pageParam(c);
    const { rows, total } = await listAuditEvents(c.get('deps').db, f, PAGE, (pageNo - 1) * PAGE);
    const qs = new URLSearchParams(
      Object.entries(c.req.query()).filter(([k, v]) => k !== 'page' && v) as [string, string][],
    ).toString();
    const pages = Math.max(1, Math.ceil(total / PAGE));
    return officePage(
      c,
      '审计日志',
      <>
        <h1>审计日志</h1>
        <form method="get" action="/office/audit" class="filters" role="search">
          <div class="field">
            <label for="a-actor">操作人</label>
            <input id="a-actor" name="actor" value={f.actor ?? ''} />
          </div>
          <div class="field">
            <label for="a-action">操作</label>
            <select id="a-action" name="action">
              <option value="">全部</option>
              {Object.entries(c.get('shell').auditLabels).map(([k, v]) => (
                <option value={k} selected={f.action === k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="a-ot">对象类型</label>
            <input id="a-ot" name="objectType" value={f.objectType ?? ''} />
          </div>
          <div class="field">
            <label for="a-oid">对象编号</label>
            <input id="a-oid" name="objectId" value={f.objectId ?? ''} />
          </div>
          <div class="field">
            <label for="a-from">起始日期</label>
            <input id="a-from" name="from" type="date" value={f.from ?? ''} />
          </div>
          <div class="field">
            <label for="a-to">截止日期</label>
            <input id="a-to" name="to" type="date" value={f.to ?? ''} />
          </div>
          <button type="submit">筛选</button>
          <a class="button" href={`/office/audit/export.xlsx${qs ? `?${qs}` : ''}`}>
            导出 Excel
          </a>
        </form>
        <p class="muted">共 {total} 条</p>
        {rows.length === 0 ? (
          <p class="empty">没有符合条件的记录</p>
        ) : (
          <div class="table-scroll" tabindex={0}>
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">时间</th>
                  <th scope="col">操作人</th>
                  <th scope="col">来源</th>
                  <th scope="col">操作</th>
                  <th scope="col">对象</th>
                  <th scope="col">变更</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>{beijingDateTime(r.occurredAt)}</td>
                    <td>{r.actorName}</td>
                    <td>{r.ip}</td>
                    <td>{c.get('shell').auditLabels[r.action] ?? '其他操作'}</td>
                    <td>{objectTypeLabel(r.objectType)}</td>
                    <td>
                      {r.note ? <div>{r.note}</div> : null}
                      {r.before || r.after ? (
                        <details>
                          <summary>原始记录（供核查）</summary>
                          {r.before ? <pre class="raw-record">变更前：{r.before}</pre> : null}
                          {r.after ? <pre class="raw-record">变更后：{r.after}</pre> : null}
                        </details>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav class="pager" aria-label="分页">
          {pageNo > 1 ? <a href={`/office/audit?${qs}&page=${pageNo - 1}`}>上一页</a> : null}
          <span>
            第 {pageNo} / {pages} 页
          </span>
          {pageNo < pages ? <a href={`/office/audit?${qs}&page=${pageNo + 1}`}>下一页</a> : null}
        </nav>
      </>,
    );
  });

  app.get('/office/audit/export.xlsx', async (c) => {
    const f = await filterFrom(c);
    const buf = await exportAudit(c.get('ctx'), f, c.get('shell').auditLabels);
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachment('审计日志.xlsx'),
    });
  });
}
