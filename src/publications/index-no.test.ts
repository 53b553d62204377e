import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIndexNo, indexFormatProblem } from './index-no.ts';

describe('formatIndexNo: the placeholders of the agency format (setting publications.index_format)', () => {
  const v = { code: '11632126MB1234567X', year: 2026, category: 'A01', serial: 7 };
  // [format, values, index number, why]
  const rows: [string, Partial<typeof v>, string, string][] = [
    ['{code}-{year}-{category}-{serial:5}', {}, '11632126MB1234567X-2026-A01-00007', 'the usual format'],
    ['{code}/{year}/{serial}', {}, '11632126MB1234567X/2026/7', '{serial} unpadded'],
    ['{year}-{serial:3}', { serial: 123456 }, '2026-123456', 'a serial longer than its padding is never cut'],
    ['{year}-{serial:0}', {}, '2026-7', '{serial:0}: no padding'],
    ['{year}{year}-{serial:2}', {}, '20262026-07', 'a placeholder may repeat'],
    [
      '{year}-{serial:5}',
      { year: 2027, serial: 1 },
      '2027-00001',
      'year boundary: the serial starts again at 1',
    ],
    [
      'XXGK-{year}-{serial:4}',
      { serial: 9999 },
      'XXGK-2026-9999',
      'literal text kept, the last serial of 4 digits',
    ],
    ['{year}-{serial:4}', { serial: 10000 }, '2026-10000', 'past 4 digits: longer, not wrapped'],
  ];
  for (const [format, over, expected, why] of rows)
    test(`${format} → ${expected}: ${why}`, () => {
      assert.equal(formatIndexNo(format, { ...v, ...over }), expected);
    });
});

describe('indexFormatProblem: a usable format names the year and the serial, nothing unknown', () => {
  // [format, problem (a fragment of it) or null, why]
  const rows: [string, RegExp | null, string][] = [
    ['{code}-{year}-{category}-{serial:5}', null, 'the usual format'],
    ['{year}{serial}', null, 'the minimum: year and serial'],
    ['', /不能为空/, 'empty'],
    ['   ', /不能为空/, 'blank'],
    ['{year}-{serial:5}-' + 'x'.repeat(70), /过长/, 'over 80 characters'],
    ['{code}-{year}-{category}', /必须包含序号/, 'no serial: every number of a year would collide'],
    [
      '{code}-{category}-{serial:5}',
      /必须包含年份/,
      'no year: serials restart each year, two years would collide',
    ],
    ['{year}-{serial:5}-{month}', /“\{month\}”无法识别/, 'an unknown placeholder is named'],
    ['{year}-{serial:10}', /“\{serial:10\}”无法识别/, 'padding is one digit'],
    ['{YEAR}-{serial}', /“\{YEAR\}”无法识别/, 'placeholders are lower case'],
  ];
  for (const [format, problem, why] of rows)
    test(`${JSON.stringify(format.slice(0, 30))}: ${why}`, () => {
      const got = indexFormatProblem(format);
      if (problem === null) assert.equal(got, null);
      else assert.match(got ?? '', problem);
    });
});
