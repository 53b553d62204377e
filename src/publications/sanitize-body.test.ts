import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { activeContentProblem, htmlToText, sanitizeBody, textToHtml } from './sanitize-body.ts';

describe('activeContentProblem: a body with active content is refused, with the reason', () => {
  // [body, reason (a fragment) or null, the attack]
  const rows: [string, RegExp | null, string][] = [
    ['<p>关于2026年度预算公开的说明</p>', null, 'ordinary rich text'],
    ['<p style="text-align:center">标题</p>', null, 'a harmless style'],
    ['<a href="https://www.gov.cn/">中国政府网</a>', null, 'an http(s) link'],
    ['<script>alert(1)</script>', /“<script>”标签/, 'script'],
    ['<SCRIPT SRC=//evil.example/x.js></SCRIPT>', /“<script>”标签/, 'script in upper case'],
    [
      '<p>a<scr<script>ipt>alert(1)</script></p>',
      null,
      'nested to survive one pass of stripping: read as one tag "scr<script", no script opens (and the output is inert, below)',
    ],
    ['<p>x</p><script', null, 'an unterminated <script is text, not a tag (and is escaped on output)'],
    ['<img src=x onerror=alert(1)>', /事件属性“onerror”/, 'on* handler'],
    ['<p ONCLICK="alert(1)">x</p>', /事件属性“onclick”/, 'handler in upper case'],
    ['<svg><circle onload="alert(1)"/></svg>', /“<svg>”标签/, 'svg'],
    ['<svg/onload=alert(1)>', /“<svg>”标签/, 'svg with a slash instead of a space'],
    ['<math><mtext></mtext></math>', /“<math>”标签/, 'math (mXSS vector)'],
    ['<iframe src="https://evil.example"></iframe>', /“<iframe>”标签/, 'frame'],
    ['<form action="https://evil.example"><input></form>', /“<form>”标签/, 'form'],
    ['<object data="x.swf"></object>', /“<object>”标签/, 'object'],
    ['<base href="https://evil.example/">', /“<base>”标签/, 'base rewrites every relative link'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">', /“<meta>”标签/, 'meta refresh'],
    ['<a href="javascript:alert(1)">x</a>', /javascript:/, 'javascript: URL'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', /javascript:/, 'javascript: in mixed case'],
    [
      '<a href=" java\tscript:alert(1)">x</a>',
      /javascript:/,
      'javascript: split by a tab and led by a space',
    ],
    ['<a href="&#106;avascript:alert(1)">x</a>', /javascript:/, 'javascript: with an entity'],
    ['<a href="vbscript:msgbox(1)">x</a>', /javascript:/, 'vbscript: URL'],
    ['<img src="data:text/html;base64,PHNjcmlwdD4=">', /javascript:/, 'data:text/html'],
    ['<p style="width:expression(alert(1))">x</p>', /样式中含有脚本/, 'style expression()'],
    ['<p style="background:url(\'javascript:alert(1)\')">x</p>', /样式中含有脚本/, 'style url(javascript:)'],
  ];
  for (const [html, reason, attack] of rows)
    test(attack, () => {
      const got = activeContentProblem(html);
      if (reason === null) assert.equal(got, null);
      else assert.match(got ?? '', reason);
    });
});

describe('sanitizeBody: only the whitelist reaches the page', () => {
  // [input, output, why]
  const rows: [string, string, string][] = [
    ['<p>正文</p>', '<p>正文</p>', 'allowed tags kept'],
    ['第一段\n\n  第二段  ', '<p>第一段</p>\n<p>第二段</p>', 'plain text: a paragraph per non-empty line'],
    ['a < b & c > d', '<p>a &lt; b &amp; c &gt; d</p>', 'plain text is escaped'],
    ['<p>x</p><script>alert(1)</script>', '<p>x</p>', 'script removed with its content'],
    [
      '<p>a<scr<script>ipt>alert(1)</script></p>',
      '<p>aipt&gt;alert(1)</p>',
      'nested script tags: inert text',
    ],
    ['<img src=x onerror=alert(1)>', '<img src="x" />', 'handler dropped'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>', 'javascript: href dropped'],
    [
      '<a href="https://gov.cn/">x</a>',
      '<a href="https://gov.cn/" rel="noopener noreferrer">x</a>',
      'rel added',
    ],
    [
      '<a href="//evil.example/">x</a>',
      '<a rel="noopener noreferrer">x</a>',
      'protocol-relative URL dropped',
    ],
    ['<svg><circle/></svg><p>y</p>', '<p>y</p>', 'svg removed'],
    [
      '<p style="text-align:center;color:red">x</p>',
      '<p style="text-align:center">x</p>',
      'only the allowed styles',
    ],
    ['<p style="text-indent:2em">x</p>', '<p style="text-indent:2em">x</p>', 'the 首行缩进 of official text'],
    ['<div><p>x</p></div>', '<p>x</p>', 'a tag off the whitelist unwrapped, its content kept'],
    ['<p><b>粗<i>斜</b>体</i></p>', '<p><b>粗<i>斜</i></b>体</p>', 'mis-nested tags closed in order'],
    ['<p>未闭合', '<p>未闭合</p>', 'an unclosed tag closed'],
    [
      '<td colspan="2" onclick="x">a</td>',
      '<td colspan="2">a</td>',
      'table cell attributes on the whitelist only',
    ],
    [
      '<img src="data:image/png;base64,iVBO">',
      '<img src="data:image/png;base64,iVBO" />',
      'data: images allowed',
    ],
  ];
  for (const [input, output, why] of rows)
    test(why, () => {
      assert.equal(sanitizeBody(input), output);
    });
});

describe('textToHtml and htmlToText', () => {
  test('round trip of lines, entities decoded, block ends are line breaks', () => {
    assert.equal(textToHtml('一\n\n二 & 三'), '<p>一</p>\n<p>二 &amp; 三</p>');
    assert.equal(
      htmlToText('<p>一</p><p>二 &amp; 三</p><ul><li>甲</li><li>乙</li></ul>'),
      '一\n二 & 三\n甲\n乙',
    );
    assert.equal(htmlToText('<p>a<br>b</p><script>x</script>'), 'a\nb');
  });
});
