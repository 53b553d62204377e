import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { atomXml, rssXml, sitemapXml, xmlEscape, SITEMAP_MAX_URLS } from './feed-xml.ts';

const feed = {
  title: '某乡政府信息公开 - 财政信息',
  pageUrl: 'https://x.gov.cn/catalogue/czxx',
  selfUrl: 'https://x.gov.cn/feeds/czxx.atom',
  entries: [
    {
      id: 7,
      title: '预算 <公开> & "说明"',
      url: 'https://x.gov.cn/p/7',
      publishedOn: '2026-03-02',
      updatedAt: '2026-03-02T01:00:00.000Z',
      summary: '正文\u0001摘要',
      author: '某乡人民政府',
      category: '财政信息',
    },
  ],
};

describe('feed XML', () => {
  it('escapes markup and drops characters XML 1.0 forbids', () => {
    assert.equal(
      xmlEscape(`<a href="x">'&'</a>\u0007`),
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });

  it('Atom: ids, self link, published at Beijing midnight, updated = newest entry', () => {
    const x = atomXml(feed, '2026-12-01T00:00:00.000Z');
    assert.match(x, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="zh-CN">/);
    assert.match(x, /<updated>2026-03-02T01:00:00.000Z<\/updated><link rel="self"/);
    assert.match(x, /<published>2026-03-01T16:00:00.000Z<\/published>/);
    assert.match(x, /<title>预算 &lt;公开&gt; &amp; &quot;说明&quot;<\/title>/);
    assert.match(x, /<summary>正文摘要<\/summary>/);
    assert.match(
      atomXml({ ...feed, entries: [] }, '2026-12-01T00:00:00.000Z'),
      /<updated>2026-12-01T00:00:00.000Z</,
    );
  });

  it('RSS: pubDate in RFC 822, atom:link self', () => {
    const x = rssXml(feed);
    assert.match(x, /<pubDate>Sun, 01 Mar 2026 16:00:00 GMT<\/pubDate>/);
    assert.match(x, /<atom:link href="https:\/\/x.gov.cn\/feeds\/czxx.atom" rel="self"/);
  });

  it('sitemap: lastmod only when known, at most 50,000 URLs', () => {
    assert.equal(
      sitemapXml([
        { loc: 'https://x.gov.cn/', lastmod: '2026-03-02T01:00:00.000Z' },
        { loc: 'https://x.gov.cn/apply' },
      ]),
      '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
        '<url><loc>https://x.gov.cn/</loc><lastmod>2026-03-02T01:00:00.000Z</lastmod></url>' +
        '<url><loc>https://x.gov.cn/apply</loc></url></urlset>',
    );
    const many = Array.from({ length: SITEMAP_MAX_URLS + 5 }, (_, i) => ({ loc: `https://x.gov.cn/p/${i}` }));
    assert.equal((sitemapXml(many).match(/<url>/g) ?? []).length, SITEMAP_MAX_URLS);
  });
});
