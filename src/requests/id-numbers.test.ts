import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  maskIdNumber,
  normalizeIdNumber,
  residentIdCheckChar,
  residentIdError,
  usccCheckChar,
  usccError,
} from './id-numbers.ts';

describe('公民身份号码 (GB 11643)', () => {
  const valid = [
    '11010519491231002X',
    '110105194912310029'.slice(0, 17) + residentIdCheckChar('11010519491231002'),
  ];
  for (const v of valid) test(`valid: ${v}`, () => assert.equal(residentIdError(v, '2026-03-02'), null));

  const cases: [string, RegExp][] = [
    ['110105194912310021', /校验位/],
    ['11010519491231002', /18位/],
    ['1101051949123100AX', /18位/],
    ['110105194902300025', /出生日期/],
    ['110105203001010023', /晚于今天/],
  ];
  for (const [v, msg] of cases)
    test(`invalid: ${v}`, () => assert.match(residentIdError(v, '2026-03-02')!, msg));

  test('a lower-case x and spaces are normalised', () => {
    assert.equal(residentIdError(' 110105 19491231002x ', '2026-03-02'), null);
    assert.equal(normalizeIdNumber('11010519491231002x'), '11010519491231002X');
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  test('published examples validate', () => {
    assert.equal(usccError('91350100M000100Y43'), null);
    assert.equal(usccError('911100001000128686'.slice(0, 17) + usccCheckChar('91110000100012868')), null);
  });
  test('a wrong check character is refused', () => assert.match(usccError('91350100M000100Y44')!, /校验位/));
  test('forbidden letters are refused', () =>
    assert.match(usccError('91350100M000100I43')!, /不允许的字符“I”/));
  test('wrong length is refused', () => assert.match(usccError('91350100M000100Y4')!, /18位/));
});

describe('masking', () => {
  test('an ID number keeps 3 + 4 characters', () =>
    assert.equal(maskIdNumber('11010519491231002X'), '110***********002X'));
  test('short numbers are masked too', () => assert.equal(maskIdNumber('E1234'), 'E****'));
});
