/**
 * The county 信息公开 home (`<prefix>`, see portal-scope.ts): the directory of every agency's column by kind, the
 * newest items across them, every agency's published annual reports and 监督通报, and the search
 * over all agencies. Also each column's 监督通报 pages (`/bulletins`, published by that agency).
 */
import type { App, C } from '../../app-env.ts';
import type { Agency } from '../../../org/org.ts';
import { renderToString } from '../../render.tsx';
import { PublicLayout } from '../../views/layout.tsx';
import { CSRF_PLACEHOLDER, cachedPublic } from '../../portal-cache.ts';
import { COUNTY_HOME_ROUTE, columnHref, portalScope } from '../../portal-scope.ts';
import { publicPage } from '../../public-page.tsx';
import { NotFoundError } from '../../../errors.ts';
import {
  newestAcross,
  publishedBulletinsAcross,
  publishedReportYears,
} from '../../../county/county-portal.queries.ts';
import { listPublishedBulletins } from '../../../supervision/index.ts';

const GROUPS: { label: string; kinds: Agency['kind'][] }[] = [
  { label: '县政府', kinds: ['county'] },
  { label: '部门', kinds: ['department'] },
  { label: '乡镇/街道', kinds: ['township'] },
];

const monthLabel = (period: string) => `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;

async function countyHome(c: C) {
  const scope = await portalScope(c);
  const county = scope.agency;
  if (scope.kind !== 'county' || !county) throw new NotFoundError('页面不存在');
  const db = c.get('deps').db;
  const prefix = c.get('deps').config.columnPrefix;
  const ids = scope.columns.map((a) => a.id);
  const [latest, years, bulletins] = await Promise.all([
    newestAcross(db, ids, 12),
    publishedReportYears(db, ids),
    publishedBulletinsAcross(db, ids, 20),
  ]);
  const byId = new Map(scope.columns.map((a) => [a.id, a]));
  const col = (a: Agency, path = '/') => columnHref(prefix, a.code, path);
  const body =
    '<!doctype html>' +
    renderToString(
      <PublicLayout
        title="信息公开"
        agencyName={county.name}
        countyHref={prefix}
        countyPage
        largeFont={c.get('largeFont')}
        csrf={CSRF_PLACEHOLDER}
        flash={c.get('flash')}
      >
        <h1>{county.shortName}政府信息公开</h1>
        <form method="get" action={`${prefix}/search`} class="filters" role="search">
          <label>
            关键词 <input name="q" type="search" />
          </label>{' '}
          <label>
            机关{' '}
            <select name="agency">
              <option value="">全部机关</option>
              {scope.columns.map((a) => (
                <option value={a.code}>{a.name}</option>
              ))}
            </select>
          </label>{' '}
          <button type="submit">全县搜索</button>
        </form>
        <div class="cards">
          <section class="card" id="directory" aria-labelledby="dir-h">
            <h2 id="dir-h">机关信息公开专栏</h2>
            {GROUPS.map((g) => {
              const list = scope.columns.filter((a) => g.kinds.includes(a.kind));
              return list.length ? (
                <>
                  <h3>{g.label}</h3>
                  <ul>
                    {list.map((a) => (
                      <li>
                        <a href={col(a)}>{a.name}</a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null;
            })}
          </section>
          <section class="card" id="latest" aria-labelledby="latest-h">
            <h2 id="latest-h">最新公开</h2>
            {latest.length === 0 ? (
              <p class="empty">暂无内容</p>
            ) : (
              <ul>
                {latest.map((p) => {
                  const a = byId.get(p.agencyId)!;
                  return (
                    <li>
                      <a href={col(a, `/p/${p.id}`)}>{p.title}</a>{' '}
                      <span class="muted">
                        {a.shortName} · {p.publishedOn}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </div>
        <section id="reports" aria-labelledby="reports-h">
          <h2 id="reports-h">信息公开年报</h2>
          <div class="table-scroll" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">机关</th>
                  <th scope="col">已发布的年度报告</th>
                </tr>
              </thead>
              <tbody>
                {scope.columns.map((a) => (
                  <tr>
                    <th scope="row">
                      <a href={col(a, '/annual-reports')}>{a.name}</a>
                    </th>
                    <td>
                      {(years.get(a.id) ?? []).length === 0 ? (
                        <span class="muted">暂无</span>
                      ) : (
                        (years.get(a.id) ?? []).map((y) => (
                          <>
                            <a href={col(a, `/annual-reports/${y}`)}>{y}年</a>{' '}
                          </>
                        ))
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section id="bulletins" aria-labelledby="bulletins-h">
          <h2 id="bulletins-h">政务公开监督通报</h2>
          {bulletins.length === 0 ? (
            <p class="empty">暂无内容</p>
          ) : (
            <ul>
              {bulletins.map((b) => (
                <li>
                  <a href={col(byId.get(b.agencyId)!, `/bulletins/${b.period}`)}>{b.title}</a>{' '}
                  <span class="muted">
                    {byId.get(b.agencyId)!.shortName} · {monthLabel(b.period)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </PublicLayout>,
    );
  return { body };
}

async function publishedBulletins(c: C) {
  const scope = await portalScope(c);
  if (!scope.agency) throw new NotFoundError('未找到该通报');
  return { agency: scope.agency, list: await listPublishedBulletins(c.get('deps').db, scope.agency.id) };
}

export function countyPortalRoutes(app: App): void {
  app.get(COUNTY_HOME_ROUTE, (c) => cachedPublic(c, () => countyHome(c)));

  app.get('/bulletins', async (c) => {
    const { list } = await publishedBulletins(c);
    return publicPage(
      c,
      '监督通报',
      <>
        <h1>政务公开监督通报</h1>
        {list.length === 0 ? (
          <p class="empty">暂无内容</p>
        ) : (
          <ul class="list">
            {list.map((b) => (
              <li>
                <a href={`/bulletins/${b.period}`}>{b.title}</a>
              </li>
            ))}
          </ul>
        )}
      </>,
    );
  });

  app.get('/bulletins/:period{[0-9]{4}-[0-9]{2}}', async (c) => {
    const { list } = await publishedBulletins(c);
    const b = list.find((x) => x.period === c.req.param('period'));
    if (!b) throw new NotFoundError('未找到该通报');
    return publicPage(
      c,
      b.title,
      <article class="publication">
        <h1>{b.title}</h1>
        {b.bodyText.split('\n').map((l) => (l.trim() ? <p>{l}</p> : null))}
      </article>,
    );
  });
}
