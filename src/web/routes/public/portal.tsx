import type { App } from '../../app-env.ts';
import { publicPage, portalAgency, portalChrome } from '../../public-page.tsx';
import { portalSections } from '../../views/nav.ts';
import { PublicLayout } from '../../views/layout.tsx';
import { renderToString } from '../../render.tsx';
import { CSRF_PLACEHOLDER, cachedPublic } from '../../portal-cache.ts';
import { listPublicPublications } from '../../../publications/publications.queries.ts';
import { listPublishedReports } from '../../../annual-report/generator/annual-reports.queries.ts';

/**
 * The portal's home and the standard 政府信息公开 sections. Registered last: a feature that fills a section
 * (publications, annual reports, requests) registers its own handler for that path earlier and wins.
 */
export function portalRoutes(app: App): void {
  // The home page: the newest items, the latest annual reports, and the way to ask for information. Cached like
  // every public page and invalidated by any publish (portal version).
  app.get('/', (c) =>
    cachedPublic(c, async () => {
      const agency = await portalAgency(c);
      const db = c.get('deps').db;
      const latest = agency
        ? (await listPublicPublications(db, { agencyId: agency.id, limit: 8, offset: 0 })).items
        : [];
      const reports = agency ? (await listPublishedReports(db, agency.id)).slice(0, 3) : [];
      const body =
        '<!doctype html>' +
        renderToString(
          <PublicLayout
            title="首页"
            {...await portalChrome(c)}
            largeFont={c.get('largeFont')}
            care={c.get('care')}
            csrf={CSRF_PLACEHOLDER}
            flash={c.get('flash')}
          >
            <h1>{agency ? `${agency.shortName}政府信息公开` : '政府信息公开'}</h1>
            {agency ? null : (
              <p class="empty">本系统尚未设置机关。请管理员运行 gongkai demo 或在后台新建机关。</p>
            )}
            <div class="cards">
              <section class="card" aria-labelledby="latest-h">
                <h2 id="latest-h">最新公开</h2>
                {latest.length === 0 ? (
                  <p class="empty">暂无内容</p>
                ) : (
                  <ul>
                    {latest.map((p) => (
                      <li>
                        <a href={`/p/${p.id}`}>{p.title}</a> <span class="muted date">{p.publishedOn}</span>
                      </li>
                    ))}
                  </ul>
                )}
                <p>
                  <a href="/catalogue">查看全部法定主动公开内容 →</a>
                </p>
              </section>
              <section class="card" aria-labelledby="apply-h">
                <h2 id="apply-h">依申请公开</h2>
                <p>未主动公开的政府信息，可以向本机关申请公开，法定答复期限为收到申请之日起20个工作日。</p>
                <p class="download-buttons">
                  <a class="button primary" href="/apply">
                    在线申请
                  </a>{' '}
                  <a class="button" href="/track">
                    查询办理进度
                  </a>
                </p>
              </section>
              <section class="card" aria-labelledby="reports-h">
                <h2 id="reports-h">信息公开年报</h2>
                {reports.length === 0 ? (
                  <p class="empty">暂无内容</p>
                ) : (
                  <ul>
                    {reports.map((r) => (
                      <li>
                        <a href={`/annual-reports/${r.year}`}>{r.year}年政府信息公开工作年度报告</a>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section class="card" aria-labelledby="sections-h">
                <h2 id="sections-h">政府信息公开</h2>
                <ul>
                  {portalSections.map((s) => (
                    <li>
                      <a href={s.href}>{s.label}</a>
                    </li>
                  ))}
                </ul>
              </section>
            </div>
          </PublicLayout>,
        );
      return { body };
    }),
  );

  for (const s of portalSections) {
    app.get(s.href, (c) =>
      publicPage(
        c,
        s.label,
        <>
          <h1>{s.label}</h1>
          <p class="empty">暂无内容</p>
        </>,
      ),
    );
  }
}
