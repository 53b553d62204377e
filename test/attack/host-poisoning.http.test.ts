/**
 * Attack: a request with a forged Host header. Absolute URLs (sitemap, RSS, the permanent link) come only from the
 * configured public URL, and a page requested under an unknown Host is never cached for other visitors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../support/db.ts';
import { makeAgency } from '../support/factories.ts';
import { testApp } from '../support/http.ts';
import { parseConfig, ConfigError } from '../../src/config.ts';

const env = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };

describeEachDialect('attack: Host header poisoning', (t) => {
  test('a forged Host never reaches the sitemap or RSS, neither its own answer nor a later visitor’s', async () => {
    const { db } = t();
    await makeAgency(db);
    for (const [cfg, origin] of [
      [{}, 'http://localhost:3000'],
      [{ GONGKAI_PUBLIC_URL: 'https://gk.example.gov.cn' }, 'https://gk.example.gov.cn'],
    ] as const) {
      const { app } = testApp(db, undefined, cfg);
      for (const path of ['/sitemap.xml', '/catalogue/all/rss.xml', '/sitemap.xml']) {
        const evil = await app.fetch(new Request(`http://evil.example${path}`), env);
        const evilBody = await evil.text();
        assert.doesNotMatch(evilBody, /evil\.example/, `${path} under the forged Host`);
        const good = await app.fetch(new Request(`${origin}${path}`), env);
        const body = await good.text();
        assert.doesNotMatch(body, /evil\.example/, `${path} for the next visitor`);
        if (good.status === 200) assert.ok(body.includes(`${origin}/`), `${path} links to ${origin}`);
      }
    }
  });

  test('without GONGKAI_PUBLIC_URL the local default comes from PORT; production requires it', () => {
    assert.equal(parseConfig({ PORT: '8080' }).publicUrl, 'http://localhost:8080');
    assert.throws(() => parseConfig({ NODE_ENV: 'production' }), ConfigError);
    assert.equal(
      parseConfig({ NODE_ENV: 'production', GONGKAI_PUBLIC_URL: 'https://a.gov.cn/' }).publicUrl,
      'https://a.gov.cn',
    );
  });
});
