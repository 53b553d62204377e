/**
 * 监督保障 home: figures and charts of the year (problems by status and month, timeliness, rectification time) with
 * a data table beside each chart, the job runs with re-run for a past period, settings, checklist, and the county
 * permission. Thin routes.
 */
import type { App, C } from '../../../app-env.ts';
import { currentUser, officePage } from '../../../office-page.tsx';
import {
  Csrf,
  Field,
  FormError,
  Submit,
  TextArea,
  emptyForm,
  type FormState,
} from '../../../views/forms.tsx';
import { str } from '../../../form.ts';
import { redirectWithFlash } from '../../../render.tsx';
import { assertCan, InvalidStateError, ValidationError, fromZod } from '../../../../errors.ts';
import { recordEvent } from '../../../../audit/record-event.ts';
import { agencyScope, listUsers } from '../../../../org/org.queries.ts';
import { systemActor } from '../../../../context.ts';
import {
  supervisionPolicy,
  PERMISSION_LABELS,
  COUNTY_PERMISSION,
} from '../../../../supervision/supervision.policy.ts';
import {
  SupervisionSettingsSchema,
  hasPermission,
  settingsOf,
  writeSettings,
} from '../../../../supervision/supervision.queries.ts';
import {
  allProblems,
  monthPeriod,
  pct,
  problemFigures,
  timeliness,
} from '../../../../supervision/supervision-stats.ts';
import { listRuns } from '../../../../supervision/runs.ts';
import { runDailyChecks, DAILY_JOB } from '../../../../supervision/daily-checks.ts';
import { runWeeklyReminder, WEEKLY_JOB } from '../../../../supervision/weekly-reminder.ts';
import { runMonthlyBulletins, MONTHLY_JOB } from '../../../../supervision/bulletin.ts';
import {
  listChecklist,
  ensureChecklist,
  saveChecklistItem,
} from '../../../../supervision/checklist.queries.ts';
import { setCountyPermission } from '../../../../supervision/supervise-problem.ts';
import { Chart, ChartGrid } from '../../../../charts/index.ts';
import type { Problem } from '../../../../supervision/supervision.queries.ts';
import { AgencyPicker, BASE, agencyChoices, agencyOf, beijing, fieldsOf, formOf } from './shared.tsx';
import { isValidDateInput } from '../../../../calendar/date-input.ts';

const RUN_LABELS: Record<string, string> = {
  [DAILY_JOB]: '每日巡查',
  [WEEKLY_JOB]: '每周提醒',
  [MONTHLY_JOB]: '每月通报',
};
const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
const STATUS_SERIES: { label: string; test: (p: Problem, today: string) => boolean }[] = [
  { label: '待整改', test: (p, today) => p.status === 'open' && p.deadline >= today },
  { label: '整改逾期', test: (p, today) => p.status === 'open' && p.deadline < today },
  { label: '待销号', test: (p) => p.status === 'rectified' },
  { label: '已销号', test: (p) => p.status === 'closed' },
];

