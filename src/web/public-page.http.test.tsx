/**
 * publicPage puts the page into the kept layout shell (layoutShell) with the visitor's token in place of the
 * placeholder: the bytes must be those of the whole tree rendered with the visitor's own props — every font and
 * 适老化 mode, a token with characters the renderer escapes, with and without a flash message.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';
import { renderToString } from './render.tsx';
import { PublicLayout } from './views/layout.tsx';
import { portalChrome, publicPage } from './public-page.tsx';

describeEachDialect('public page layout', (t) => {
  it('publicPage gives the bytes of the whole tree rendered, for every mode, token and flash', async () => {
    const { db } = t();
    await makeAgency(db, { name: '某某镇 <人民政府> & "街道"' });
    const { app } = testApp(db);
    const title = '标题 <b> & "引号"';
    const children = (
      <>
        <h1>{title}</h1>
        <p>
          正文 &amp; <a href="/villages">村级公开</a>
        </p>
      </>
    );
    let expected = '';
    app.get('/zz-public-page', async (c) => {
      expected =
        '<!doctype html>' +
        renderToString(
          <PublicLayout
            title={title}
            {...await portalChrome(c)}
            largeFont={c.get('largeFont')}
            care={c.get('care')}
            csrf={c.get('csrf')}
            flash={c.get('flash')}
          >
            {children}
          </PublicLayout>,
        );
      return publicPage(c, title, children);
    });
    let n = 0;
    for (const token of ["tok<en>&'x-0123456789abcdef", 'plainToken0123456789'])
      for (const large of ['0', '1'])
        for (const care of ['0', '1'])
          for (const flash of ['', encodeURIComponent('已保存 <b> &')]) {
            const cookie = [`gk_csrf=${token}`, `gk_large=${large}`, `gk_care=${care}`];
            if (flash) cookie.push(`gk_flash=${flash}`);
            const res = await app.fetch(
              new Request('http://localhost/zz-public-page', { headers: { cookie: cookie.join('; ') } }),
              { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
            );
            assert.equal(res.status, 200);
            assert.equal(res.headers.get('cache-control'), 'no-store');
            assert.equal(res.headers.get('content-type'), 'text/html; charset=UTF-8');
            const body = await res.text();
            assert.ok(expected.includes('某某镇'));
            assert.equal(body, expected);
            n++;
          }
    assert.equal(n, 16);
  });
});
