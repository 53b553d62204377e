/** Back office of the catalogue, the portal's 指南/制度 pages and the art. 20 registers (with table A). */
import type { App, C } from '../../app-env.ts';
import { currentUser, officePage } from '../../office-page.tsx';
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
import { isDomainError, NotFoundError, type ValidationError } from '../../../errors.ts';
import { systemActor } from '../../../context.ts';
import { ensureCatalogue } from '../../../publications/seed-catalogue.ts';
import { categoryTree, flattenTree } from '../../../publications/catalogue.ts';
import { findPortalPage, listCategories } from '../../../publications/publications.queries.ts';
import { createCategory, updateCategory } from '../../../publications/manage-catalogue.ts';
import {
  PORTAL_PAGE_SLUGS,
  savePortalPage,
  type PortalPageSlug,
} from '../../../publications/save-portal-page.ts';
import {
  DECISION_KIND_LABELS,
  listRegisters,
  recordDecision,
  recordFee,
  removeRegisterEntry,
} from '../../../publications/art20-registers.ts';
import { yuanToWanYuan } from '../../../publications/publication.schema.ts';
import { computeTableA } from '../../../publications/table-a.ts';
import { LABELS } from '../../../annual-report/report-format.ts';

function formOfError(e: unknown, values: FormState['values']): FormState {
  if (isDomainError(e) && e.code === 'validation')
    return { values, errors: (e as ValidationError).fieldErrors ?? {}, message: e.message };
  throw e;
}

async function cataloguePage(c: C, form: FormState = emptyForm(), status = 200) {
  const user = currentUser(c);
  await ensureCatalogue({ ...c.get('ctx'), actor: systemActor('公开目录') }, user.agencyId);
  const nodes = flattenTree(categoryTree(await listCategories(c.get('deps').db, user.agencyId)));
  const parentOptions = nodes.map((n) => ({
    value: String(n.id),
    label: `${'　'.repeat(n.depth)}${n.name}`,
  }));
  return officePage(
    c,
    '公开目录',
    <>
      <h1>公开目录</h1>
      <p class="muted">
        条例第二十条、第二十一条规定的栏目为法定栏目，可改名、排序或停用；可按上级部署新增栏目（第二十二条）。每次修改都留有版本记录。
      </p>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">栏目</th>
            <th scope="col">网址</th>
            <th scope="col">版本</th>
            <th scope="col">修改</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <tr>
              <td>
                {'　'.repeat(n.depth)}
                {n.name}
                {n.isActive ? '' : '（已停用）'}
              </td>
              <td>{`/catalogue/${n.code}`}</td>
              <td>{n.version}</td>
              <td>
                <form method="post" action={`/office/catalogue/${n.id}`} class="inline-form">
                  <Csrf token={c.get('csrf')} />
                  <input type="hidden" name="version" value={String(n.version)} />
                  <input type="hidden" name="parentId" value={n.parentId ? String(n.parentId) : ''} />
                  <label class="sr-only" for={`n-${n.id}`}>
                    名称
                  </label>
                  <input id={`n-${n.id}`} name="name" value={n.name} />
                  <label class="sr-only" for={`s-${n.id}`}>
                    排序
                  </label>
                  <input
                    id={`s-${n.id}`}
                    name="sortOrder"
                    type="number"
                    value={String(n.sortOrder)}
                    style="width:5em"
                  />
                  <label>
                    <input type="checkbox" name="isActive" value="1" checked={n.isActive} /> 启用
                  </label>
                  <input type="hidden" name="present" value="1" />
                  <button type="submit">保存</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>新增栏目</h2>
      <form method="post" action="/office/catalogue" novalidate>
        <Csrf token={c.get('csrf')} />
        <FormError form={form} />
        <Field form={form} name="name" label="栏目名称" required />
        <Select form={form} name="parentId" label="上级栏目" options={parentOptions} blank="（顶级栏目）" />
        <Field form={form} name="sortOrder" label="排序" type="number" />
        <input type="hidden" name="isActive" value="1" />
        <Submit>新增</Submit>
      </form>
    </>,
    status,
  );
}

