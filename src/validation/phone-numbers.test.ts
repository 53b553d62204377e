import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { phoneError, phoneKind } from './phone-numbers.ts';

describe('phoneKind', () => {
  const cases: [string, ReturnType<typeof phoneKind>][] = [
    ['13800000000', 'mobile'],
    ['138 0000 0000', 'mobile'],
    ['138-0000-0000', 'mobile'],
    ['+86 13800000000', 'mobile'],
    ['8613800000000', 'mobile'],
    ['１３８００００００００', 'mobile'],
    ['0972-8321234', 'landline'],
    ['(0972)8321234', 'landline'],
    ['（0972）8321234', 'landline'],
    ['010-12345678', 'landline'],
    ['021 87654321', 'landline'],
    ['0972-8321234-806', 'landline'],
    ['0972-8321234转806', 'landline'],
    ['400-810-8888', 'service'],
    ['12345', null],
    ['1380000000', null],
    ['12800000000', null],
    ['138000000001', null],
    ['8321234', null],
    ['0972-832', null],
    ['abc13800000000', null],
    ['13800000000-12', null],
    ['', null],
  ];
  for (const [raw, kind] of cases)
    it(`${JSON.stringify(raw)} → ${kind}`, () => assert.equal(phoneKind(raw), kind));
});

describe('phoneError', () => {
  it('names both accepted forms', () => assert.match(phoneError('12345')!, /手机号为11位.*固定电话请带区号/));
  it('null when valid', () => assert.equal(phoneError('0972-8321234'), null));
});
