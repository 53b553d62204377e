/**
 * Defects seen on the screenshots of issue #10 (scripts/screenshots.ts) that can be checked in the rendered HTML:
 * the error summary does not repeat its heading as a lead line; dates and hyphenated numbers in a sentence are kept
 * on one line; the portal's metadata table has no empty rows, the office's says what is missing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from '../render.tsx';
import { ErrorSummary } from './forms.tsx';
import { KeepTogether } from './keep-together.tsx';
import { MetadataBlock } from './publication-views.tsx';
import { wechatArticleHtml } from '../../publications/channel-outputs.ts';
import type { Publication } from '../../publications/publications.queries.ts';

test('the error summary leads with a message only when it says more than the heading and the entries', () => {
  const errors = { phone: '请填写联系电话' };
  const html = (message: string) =>
    renderToString(<ErrorSummary form={{ values: {}, errors, message }} labels={{ phone: '联系电话' }} />);
  assert.doesNotMatch(html('提交未成功'), /<p>提交未成功<\/p>/);
  assert.doesNotMatch(html('请填写联系电话'), /<p>请填写联系电话<\/p>/);
  assert.match(html('本次上传未保存'), /<p>本次上传未保存<\/p>/);
  assert.match(html('提交未成功'), /提交未成功，请修改以下1处：/);
});

test('dates, times and hyphenated numbers in a sentence are each one unbreakable span', () => {
  const html = renderToString(
    <KeepTogether text="督查问题ZG4-2026-0004请于2026-12-07前整改，2026年12月2日告知，14:56已签" />,
  );
  for (const part of ['ZG4-2026-0004', '2026-12-07', '2026年12月2日', '14:56'])
    assert.ok(html.includes(`<span class="date">${part}</span>`), `${part} in ${html}`);
  assert.ok(html.startsWith('督查问题<span'), html);
  assert.ok(html.endsWith('已签'), html);
});

test('metadata: the portal leaves out empty rows, the office names what is missing', () => {
  const p = {
    indexNo: '630223-HLZG/2026-00001',
    topic: null,
    issuer: '哈拉直沟乡人民政府',
    writtenOn: null,
    publishedOn: '2026-01-16',
    docNo: null,
    genre: '',
    validity: 'in_force',
    keywords: null,
  } as unknown as Publication;
  const portal = renderToString(<MetadataBlock p={p} categoryName="财政预算、决算信息" hideEmpty />);
  assert.doesNotMatch(portal, /<td[^>]*>\s*<\/td>/, 'no empty cell');
  assert.doesNotMatch(portal, /主题分类|成文日期|文号|体裁|关键词/);
  assert.match(portal, /索引号/);
  // The index number breaks after its slash only.
  assert.match(
    portal,
    /<span class="date">630223-HLZG\/<\/span><wbr\/?><span class="date">2026-00001<\/span>/,
  );
  const office = renderToString(
    <MetadataBlock p={{ ...p, indexNo: null } as Publication} categoryName="x" />,
  );
  assert.doesNotMatch(office, /<td[^>]*>\s*<\/td>/);
  assert.match(office, /发布时生成/);
  assert.match(office, /未填写/);
});

test('the WeChat article names its source once, without 政府政府', () => {
  const p = {
    title: '2026年部门预算公开',
    bodyHtml: '<p>正文</p>',
    docNo: null,
    publishedOn: '2026-01-16',
  } as unknown as Publication;
  const html = wechatArticleHtml(p, {
    agencyName: '哈拉直沟乡人民政府',
    url: 'https://gk.example.gov.cn/p/1',
    origin: 'https://gk.example.gov.cn',
  });
  assert.match(html, /来源：哈拉直沟乡人民政府“政府信息公开”栏目/);
  assert.doesNotMatch(html, /政府政府/);
});
