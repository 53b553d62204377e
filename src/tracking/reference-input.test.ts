import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseReferenceInput } from './reference-input.ts';

describe('parseReferenceInput', () => {
  const y13 = { year: 2026, serial: 13 };
  const cases: [string, ReturnType<typeof parseReferenceInput>][] = [
    ['哈政申〔2026〕第13号', y13],
    ['〔2026〕13', y13],
    ['(2026)13', y13],
    ['（2026）13', y13],
    ['（2026）第13号', y13],
    ['[2026]13', y13],
    ['【2026】13号', y13],
    ['2026-13', y13],
    ['2026－13', y13],
    ['2026/13', y13],
    ['2026年13号', y13],
    ['2026年第13号', y13],
    ['2026 13', y13],
    ['  哈政申 2026 第 13 号 ', y13],
    ['２０２６年１３号', y13],
    ['(2026)013', y13],
    ['2026', null],
    ['13', null],
    ['哈政申第13号', null],
    ['(2026)0', null],
    ['', null],
  ];
  for (const [raw, want] of cases)
    it(`${JSON.stringify(raw)}`, () => assert.deepEqual(parseReferenceInput(raw), want));
});