async function overview(c: C) {
  const db = c.var.deps.db;
  const agencyId = agencyOf(c);
  const scope = await agencyScope(db, agencyId);
  assertCan(supervisionPolicy.read(c.var.ctx.actor, scope), { hide: true });
  const today = c.var.ctx.clock.today();
  const year = Number(str(c.req.query('year')) || today.slice(0, 4));
  const all = await allProblems(db, agencyId);
  // Months that have begun (the current year stops at this month: no figures for the future).
  const shown = months.filter((m) => `${year}-${m}` <= today.slice(0, 7));
  const tl = await Promise.all(shown.map((m) => timeliness(db, agencyId, monthPeriod(`${year}-${m}`))));
  const yearFig = problemFigures(all, { first: `${year}-01-01`, last: `${year}-12-31` });
  const buckets = [
    { label: '7天内', test: (d: number) => d <= 7 },
    { label: '8—15天', test: (d: number) => d > 7 && d <= 15 },
    { label: '16—30天', test: (d: number) => d > 15 && d <= 30 },
    { label: '30天以上', test: (d: number) => d > 30 },
  ];
  const open = all.filter((p) => p.status === 'open');
  const byStatus = {
    待整改: open.filter((p) => p.deadline >= today).length,
    整改逾期: open.filter((p) => p.deadline < today).length,
    待销号: all.filter((p) => p.status === 'rectified').length,
    已销号: all.filter((p) => p.status === 'closed').length,
  };
  const manage = supervisionPolicy.manage(c.var.ctx.actor, scope);
  const runs = manage ? await listRuns(db, 12) : [];
  const choices = await agencyChoices(c);
  const link = (p: string) => `${BASE}/${p}?agency=${agencyId}`;
  return officePage(
    c,
    '监督保障',
    <>
      <h1>监督保障</h1>
      <AgencyPicker choices={choices} current={agencyId} action={BASE} />
      <nav class="filters" aria-label="监督保障">
        <a class="button" href={link('problems')}>
          整改台账
        </a>
        <a class="button" href={link('inspections')}>
          专项督查
        </a>
        <a class="button" href={link('bulletins')}>
          每月通报
        </a>
        <a class="button" href={link('trainings')}>
          业务培训
        </a>
        <a class="button" href={link('evaluations')}>
          社会评议
        </a>
        <a class="button" href={link('assessment')}>
          考核与责任追究
        </a>
        {manage ? (
          <a class="button" href={`${BASE}/settings`}>
            设置
          </a>
        ) : null}
      </nav>
      <div class="cards">
        {Object.entries(byStatus).map(([k, v]) => (
          <div class="card stat">
            <strong>{v}</strong>
            <span>{k}</span>
          </div>
        ))}
        <div class="card stat">
          <strong>{pct(yearFig.fixedOnTime, yearFig.fixed)}</strong>
          <span>{year}年按期整改率</span>
        </div>
      </div>
      <ChartGrid>
        <Chart
          open
          spec={{
            kind: 'stacked-bar',
            id: 'sv-problems-by-month',
            title: `${year}年各月发现的问题及其现状（个）`,
            lead: '按发现月份统计问题数，并按问题当前的整改状态分色。',
            categories: shown.map((m) => ({
              label: `${Number(m)}月`,
              href: `${BASE}/problems?agency=${agencyId}`,
            })),
            series: STATUS_SERIES.map((st) => ({
              label: st.label,
              values: shown.map(
                (m) =>
                  all.filter((p) => p.foundOn.slice(0, 7) === `${year}-${m}` && st.test(p, today)).length,
              ),
            })),
            href: `${BASE}/problems?agency=${agencyId}`,
            hrefLabel: '查看整改台账',
          }}
        />
        <Chart
          open
          spec={{
            kind: 'line',
            id: 'sv-timeliness',
            title: `${year}年各月公开时效`,
            format: 'percent',
            lead: '主动公开在20个工作日内公开的比例，依申请公开在法定期限内答复的比例；当月没有记录的为“—”。',
            categories: shown.map((m) => ({ label: `${Number(m)}月` })),
            series: [
              {
                label: '主动公开按时率',
                values: tl.map((t) => (t.published ? t.publishedOnTime / t.published : null)),
              },
              {
                label: '申请按期答复率',
                values: tl.map((t) => (t.replied ? t.repliedOnTime / t.replied : null)),
              },
            ],
          }}
        />
        <Chart
          open
          spec={{
            kind: 'bar',
            id: 'sv-rectify-time',
            title: `${year}年销号问题的整改用时`,
            valueLabel: '问题数',
            lead: '从发现到销号的天数。',
            categories: buckets.map((b) => ({ label: b.label })),
            values: buckets.map((b) => yearFig.rectifyDays.filter(b.test).length),
          }}
        />
      </ChartGrid>
      {manage ? (
        <section>
          <h2>定时任务</h2>
          <p class="muted">
            每日巡查每天6:30、每周提醒每周一8:00、每月通报每月1日7:00自动运行，多实例下只运行一次；也可为过去的日期、周或月份重新运行。
          </p>
          <form method="post" action={`${BASE}/rerun`} class="inline-form">
            <Csrf token={c.var.csrf} />
            <label for="f-kind">任务</label>
            <select id="f-kind" name="kind">
              <option value="daily">每日巡查</option>
              <option value="weekly">每周提醒</option>
              <option value="monthly">每月通报</option>
            </select>
            <label for="f-period">期间</label>
            <input id="f-period" name="period" placeholder="2026-11-30 / 2026-W48 / 2026-10" />
            <button type="submit">重新运行</button>
          </form>
          <table class="data" id="runs">
            <thead>
              <tr>
                <th scope="col">任务</th>
                <th scope="col">期间</th>
                <th scope="col">开始</th>
                <th scope="col">结果</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr>
                  <td>{RUN_LABELS[r.kind] ?? r.kind}</td>
                  <td>{r.period}</td>
                  <td>{beijing(r.startedAt)}</td>
                  <td>{r.finishedAt ? runSummary(r.result) : '运行中'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>,
  );
}

function runSummary(r: Record<string, any> | null): string {
  if (!r) return '—';
  const parts: string[] = [];
  if (r.problems != null) parts.push(`新发现问题${r.problems}个`);
  if (r.reminders != null) parts.push(`提醒${r.reminders}条`);
  if (r.escalated != null) parts.push(`逾期升级${r.escalated}个`);
  if (r.followUps)
    parts.push(
      `回头看：未复发${r.followUps.passed}、复发${r.followUps.reopened}、待人工${r.followUps.notified}`,
    );
  if (r.digests != null) parts.push(`发送周提醒${r.digests}份`);
  if (r.bulletins != null) parts.push(`起草通报${r.bulletins}份`);
  return parts.join('，') || '完成';
}

async function settingsPage(c: C, form: FormState, status = 200) {
  const db = c.var.deps.db;
  const user = currentUser(c);
  const scope = await agencyScope(db, user.agencyId);
  assertCan(supervisionPolicy.manage(c.var.ctx.actor, scope) || user.roles.includes('admin'));
  const s = await settingsOf(db, user.agencyId);
  const values = {
    followUpDays: s.followUpDays.join('，'),
    sensitiveWords: s.sensitiveWords.join('\n'),
    leaders: s.leaders.map((l) => `${l.post} ${l.name}`).join('\n'),
    checkExternalLinks: s.checkExternalLinks ? '1' : '',
    externalLinkLimit: String(s.externalLinkLimit),
    ...form.values,
  };
  const f = { ...form, values };
  const inspectors = (await listUsers(db, user.agencyId)).filter(
    (u) => u.isActive && u.roles.includes('inspector'),
  );
  const granted = new Map<number, boolean>();
  for (const u of inspectors) granted.set(u.id, await hasPermission(db, u.id));
  await ensureChecklist(db, user.agencyId, c.var.ctx.clock.now().toISOString());
  const items = await listChecklist(db, user.agencyId);
  return officePage(
    c,
    '监督保障设置',
    <>
      <h1>监督保障设置</h1>
      <form method="post" action={`${BASE}/settings`} novalidate>
        <Csrf token={c.var.csrf} />
        <FormError form={f} />
        <Field
          form={f}
          name="followUpDays"
          label="回头看时间（销号后天数，用逗号分隔）"
          required
          hint="默认：30，90"
        />
        <TextArea form={f} name="sensitiveWords" label="错敏词（每行一个）" rows={5} />
        <TextArea
          form={f}
          name="leaders"
          label="领导姓名职务名单（每行“职务 姓名”）"
          rows={5}
          hint="如：乡长 张三；每日巡查检查已公开信息中的领导职务是否与名单一致"
        />
        <div class="field">
          <label class="check">
            <input
              type="checkbox"
              name="checkExternalLinks"
              value="1"
              checked={values.checkExternalLinks === '1'}
            />{' '}
            每日巡查也检查外部链接（逐个访问，每次有上限）
          </label>
        </div>
        <Field form={f} name="externalLinkLimit" label="每次最多检查的外部链接数" />
        <Submit>保存设置</Submit>
      </form>

      <h2 id="checklist">督查清单</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">检查项目</th>
            <th scope="col">依据</th>
            <th scope="col">状态</th>
            <th scope="col">修改</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr>
              <td>{i.label}</td>
              <td>{i.basis}</td>
              <td>
                {i.isActive ? '使用中' : '已停用'}
                {i.checkKind ? '，可系统复查' : ''}
              </td>
              <td>
                <form method="post" action={`${BASE}/checklist`} class="inline-form">
                  <Csrf token={c.var.csrf} />
                  <input type="hidden" name="id" value={String(i.id)} />
                  <input type="hidden" name="label" value={i.label} />
                  <input type="hidden" name="basis" value={i.basis ?? ''} />
                  <input type="hidden" name="isActive" value={i.isActive ? '' : '1'} />
                  <button type="submit" class="link-button">
                    {i.isActive ? '停用' : '启用'}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action={`${BASE}/checklist`} novalidate>
        <Csrf token={c.var.csrf} />
        <input type="hidden" name="isActive" value="1" />
        <Field form={emptyForm()} name="label" label="新增检查项目" required />
        <Field form={emptyForm()} name="basis" label="依据" />
        <Submit>新增</Submit>
      </form>

      {inspectors.length && user.roles.includes('admin') ? (
        <section id="permissions">
          <h2>县级督查权限</h2>
          <p class="muted">
            “{PERMISSION_LABELS[COUNTY_PERMISSION]}
            ”：可对下级乡镇制定督查计划、在其整改台账中登记问题、对逾期问题发出督办。与只读的督查角色分开授予，授予和收回均记入审计日志。
          </p>
          <table class="data">
            <tbody>
              {inspectors.map((u) => (
                <tr>
                  <td>{u.displayName}</td>
                  <td>{granted.get(u.id) ? '已授予' : '未授予'}</td>
                  <td>
                    <form method="post" action={`${BASE}/permissions`} class="inline-form">
                      <Csrf token={c.var.csrf} />
                      <input type="hidden" name="userId" value={String(u.id)} />
                      <input type="hidden" name="grant" value={granted.get(u.id) ? '' : '1'} />
                      <button type="submit">{granted.get(u.id) ? '收回' : '授予'}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>,
    status,
  );
}

export function overviewRoutes(app: App): void {
  app.get(BASE, (c) => overview(c));

  app.post(`${BASE}/rerun`, async (c) => {
    const user = currentUser(c);
    assertCan(supervisionPolicy.manage(c.var.ctx.actor, await agencyScope(c.var.deps.db, user.agencyId)));
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    const kind = str(f.kind);
    const period = str(f.period).trim();
    const ctx = { ...c.var.ctx, actor: systemActor(`重新运行（${user.displayName}）`) };
    const today = c.var.ctx.clock.today();
    if (kind === 'monthly') {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period) || period >= today.slice(0, 7))
        return redirectWithFlash(c, BASE, '请填写已结束的月份，如 2026-10');
      const r = await runMonthlyBulletins(ctx, { month: period });
      return redirectWithFlash(c, BASE, `已重新起草${period}的通报${r.bulletins}份（已人工修改的正文保留）`);
    }
    if (kind === 'weekly') {
      if (!/^\d{4}-W\d{2}$/.test(period)) return redirectWithFlash(c, BASE, '请填写周次，如 2026-W48');
      const r = await runWeeklyReminder(ctx, { week: period });
      return redirectWithFlash(c, BASE, `已发送每周提醒${r.digests}份`);
    }
    if (kind === 'daily') {
      if (period && !isValidDateInput(period)) return redirectWithFlash(c, BASE, '请填写日期，如 2026-11-30');
      const r = await runDailyChecks(ctx, { period: period || today });
      return redirectWithFlash(c, BASE, `每日巡查已运行：新发现问题${r.problems}个`);
    }
    throw new InvalidStateError('未知的任务');
  });

  app.get(`${BASE}/settings`, (c) => settingsPage(c, emptyForm()));
  app.post(`${BASE}/settings`, async (c) => {
    const user = currentUser(c);
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      assertCan(supervisionPolicy.manage(c.var.ctx.actor, await agencyScope(c.var.deps.db, user.agencyId)));
      const leaders = str(f.leaders)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => {
          const m = /^(\S+)\s+(\S+)$/.exec(l);
          if (!m)
            throw new ValidationError(`领导名单格式应为“职务 姓名”：${l}`, { leaders: `第一处错误：${l}` });
          return { post: m[1]!, name: m[2]! };
        });
      const parsed = SupervisionSettingsSchema.safeParse({
        followUpDays: str(f.followUpDays)
          .split(/[,，\s]+/)
          .filter(Boolean)
          .map(Number),
        sensitiveWords: [
          ...new Set(
            str(f.sensitiveWords)
              .split('\n')
              .map((w) => w.trim())
              .filter(Boolean),
          ),
        ],
        leaders,
        checkExternalLinks: str(f.checkExternalLinks) === '1',
        externalLinkLimit: Number(str(f.externalLinkLimit) || 20),
      });
      if (!parsed.success) {
        const e = fromZod(parsed.error);
        throw new ValidationError(
          e.fieldErrors.followUpDays ? '回头看时间应为1至730之间的整数天数，最多5个' : e.message,
          e.fieldErrors,
        );
      }
      const before = await settingsOf(c.var.deps.db, user.agencyId);
      await c.var.deps.db.transaction().execute(async (trx) => {
        await writeSettings(trx, user.agencyId, parsed.data, c.var.ctx.clock.now().toISOString());
        await recordEvent(trx, c.var.ctx, {
          action: 'supervision.settings_changed',
          objectType: 'agency',
          objectId: user.agencyId,
          before,
          after: parsed.data,
        });
      });
      return redirectWithFlash(c, `${BASE}/settings`, '设置已保存');
    } catch (e) {
      return settingsPage(c, formOf(e, f), 400);
    }
  });

  app.post(`${BASE}/checklist`, async (c) => {
    const user = currentUser(c);
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      await saveChecklistItem(c.var.ctx, user.agencyId, {
        id: str(f.id) ? Number(str(f.id)) : null,
        label: str(f.label),
        basis: str(f.basis),
        isActive: str(f.isActive) === '1',
      });
      return redirectWithFlash(c, `${BASE}/settings#checklist`, '督查清单已更新');
    } catch (e) {
      return settingsPage(c, formOf(e, f), 400);
    }
  });

  app.post(`${BASE}/permissions`, async (c) => {
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    await setCountyPermission(c.var.ctx, Number(str(f.userId)), str(f.grant) === '1');
    return redirectWithFlash(
      c,
      `${BASE}/settings#permissions`,
      str(f.grant) === '1' ? '已授予县级督查权限' : '已收回县级督查权限',
    );
  });
}
