import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from '../../render.tsx';
import { PublicLayout } from '../../views/layout.tsx';
import { CSRF_PLACEHOLDER } from '../../portal-cache.ts';
import { layoutShell } from '../../public-page.tsx';

test('portal layout shell: the page rendered into the kept layout is byte for byte the whole tree rendered', () => {
  const title = '搜索：低保 <名单> & "补贴"';
  const children = (
    <>
      <h1>搜索政府信息</h1>
      <p>
        找到 <mark>3</mark> 条 &amp; “公开信息”
      </p>
    </>
  );
  for (const largeFont of [false, true])
    for (const care of [false, true])
      for (const [countyHref, countyPage] of [
        [null, false],
        ['/xxgk', false],
        ['/xxgk', true],
      ] as const) {
        const props = { agencyName: '某某镇 <人民政府>', countyHref, countyPage, largeFont, care };
        const whole =
          '<!doctype html>' +
          renderToString(
            <PublicLayout title={title} {...props} csrf={CSRF_PLACEHOLDER} flash={null}>
              {children}
            </PublicLayout>,
          );
        const [head, middle, tail] = layoutShell(props);
        assert.equal(
          head + renderToString(<>{title}</>) + middle + renderToString(<>{children}</>) + tail,
          whole,
        );
        // Kept: the second page with the same props gets the same shell.
        assert.equal(layoutShell(props), layoutShell({ ...props }));
        assert.ok(whole.includes(care ? 'class="large care"' : 'action="/prefs/large-font"'));
      }
});
