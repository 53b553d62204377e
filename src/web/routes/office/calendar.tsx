import type { App, C } from '../../app-env.ts';
import { currentActor, officePage } from '../../office-page.tsx';
import {
  Csrf,
  Field,
  FormError,
  Select,
  Submit,
  TextArea,
  emptyForm,
  type FormState,
} from '../../views/forms.tsx';
import { formData, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { ValidationError, isDomainError } from '../../../errors.ts';
import { orgPolicy } from '../../../org/org.policy.ts';
import { calendarPolicy } from '../../../calendar/calendar.policy.ts';
import { agencyScope } from '../../../org/org.queries.ts';
import { getCalendar } from '../../../calendar/get-calendar.ts';
import {
  findCalendarYearSummary,
  listCalendarYearSummaries,
  listRegionalHolidays,
} from '../../../calendar/calendar.queries.ts';
import { loadCalendarYear } from '../../../calendar/load-calendar-year.ts';
import { parseCalendarYearRecord, type NamedDate } from '../../../calendar/calendar-year.ts';
import { setCalendarDay } from '../../../calendar/set-calendar-day.ts';
import { addRegionalHoliday, removeRegionalHoliday } from '../../../calendar/manage-regional-holidays.ts';
import { beijingDateTime } from '../../../beijing-time.ts';
import { GRID_WEEKDAYS, monthGrid } from '../../../calendar/month-grid.ts';

/** CSS class of each kind of day in the month grid. */
const GRID_CLASS = { workday: undefined, weekend: 'weekend', holiday: 'off', makeup: 'makeup' } as const;

/** "2026-02-15 春节" lines (or "2026-02-15,春节") → named dates; blank lines ignored. */
function parseLines(text: string, fallback: string): NamedDate[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [date, ...rest] = l.split(/[\s,，、]+/);
      return { date: date!, name: rest.join(' ') || fallback };
    });
}

function reasonLabel(reason: string | null | undefined): string {
  if (!reason) return '';
  if (reason === 'weekend') return '周末';
  if (reason.startsWith('holiday:')) return reason.slice(8);
  if (reason.startsWith('regional:')) return `地方假日：${reason.slice(9)}`;
  return reason;
}

