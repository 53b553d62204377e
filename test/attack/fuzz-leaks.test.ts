/** The fuzz harness tells user-entered data from English/internal words (the "NaN" office of the last stop). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { englishLeaks } from './fuzz.ts';

test('typed values listed back are user data; internal words are leaks', () => {
  // an office a fuzzed body named "NaN", quoted by the message or listed as a whole value
  assert.deepEqual(englishLeaks('站办所“NaN”已存在，请换一个名称', new Set()), []);
  assert.deepEqual(englishLeaks('请选择站办所：NaN、党政办', new Set(['NaN'])), []);
  assert.deepEqual(englishLeaks('标题 undefined 不能重复', new Set(['undefined'])), []);
  // the same words made by the code are leaks, typed or not
  assert.deepEqual(englishLeaks('第NaN页不存在', new Set(['NaN'])), ['NaN']);
  assert.deepEqual(englishLeaks('Expected string, received number', new Set()), ['Expected', 'received']);
  assert.deepEqual(englishLeaks('共 undefined 件', new Set()), ['undefined']);
  assert.deepEqual(englishLeaks('Invalid input', new Set(['Invalid input!'])), ['Invalid']);
});
