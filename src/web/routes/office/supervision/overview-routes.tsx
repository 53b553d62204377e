/**
 * 监督保障 home (figures and charts of the year, the job runs with re-run for a past period), settings and the
 * checklist. Thin routes: parse → use case or page query → view.
 */
import type { App, C } from '../../../app-env.ts';
import { currentUser, officePage } from '../../../office-page.tsx';
import { emptyForm, type FormState } from '../../../views/forms.tsx';
import { str } from '../../../form.ts';
import { redirectWithFlash } from '../../../render.tsx';
import { assertCan, InvalidStateError } from '../../../../errors.ts';
import { agencyScope } from '../../../../org/org.queries.ts';
import { systemActor } from '../../../../context.ts';
import { supervisionPolicy, villageViewOf } from '../../../../supervision/supervision.policy.ts';
import { settingsOf } from '../../../../supervision/supervision.queries.ts';
import { saveSettings, supervisionOverview } from '../../../../supervision/index.ts';
import { runDailyChecks } from '../../../../supervision/daily-checks.ts';
import { runWeeklyReminder } from '../../../../supervision/weekly-reminder.ts';
import { runMonthlyBulletins } from '../../../../supervision/bulletin.ts';
import {
  listChecklist,
  ensureChecklist,
  saveChecklistItem,
} from '../../../../supervision/checklist.queries.ts';
import { OverviewView } from '../../../views/supervision/overview-view.tsx';
import { SettingsView } from '../../../views/supervision/settings-view.tsx';
import { BASE, agencyChoices, agencyOf, fieldsOf, formOf } from './shared.tsx';
import { isValidDateInput } from '../../../../calendar/date-input.ts';

async function overview(c: C) {
  // A village-only user reads no township figures, only their village's problems: the narrowed ledger.
  const scope = await agencyScope(c.get('deps').db, agencyOf(c));
  if (!supervisionPolicy.read(c.get('ctx').actor, scope) && villageViewOf(c.get('ctx').actor, scope))
    return c.redirect(`${BASE}/problems`, 303);
  const year = Number(str(c.req.query('year')) || c.get('ctx').clock.today().slice(0, 4));
  const [d, choices] = await Promise.all([
    supervisionOverview(c.get('ctx'), agencyOf(c), year),
    agencyChoices(c),
  ]);
  return officePage(c, '监督保障', <OverviewView d={d} csrf={c.get('csrf')} choices={choices} />);
}

async function settingsPage(c: C, form: FormState, status = 200) {
  const db = c.get('deps').db;
  const user = currentUser(c);
  const scope = await agencyScope(db, user.agencyId);
  assertCan(supervisionPolicy.manage(c.get('ctx').actor, scope) || user.roles.includes('admin'), {
    hide: !supervisionPolicy.read(c.get('ctx').actor, scope),
  });
  const s = await settingsOf(db, user.agencyId);
  const values = {
    followUpDays: s.followUpDays.join('，'),
    sensitiveWords: s.sensitiveWords.join('\n'),
    leaders: s.leaders.map((l) => `${l.post} ${l.name}`).join('\n'),
    checkExternalLinks: s.checkExternalLinks ? '1' : '',
    externalLinkLimit: String(s.externalLinkLimit),
    ...form.values,
  };
  await ensureChecklist(db, user.agencyId, c.get('ctx').clock.now().toISOString());
  const items = await listChecklist(db, user.agencyId);
  return officePage(
    c,
    '监督保障设置',
    <SettingsView csrf={c.get('csrf')} form={{ ...form, values }} items={items} />,
    status,
  );
}

export function overviewRoutes(app: App): void {
  app.get(BASE, (c) => overview(c));

  app.post(`${BASE}/rerun`, async (c) => {
    const user = currentUser(c);
    assertCan(
      supervisionPolicy.manage(c.get('ctx').actor, await agencyScope(c.get('deps').db, user.agencyId)),
    );
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    const kind = str(f.kind);
    const period = str(f.period).trim();
    const ctx = { ...c.get('ctx'), actor: systemActor(`重新运行（${user.displayName}）`) };
    const today = c.get('ctx').clock.today();
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
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      await saveSettings(c.get('ctx'), currentUser(c).agencyId, {
        followUpDays: str(f.followUpDays),
        sensitiveWords: str(f.sensitiveWords),
        leaders: str(f.leaders),
        checkExternalLinks: str(f.checkExternalLinks) === '1',
        externalLinkLimit: str(f.externalLinkLimit),
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
      await saveChecklistItem(c.get('ctx'), user.agencyId, {
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
}