async function calendarPage(
  c: C,
  year: number,
  forms: { load?: FormState; day?: FormState; regional?: FormState } = {},
  status = 200,
) {
  const actor = currentActor(c);
  const db = c.get('deps').db;
  const cal = await getCalendar(db, actor.agencyId);
  const summary = await findCalendarYearSummary(db, year);
  const years = await listCalendarYearSummaries(db);
  const regional = await listRegionalHolidays(db, actor.agencyId);
  const canManage = calendarPolicy.manage(actor);
  const canRegional = orgPolicy.manage(actor, await agencyScope(db, actor.agencyId));
  const days = cal.yearDays(year);
  const provisional = cal.isProvisionalYear(year);
  const load = forms.load ?? emptyForm({ year: String(year) });
  return officePage(
    c,
    `工作日历 ${year}年`,
    <>
      <h1>工作日历 · {year}年</h1>
      <nav class="pager" aria-label="年份">
        <a href={`/office/calendar?year=${year - 1}`}>← {year - 1}年</a>
        <a href={`/office/calendar?year=${year + 1}`}>{year + 1}年 →</a>
        <span class="muted">
          已载入：{years.map((y) => `${y.year}年（第${y.version}版）`).join('、') || '无'}
        </span>
      </nav>
      {summary ? (
        <p>
          依据：{summary.source.title}
          {summary.source.docNo ? `（${summary.source.docNo}）` : ''} · 第{summary.version}版 ·{' '}
          {summary.loadedByName ?? '系统'}于{beijingDateTime(summary.loadedAt)}
          载入
        </p>
      ) : (
        <p class="form-error" role="status">
          <strong>暂定</strong>：{year}
          年的国务院办公厅放假安排尚未载入。本年按《全国年节及纪念日放假办法》推算（周末、法定节假日及补假，不含调休），
          涉及本年的期限均标注“暂定”。通知发布后请管理员载入。
        </p>
      )}
      <p class="muted">
        <span class="badge err">休</span> 休息日（节假日） <span class="badge ok">班</span> 调休上班日
      </p>
      <p class="muted">本日历用于计算依申请公开答复期限、主动公开时限等全部法定期限。</p>
      <div class="cal-grid">
        {Array.from({ length: 12 }, (_, m) => (
          <section class="card cal-month" aria-label={`${m + 1}月`}>
            <h2>{m + 1}月</h2>
            <table>
              <thead>
                <tr>
                  {GRID_WEEKDAYS.map((w) => (
                    <th scope="col">{w}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {monthGrid(cal, year, m + 1).map((w) => (
                  <tr>
                    {w.map((d) =>
                      !d ? (
                        <td></td>
                      ) : (
                        <td class={GRID_CLASS[d.kind]} title={d.kind === 'workday' ? undefined : d.label}>
                          {d.day}
                          {d.kind === 'holiday' || d.kind === 'makeup' ? (
                            <>
                              <span class="cal-mark" aria-hidden="true">
                                {d.kind === 'makeup' ? '班' : '休'}
                              </span>
                              <span class="sr-only">{d.label}</span>
                            </>
                          ) : null}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      {provisional ? null : (
        <p class="muted">
          本年休息日：
          {days
            .filter((d) => !d.workday && d.reason !== 'weekend')
            .map((d) => `${d.date.slice(5)} ${reasonLabel(d.reason)}`)
            .join('；')}
        </p>
      )}

      <section aria-labelledby="regional-h">
        <h2 id="regional-h">本机关地方性假日（民族自治地方等）</h2>
        <p class="hint">此处登记的假日计入本机关的全部法定期限。</p>
        {regional.length === 0 ? (
          <p class="empty">暂无</p>
        ) : (
          <table class="data">
            <thead>
              <tr>
                <th scope="col">日期</th>
                <th scope="col">名称</th>
                <th scope="col">依据</th>
                {canRegional ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {regional.map((h) => (
                <tr>
                  <td>{h.date}</td>
                  <td>{h.name}</td>
                  <td>{h.basis}</td>
                  {canRegional ? (
                    <td>
                      <form
                        method="post"
                        action={`/office/calendar/regional/${h.id}/delete`}
                        class="inline-form"
                      >
                        <Csrf token={c.get('csrf')} />
                        <button type="submit" class="link-button" data-confirm="确定删除这一地方性假日吗？">
                          删除
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canRegional ? (
          <form method="post" action="/office/calendar/regional" class="filters" novalidate>
            <Csrf token={c.get('csrf')} />
            <FormError form={forms.regional ?? emptyForm()} />
            <Field form={forms.regional ?? emptyForm()} name="date" label="日期" type="date" required />
            <Field form={forms.regional ?? emptyForm()} name="name" label="名称" required />
            <Field form={forms.regional ?? emptyForm()} name="basis" label="依据" />
            <button type="submit">添加</button>
          </form>
        ) : null}
      </section>

      {canManage ? (
        <>
          <section aria-labelledby="day-h">
            <h2 id="day-h">修改单日</h2>
            <form method="post" action="/office/calendar/day" class="filters" novalidate>
              <Csrf token={c.get('csrf')} />
              <FormError form={forms.day ?? emptyForm()} />
              <Field form={forms.day ?? emptyForm()} name="date" label="日期" type="date" required />
              <Select
                form={forms.day ?? emptyForm()}
                name="kind"
                label="设为"
                options={[
                  { value: 'rest', label: '休息日（节假日）' },
                  { value: 'workday', label: '调休上班日（仅周六、周日）' },
                  { value: 'normal', label: '恢复正常' },
                ]}
              />
              <Field form={forms.day ?? emptyForm()} name="name" label="假日名称" />
              <button type="submit">保存</button>
            </form>
          </section>
          <section aria-labelledby="load-h">
            <h2 id="load-h">载入年度放假安排通知</h2>
            <p class="hint">
              依据国务院办公厅关于部分节假日安排的通知逐日填写。每行一个日期，可在日期后写节日名称，如“2027-02-05
              春节”。 载入后，依据暂定日历计算的未办结期限将重新计算并记入审计日志。也可上传 JSON
              格式的年度记录。
            </p>
            <form method="post" action="/office/calendar/load" enctype="multipart/form-data" novalidate>
              <Csrf token={c.get('csrf')} />
              <FormError form={load} />
              <Field form={load} name="year" label="年份" type="number" required />
              <Field
                form={load}
                name="title"
                label="通知标题"
                required
                hint="如：国务院办公厅关于2027年部分节假日安排的通知"
              />
              <Field form={load} name="docNo" label="文号" hint="如：国办发明电〔2026〕×号" />
              <Field form={load} name="url" label="通知网址" />
              <TextArea form={load} name="restDays" label="放假日期（每行一个）" rows={8} />
              <TextArea
                form={load}
                name="makeupDays"
                label="调休上班日期（每行一个，须为周六或周日）"
                rows={4}
              />
              <div class="field">
                <label for="f-file">或上传 JSON 年度记录</label>
                <input id="f-file" name="file" type="file" accept=".json,application/json" />
              </div>
              <Submit>载入</Submit>
            </form>
          </section>
        </>
      ) : null}
    </>,
    status,
  );
}

function toForm(e: unknown, values: FormState['values']): FormState {
  if (e instanceof ValidationError) return { values, errors: e.fieldErrors, message: e.message };
  if (isDomainError(e) && e.code !== 'forbidden') return { values, errors: {}, message: e.message };
  throw e;
}

/** A year the calendar pages can show (1901–2099), or null. */
function realYear(y: number): number | null {
  return Number.isInteger(y) && y >= 1901 && y <= 2099 ? y : null;
}

function yearOf(c: C): number {
  const q = Number(c.req.query('year'));
  return Number.isInteger(q) && q >= 1901 && q <= 2099 ? q : Number(c.get('deps').clock.today().slice(0, 4));
}

export function calendarRoutes(app: App): void {
  app.get('/office/calendar', (c) => calendarPage(c, yearOf(c)));

  app.post('/office/calendar/load', async (c) => {
    const body = await c.req.parseBody();
    const f = await formData(c);
    const values = {
      year: str(f.year),
      title: str(f.title),
      docNo: str(f.docNo),
      url: str(f.url),
      restDays: str(f.restDays),
      makeupDays: str(f.makeupDays),
    };
    const typed = Number(values.year);
    // An impossible year is refused by loadCalendarYear; the page shown with the message is a real year.
    const year = realYear(typed) ?? yearOf(c);
    try {
      const file = body['file'];
      let input;
      if (file instanceof File && file.size > 0) {
        if (file.size > 1024 * 1024) throw new ValidationError('JSON 文件不能超过 1 MB');
        let json: unknown;
        try {
          json = JSON.parse(await file.text());
        } catch {
          throw new ValidationError('上传的文件不是有效的 JSON');
        }
        input = parseCalendarYearRecord(json);
      } else {
        if (!values.title.trim()) throw new ValidationError('请填写通知标题', { title: '必填' });
        input = {
          year: typed,
          source: {
            title: values.title.trim(),
            docNo: values.docNo.trim() || null,
            url: values.url.trim() || null,
          },
          restDays: parseLines(values.restDays, '法定节假日'),
          makeupWorkdays: parseLines(values.makeupDays, '调休'),
        };
      }
      const saved = await loadCalendarYear(c.get('ctx'), input);
      return redirectWithFlash(
        c,
        `/office/calendar?year=${saved.year}`,
        `已载入${saved.year}年放假安排（第${saved.version}版）`,
      );
    } catch (e) {
      return calendarPage(c, year, { load: toForm(e, values) }, 400);
    }
  });

  app.post('/office/calendar/day', async (c) => {
    const f = await formData(c);
    const values = { date: str(f.date), kind: str(f.kind), name: str(f.name) };
    try {
      await setCalendarDay(c.get('ctx'), {
        date: values.date,
        kind: values.kind as 'rest',
        name: values.name || undefined,
      });
    } catch (e) {
      const y = realYear(Number(values.date.slice(0, 4))) ?? yearOf(c);
      return calendarPage(c, y, { day: toForm(e, values) }, 400);
    }
    return redirectWithFlash(c, `/office/calendar?year=${values.date.slice(0, 4)}`, `已修改 ${values.date}`);
  });

  app.post('/office/calendar/regional', async (c) => {
    const f = await formData(c);
    const values = { date: str(f.date), name: str(f.name), basis: str(f.basis) };
    try {
      await addRegionalHoliday(c.get('ctx'), currentActor(c).agencyId, {
        date: values.date,
        name: values.name,
        basis: values.basis || undefined,
      });
    } catch (e) {
      return calendarPage(
        c,
        realYear(Number(values.date.slice(0, 4))) ?? yearOf(c),
        { regional: toForm(e, values) },
        400,
      );
    }
    return redirectWithFlash(
      c,
      `/office/calendar?year=${values.date.slice(0, 4)}`,
      `已添加地方性假日 ${values.date}`,
    );
  });

  app.post('/office/calendar/regional/:id{[0-9]+}/delete', async (c) => {
    await removeRegionalHoliday(c.get('ctx'), Number(c.req.param('id')));
    return redirectWithFlash(c, '/office/calendar', '已删除地方性假日');
  });
}
