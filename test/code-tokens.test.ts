import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCodeTokens } from './support/code-tokens.ts';
import { visibleText } from './support/visible-text.ts';

const kinds = (s: string) => findCodeTokens(s).map((h) => `${h.kind}|${h.token}`);

test('codes of every shape are found, whatever their name', () => {
  assert.deepEqual(kinds('2026-11-30 14:56 张三 request.submitted'), ['dotted identifier|request.submitted']);
  assert.deepEqual(kinds('答复结果：result.granted。'), ['dotted identifier|result.granted']);
  assert.deepEqual(kinds('01-04 makeup:元旦'), ['prefix:value|makeup:元旦']);
  assert.deepEqual(kinds('角色：platform_admin'), ['snake_case|platform_admin']);
  assert.deepEqual(kinds('字段 signedAt 为空'), ['camelCase|signedAt']);
  assert.deepEqual(kinds('对象 #17 已删除'), ['raw id|#17']);
  assert.deepEqual(kinds('编号 id=42'), ['raw id|id=42']);
  assert.deepEqual(kinds('状态：pending'), ['enum word|pending']);
  assert.deepEqual(kinds('令牌 3f2b8c1e-9a4d-4e2f-8b1a-0c9d8e7f6a5b'), [
    'uuid|3f2b8c1e-9a4d-4e2f-8b1a-0c9d8e7f6a5b',
  ]);
});

test('what people really read in Latin letters is allowed', () => {
  for (const s of [
    '详见 https://www.gov.cn/zhengce/content/2025-11/04/content_7047090.htm 。',
    '电子邮箱：zfxxgk@huzhu.gov.cn',
    '下载 依申请公开台账-2026-12-01.xlsx 或 PDF、Word、WPS 格式',
    '网址 gongkai.example.gov.cn，时间 14:56，编号 互政依申〔2026〕13号',
    '订阅 RSS 或 Atom；数据接口 /api/open-data/requests.json',
    'Hello from the township of Example County.',
    '下载 DOCX 文件（12 KB）',
  ])
    assert.deepEqual(kinds(s), [], s);
});

test('visible text leaves out scripts, styles, hidden elements, and keeps shown attributes', () => {
  const html =
    '<html><head><style>.a_b{}</style><script>var request_x = "a.b";</script></head><body>' +
    '<p title="提示">正文<span hidden>secret_code</span></p><img alt="图片说明">' +
    '<input type="submit" value="提交"><input type="text" value="typed_value"><span aria-hidden="true">x.y</span></body></html>';
  const t = visibleText(html);
  assert.match(t, /正文/);
  assert.match(t, /提示/);
  assert.match(t, /图片说明/);
  assert.match(t, /提交/);
  assert.doesNotMatch(t, /secret_code|request_x|a_b|typed_value|x\.y/);
});
