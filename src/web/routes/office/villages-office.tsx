/**
 * The township's village pages: the 13-village × 12-month heatmap with its table, the overdue list and counts
 * (read-only for a county inspector, who picks a township below), one village's calendar and items, the 四议两公开
 * form, and the template catalogue (versions, which villages use which).
 */
import type { App, C } from '../../app-env.ts';
import { currentActor, officePage } from '../../office-page.tsx';
import type { FormState } from '../../views/forms.tsx';
import { formData, list, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { assertCan, isDomainError, type ValidationError } from '../../../errors.ts';
import { systemActor } from '../../../context.ts';
import { agencyScope, descendantIds, listAgencies } from '../../../org/org.queries.ts';
import { villagePolicy } from '../../../villages/village.policy.ts';
import { townshipOverview, villageTemplates, yearItems } from '../../../villages/township-overview.ts';
import { ensureItemTemplates } from '../../../villages/seed-item-templates.ts';
import { slotsOfYear } from '../../../villages/disclosure-calendar.ts';
import {
  listCurrentTemplates,
  listTemplateUses,
  listTemplateVersions,
  listVillageItemHeads,
  villageOf,
} from '../../../villages/villages.queries.ts';
import { listVillageDecisions } from '../../../villages/index.ts';
import { villageProblems } from '../../../supervision/index.ts';
import { isKind, periodsOfYear } from '../../../villages/village-disclosure.ts';
import { getVillageSettings } from '../../../villages/village-settings.ts';
import { recordDecision } from '../../../villages/record-decision.ts';
import {
  newTemplateVersion,
  pushTemplate,
  updateVillageSettings,
} from '../../../villages/manage-item-templates.ts';
import { OverviewView } from '../../views/villages/overview-view.tsx';
import { TemplatesView } from '../../views/villages/templates-view.tsx';
import { DecisionFormView, VillagePageView } from '../../views/villages/village-view.tsx';

async function overviewPage(c: C) {
  const actor = currentActor(c);
  const db = c.get('deps').db;
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
  const allowed = new Set(below.length ? await descendantIds(db, actor.agencyId) : []);
  const towns = below.filter((a) => allowed.has(a.id));
  const q = Number(c.req.query('agency'));
  if (q && towns.some((t) => t.id === q)) agencyId = q;
  else if (towns.length && !towns.some((t) => t.id === agencyId)) agencyId = towns[0]!.id;
  const scope = await agencyScope(db, agencyId);
  assertCan(villagePolicy.viewTownship(actor, scope), {
    message: '村级公开总览仅限乡镇党政办、领导、包村干部和县督查人员查看',
  });
  const today = c.get('ctx').clock.today();
  const year = Number(c.req.query('year')) || Number(today.slice(0, 4));
  const kindQ = c.req.query('kind') ?? '';
  const kind = isKind(kindQ) ? kindQ : null;
  let ov = await townshipOverview(db, agencyId, year, today, kind);
  // The township's staff seed the templates on first use: only when a village uses none yet (read from the overview).
  if (
    villagePolicy.manageTemplates(actor, scope) &&
    (!ov.villages.length || ov.villages.some((v) => v.uses === 0))
  ) {
    await ensureItemTemplates({ ...c.get('ctx'), actor: systemActor('村级公开模板') }, agencyId);
    ov = await townshipOverview(db, agencyId, year, today, kind);
  }
  const readOnly = agencyId !== actor.agencyId;
  // The name: the user's own agency's came with the session, a township below from the list just read.
  const agencyName = readOnly
    ? (towns.find((t) => t.id === agencyId)?.name ?? '')
    : (c.get('session')?.agencyName ?? '');
  return officePage(
    c,
    '村级公开总览',
    <OverviewView
      ov={ov}
      year={year}
      kind={kind}
      agencyName={agencyName}
      agencyId={agencyId}
      readOnly={readOnly}
      towns={towns}
    />,
  );
}

async function villagePage(c: C, villageId: number, form?: FormState) {
  const actor = currentActor(c);
  const db = c.get('deps').db;
  const village = await villageOf(db, villageId);
  const scope = await agencyScope(db, village.agencyId);
  assertCan(villagePolicy.viewVillage(actor, scope, village.id), { hide: true });
  // The township's templates are seeded on first use: only when this village has none yet (two statements less on
  // every other view).
  let tpl = await villageTemplates(db, village.agencyId, village.id);
  if (!tpl.templates.length || !tpl.uses.length) {
    await ensureItemTemplates({ ...c.get('ctx'), actor: systemActor('村级公开模板') }, village.agencyId);
    tpl = await villageTemplates(db, village.agencyId, village.id);
  }
  const { calendar: uses, uses: usesOfVillage, templates } = tpl;
  const today = c.get('ctx').clock.today();
  const year = Number(c.req.query('year')) || Number(today.slice(0, 4));
  const [items, list, settings, decisions, problems] = await Promise.all([
    yearItems(db, village.agencyId, year, village.id),
    listVillageItemHeads(db, village.id, { limit: 200 }),
    getVillageSettings(db, village.agencyId),
    listVillageDecisions(db, village.id),
    villageProblems(c.get('ctx'), scope, village.id),
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
  return officePage(
    c,
    `${village.name}村级公开`,
    <VillagePageView
      village={village}
      form={form}
      canDraft={canDraft}
      csrf={c.get('csrf')}
      usable={usable}
      periods={periods}
      today={today}
      waiting={waiting}
      usesOfVillage={usesOfVillage}
      templates={templates}
      year={year}
      slots={slots}
      decisions={decisions}
      list={list}
      problems={problems}
    />,
  );
}

function decisionForm(c: C, villageId: number, form: FormState, status = 200) {
  return officePage(
    c,
    '登记四议两公开',
    <DecisionFormView villageId={villageId} form={form} csrf={c.get('csrf')} />,
    status,
  );
}

async function templatesPage(c: C, form?: FormState, status = 200, refused?: 'settings' | 'template') {
  const actor = currentActor(c);
  const db = c.get('deps').db;
  const scope = await agencyScope(db, actor.agencyId);
  assertCan(villagePolicy.viewTownship(actor, scope));
  await ensureItemTemplates({ ...c.get('ctx'), actor: systemActor('村级公开模板') }, actor.agencyId);
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
    <TemplatesView
      form={form}
      refused={refused}
      csrf={c.get('csrf')}
      canManage={canManage}
      settings={settings}
      current={current}
      versions={versions}
      uses={uses}
    />,
    status,
  );
}

async function onTemplateError(
  c: C,
  e: unknown,
  values: FormState['values'],
  refused: 'settings' | 'template',
) {
  if (isDomainError(e) && e.code === 'validation')
    return templatesPage(
      c,
      { values, errors: (e as ValidationError).fieldErrors, message: e.message },
      400,
      refused,
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
      await newTemplateVersion(c.get('ctx'), currentActor(c).agencyId, {
        code: str(f.code),
        name: str(f.name),
        cadence: str(f.cadence),
        minNoticeDays: str(f.minNoticeDays),
        legalBasis: str(f.legalBasis),
        offlineNote: str(f.offlineNote),
        approvals: list(f.approvals),
        attachments: list(f.attachments),
        fieldsJson: str(f.fieldsJson),
      });
      return redirectWithFlash(c, '/office/villages/templates', '已保存为新版本；推送后各村使用新版本');
    } catch (e) {
      return onTemplateError(c, e, f, 'template');
    }
  });
  app.post('/office/villages/templates/push', async (c) => {
    const f = await formData(c);
    const n = await pushTemplate(c.get('ctx'), currentActor(c).agencyId, Number(str(f.templateId)));
    return redirectWithFlash(c, '/office/villages/templates', `已推送到${n}个村`);
  });
  app.post('/office/villages/settings', async (c) => {
    const f = await formData(c);
    try {
      await updateVillageSettings(c.get('ctx'), currentActor(c).agencyId, {
        answerDays: str(f.answerDays),
        remindDaysBefore: str(f.remindDaysBefore),
        dueDay: str(f.dueDay),
        objectionNameRequired: str(f.objectionNameRequired) === '1',
        objectionPhoneRequired: str(f.objectionPhoneRequired) === '1',
      });
      return redirectWithFlash(c, '/office/villages/templates', '设置已保存');
    } catch (e) {
      return onTemplateError(c, e, f, 'settings');
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
        c.get('ctx'),
        Object.fromEntries(Object.entries(f).map(([k, v]) => [k, str(v)])),
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
