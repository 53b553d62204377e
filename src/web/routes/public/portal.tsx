import type { App } from '../../app-env.ts';
import { publicPage, portalAgency } from '../../public-page.tsx';
import { portalSections } from '../../views/nav.ts';

/**
 * The portal's home and the standard 政府信息公开 sections. Registered last: a feature that fills a section
 * (publications, annual reports, requests) registers its own handler for that path earlier and wins.
 */
export function portalRoutes(app: App): void {
  app.get('/', async (c) => {
    const agency = await portalAgency(c);
    return publicPage(
      c,
      '首页',
      <>
        <h1>{agency ? `${agency.shortName}政府信息公开` : '政府信息公开'}</h1>
        {agency ? null : (
          <p class="empty">本系统尚未设置机关。请管理员运行 gongkai demo 或在后台新建机关。</p>
        )}
        <div class="cards">
          {portalSections.map((s) => (
            <section class="card">
              <h2>
                <a href={s.href}>{s.label}</a>
              </h2>
            </section>
          ))}
        </div>
      </>,
    );
  });

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
