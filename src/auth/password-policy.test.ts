import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generatePassword } from './password.ts';
import { hasSequence, isCommonPassword, passwordProblem } from './password-policy.ts';

test('each rule refuses with its Chinese reason', () => {
  const cases: [string, RegExp][] = [
    ['Abcdef-12\u0000x', /空字符/],
    ['Abc\ndef-12x', /控制字符/],
    ['            ', /只有空格/],
    [' Good-pass-2x9 ', /开头和结尾/],
    ['Ab1!', /至少需要10个字符/],
    ['A1!' + 'x'.repeat(130), /不能超过128/],
    ['abcdefghij', /至少三类/],
    ['Ab1!Ab1!Ab1!', /反复组成/],
    ['Pw-9aaaa-Zk', /4个或以上相同/],
    ['Zk-12345-pq', /连续的字符/],
    ['Pq!qwert9X', /连续的字符/],
    ['Zk-98765-pq', /连续的字符/],
    ['P@ssw0rd2026!', /过于常见/],
    ['Woaini@1314', /过于常见/],
    ['Dragon#2026', /过于常见/],
    ['Zhangsan-2026', null as unknown as RegExp],
  ];
  for (const [pw, re] of cases) {
    const problem = passwordProblem(pw);
    if (re === null) assert.equal(problem, null, pw);
    else assert.match(problem ?? '(accepted)', re, JSON.stringify(pw));
  }
  assert.match(passwordProblem('Xiaoming-2026!', 'xiaoming') ?? '', /用户名/);
});

test('passwords that meet the policy are accepted, the test password among them', () => {
  for (const pw of ['Test-pass-2026', 'Hz#river-9Lq', '山河-Pq7-远方x', 'Correct-Horse-Battery-9'])
    assert.equal(passwordProblem(pw), null, pw);
});

test('the common lists are matched through case, substitutions and affixes', () => {
  assert.ok(isCommonPassword('PASSWORD'));
  assert.ok(isCommonPassword('p4ssw0rd'));
  assert.ok(isCommonPassword('!!Letmein2026'));
  assert.ok(isCommonPassword('qq-5201314'));
  assert.ok(!isCommonPassword('Hz#river-9Lq'));
  assert.ok(hasSequence('xx-gfedc-yy'));
  assert.ok(!hasSequence('a1b2c3d4e5'));
});

test('property: generated one-time passwords always meet the policy', () => {
  for (let i = 0; i < 300; i++) assert.equal(passwordProblem(generatePassword()), null);
});

test('property: padding, NUL and all-repeats are refused whatever the password around them', () => {
  fc.assert(
    fc.property(
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.constantFrom(' ', '\t', '\u0000', '\n'),
      (pw, pad) => {
        assert.notEqual(passwordProblem(pad + pw), null);
        assert.notEqual(passwordProblem(pw + pad), null);
      },
    ),
  );
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 5 }), fc.integer({ min: 2, max: 30 }), (unit, n) => {
      assert.notEqual(passwordProblem(unit.repeat(n)), null);
    }),
  );
});
