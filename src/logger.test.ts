import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { maskIdNumbers, redactPaths } from './logger.ts';

test('ID numbers are masked in free text and passwords are redacted from log objects', () => {
  assert.equal(
    maskIdNumbers('申请人身份证号 632126199001011234 已登记'),
    '申请人身份证号 632126********1234 已登记',
  );
  assert.equal(maskIdNumbers('11010519491231002X'), '110105********002X');
  assert.equal(maskIdNumbers('电话 13800138000'), '电话 13800138000');
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const log = pino({ redact: { paths: redactPaths, censor: '[已隐藏]' } }, sink);
  log.info({ user: { password: 'Secret-pass-1', idNumber: '632126199001011234' } }, 'x');
  assert.doesNotMatch(lines.join(''), /Secret-pass-1|632126199001011234/);
  assert.match(lines.join(''), /已隐藏/);
});
