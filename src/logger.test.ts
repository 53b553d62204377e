import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import {
  createLogger,
  loggedPath,
  maskEmail,
  maskIdNumbers,
  maskPhone,
  maskTrackingCodes,
  redactPaths,
} from './logger.ts';

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

test('tracking codes are masked in every log message; a receipt key is masked in the access log path', () => {
  assert.equal(
    maskTrackingCodes('留言编号2026-0001，查询码ABCD2345，可在门户网站查看'),
    '留言编号2026-0001，查询码A******5，可在门户网站查看',
  );
  assert.equal(maskTrackingCodes('查询码：XY7K9MNP'), '查询码：X******P');
  assert.equal(maskTrackingCodes('凭登记编号和查询码（QWERTY23）查询'), '凭登记编号和查询码（Q******3）查询');
  assert.equal(maskTrackingCodes('请凭查询码在门户网站查看'), '请凭查询码在门户网站查看');
  assert.equal(maskPhone('13912345678'), '139****5678');
  assert.equal(maskEmail('mafuxiang@example.com'), 'm***@example.com');
  assert.equal(loggedPath('/apply/receipt/6f1c2a9b-key'), '/apply/receipt/***');
  assert.equal(loggedPath('/xxgk/632126/apply/receipt/6f1c2a9b'), '/xxgk/632126/apply/receipt/***');
  assert.equal(loggedPath('/apply'), '/apply');
  const lines: string[] = [];
  const log = createLogger(
    'info',
    new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    }),
  );
  log.info({ inquiry: { trackingCode: 'ABCD2345' } }, '查询码ABCD2345 身份证 632126199001011234');
  assert.doesNotMatch(lines.join(''), /ABCD2345|632126199001011234/);
  assert.match(lines.join(''), /查询码A\*{6}5/);
});