async function registersPage(
  c: C,
  year: number,
  forms: { decision?: FormState; fee?: FormState } = {},
  status = 200,
) {
  const user = currentUser(c);
  const db = c.get('deps').db;
  const [reg, tableA] = await Promise.all([
    listRegisters(db, user.agencyId, year),
    computeTableA(db, user.agencyId, year),
  ]);
  const df = forms.decision ?? emptyForm({ year: String(year), count: '1' });
  const ff = forms.fee ?? emptyForm({ year: String(year) });
  return officePage(
    c,
    `第二十条登记 ${year}年`,
    <>
      <h1>第二十条登记（{year}年）</h1>
      <form method="get" class="filters">
        <label>
          年度 <input name="year" type="number" value={String(year)} />
        </label>{' '}
        <button type="submit">查看</button>
      </form>
      <h2>表二 主动公开政府信息情况（由本系统数据生成）</h2>
      <table class="data" id="table-a">
        <tbody>
          {Object.entries(tableA.cells).map(([addr, v]) => {
            const [, , row, col] = addr.split('.');
            return (
              <tr>
                <th scope="row">
                  {LABELS.aRow[row!]} · {LABELS.aColumn[col!]}
                </th>
                <td data-cell={addr}>{addr.endsWith('amount_wan_yuan') ? tableA.amountWanYuan : v}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {tableA.findings.length ? (
        <ul class="form-error">
          {tableA.findings.map((f) => (
            <li>
              {f.rule}：{f.message}
            </li>
          ))}
        </ul>
      ) : (
        <p class="ok">勾稽关系核对通过</p>
      )}
      <h2>行政许可、行政处罚、行政强制决定</h2>
      <table class="data">
        <tbody>
          {reg.decisions.map((d) => (
            <tr>
              <td>{DECISION_KIND_LABELS[d.kind]}</td>
              <td>{d.count} 件</td>
              <td>{[d.title, d.docNo, d.decidedOn].filter(Boolean).join(' · ')}</td>
              <td>
                <form method="post" action={`/office/registers/decision/${d.id}/delete`} class="inline-form">
                  <Csrf token={c.get('csrf')} />
                  <button type="submit" class="link-button">
                    删除
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/office/registers/decisions" novalidate>
        <Csrf token={c.get('csrf')} />
        <FormError form={df} />
        <input type="hidden" name="year" value={String(year)} />
        <Select
          form={df}
          name="kind"
          label="类型"
          required
          options={Object.entries(DECISION_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Field
          form={df}
          name="count"
          label="件数"
          type="number"
          hint="逐件登记时填1并写明事项；也可按月汇总填写件数"
        />
        <Field form={df} name="title" label="事项" />
        <Field form={df} name="docNo" label="决定书文号" />
        <Field form={df} name="decidedOn" label="决定日期" type="date" />
        <Submit>登记</Submit>
      </form>
      <h2>行政事业性收费（万元）</h2>
      <table class="data">
        <tbody>
          {reg.fees.map((f) => (
            <tr>
              <td>{f.item}</td>
              <td>{yuanToWanYuan(f.amountYuan)} 万元</td>
              <td>{f.collectedOn ?? ''}</td>
              <td>
                <form method="post" action={`/office/registers/fee/${f.id}/delete`} class="inline-form">
                  <Csrf token={c.get('csrf')} />
                  <button type="submit" class="link-button">
                    删除
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/office/registers/fees" novalidate>
        <Csrf token={c.get('csrf')} />
        <FormError form={ff} />
        <input type="hidden" name="year" value={String(year)} />
        <Field form={ff} name="item" label="收费项目" required />
        <Field
          form={ff}
          name="amountWanYuan"
          label="金额（万元）"
          required
          hint="最多4位小数，如 0.0150 即150元"
          inputmode="decimal"
        />
        <Field form={ff} name="collectedOn" label="收费日期" type="date" />
        <Submit>登记</Submit>
      </form>
    </>,
    status,
  );
}

const yearParam = (c: C, fallback: string) => {
  const y = Number(c.req.query('year') ?? fallback);
  return Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : Number(fallback);
};

export function publicationAdminRoutes(app: App): void {
  app.get('/office/catalogue', (c) => cataloguePage(c));
  app.post('/office/catalogue', async (c) => {
    const f = await formData(c);
    try {
      await createCategory(c.get('ctx'), currentUser(c).agencyId, f);
      return redirectWithFlash(c, '/office/catalogue', '栏目已新增');
    } catch (e) {
      return cataloguePage(c, formOfError(e, f), 400);
    }
  });
  app.post('/office/catalogue/:id{[0-9]+}', async (c) => {
    const f = await formData(c);
    await updateCategory(c.get('ctx'), Number(c.req.param('id')), Number(str(f.version)), {
      ...f,
      isActive: str(f.isActive) === '1',
    });
    return redirectWithFlash(c, '/office/catalogue', '栏目已保存');
  });

  app.get('/office/portal-pages/:slug', async (c) => {
    const slug = c.req.param('slug') as PortalPageSlug;
    if (!(slug in PORTAL_PAGE_SLUGS)) throw new NotFoundError();
    const p = await findPortalPage(c.get('deps').db, currentUser(c).agencyId, slug);
    return pagesEditor(
      c,
      slug,
      emptyForm({ title: p?.title ?? PORTAL_PAGE_SLUGS[slug], body: p?.bodyHtml ?? '' }),
    );
  });
  app.post('/office/portal-pages/:slug', async (c) => {
    const slug = c.req.param('slug') as PortalPageSlug;
    if (!(slug in PORTAL_PAGE_SLUGS)) throw new NotFoundError();
    const f = await formData(c);
    try {
      await savePortalPage(c.get('ctx'), currentUser(c).agencyId, slug, f);
      return redirectWithFlash(c, `/office/portal-pages/${slug}`, '已保存并在门户网站更新');
    } catch (e) {
      return pagesEditor(c, slug, formOfError(e, f), 400);
    }
  });

  app.get('/office/registers', (c) =>
    registersPage(c, yearParam(c, c.get('deps').clock.today().slice(0, 4))),
  );
  app.post('/office/registers/decisions', async (c) => {
    const f = await formData(c);
    try {
      await recordDecision(c.get('ctx'), currentUser(c).agencyId, f);
      return redirectWithFlash(c, `/office/registers?year=${str(f.year)}`, '已登记');
    } catch (e) {
      return registersPage(c, Number(str(f.year)) || 2025, { decision: formOfError(e, f) }, 400);
    }
  });
  app.post('/office/registers/fees', async (c) => {
    const f = await formData(c);
    try {
      await recordFee(c.get('ctx'), currentUser(c).agencyId, f);
      return redirectWithFlash(c, `/office/registers?year=${str(f.year)}`, '已登记');
    } catch (e) {
      return registersPage(c, Number(str(f.year)) || 2025, { fee: formOfError(e, f) }, 400);
    }
  });
  app.post('/office/registers/:table{decision|fee}/:id{[0-9]+}/delete', async (c) => {
    await removeRegisterEntry(
      c.get('ctx'),
      currentUser(c).agencyId,
      c.req.param('table') as 'decision' | 'fee',
      Number(c.req.param('id')),
    );
    return redirectWithFlash(c, '/office/registers', '已删除');
  });
}

function pagesEditor(c: C, slug: PortalPageSlug, form: FormState, status = 200) {
  return officePage(
    c,
    PORTAL_PAGE_SLUGS[slug],
    <>
      <h1>编辑“{PORTAL_PAGE_SLUGS[slug]}”</h1>
      <p>
        <a href={`/${slug}`}>在门户网站查看</a> ·{' '}
        <a href={`/office/portal-pages/${slug === 'guide' ? 'rules' : 'guide'}`}>
          编辑{PORTAL_PAGE_SLUGS[slug === 'guide' ? 'rules' : 'guide']}
        </a>{' '}
        · <a href="/office/guide-contact">受理机构信息与纸质申请表</a>
      </p>
      <form method="post" action={`/office/portal-pages/${slug}`} novalidate>
        <Csrf token={c.get('csrf')} />
        <FormError form={form} />
        <Field form={form} name="title" label="标题" required />
        <TextArea form={form} name="body" label="内容" rows={20} required />
        <Submit>保存</Submit>
      </form>
    </>,
    status,
  );
}
