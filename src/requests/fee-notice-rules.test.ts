import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFeeNotice, checkSplit, countFee, feeBasisText } from './fee.ts';
import { DomainError } from '../errors.ts';

const refused = (f: () => void, msg: RegExp) =>
  assert.throws(f, (e: unknown) => e instanceof DomainError && msg.test(e.message));
const base = {
  method: 'by_count' as 'by_count' | 'by_volume',
  formRequested: 'paper',
  receivedOn: '2026-03-02',
  issuedOn: '2026-03-10',
  noticeOn: '2026-03-10',
  today: '2026-03-10',
};

describe('《政府信息公开信息处理费管理办法》(国办函〔2020〕109号): the fee notice', () => {
  const cases: { name: string; c: Partial<typeof base>; msg?: RegExp }[] = [
    { name: 'in order', c: {} },
    { name: '按量 for paper copies', c: { method: 'by_volume' } },
    {
      name: '按量 for 当场查阅、抄录 (第五条)',
      c: { method: 'by_volume', formRequested: 'inspection' },
      msg: /第五条/,
    },
    { name: '按件 for 当场查阅 is allowed (第四条: all decision types)', c: { formRequested: 'inspection' } },
    { name: 'backdated issue', c: { issuedOn: '2026-03-09', noticeOn: '2026-03-09' }, msg: /倒签/ },
    {
      name: 'received before the request arrived',
      c: { receivedOn: '2026-03-11' },
      msg: /早于本机关收到申请/,
    },
    { name: 'received before its own issue', c: { noticeOn: '2026-03-09' }, msg: /早于通知发出/ },
  ];
  for (const x of cases)
    test(x.name, () => {
      const f = () => checkFeeNotice({ ...base, ...x.c });
      if (x.msg) refused(f, x.msg);
      else f();
    });

  test('一事一申请 (第四条): a split needs a reason; the items count progressively', () => {
    refused(() => checkSplit(3, ''), /拆分理由/);
    checkSplit(3, '申请包含三个互不相关的事项');
    checkSplit(1, null);
    // 9 earlier this month, this request split in 3 → items 10, 11, 12: 0 + 100 + 100.
    assert.equal(countFee(9, 3), 200);
  });

  test('the notice states the rank or the page count', () => {
    assert.equal(
      feeBasisText({ method: 'by_count', earlierItems: 11, items: 1, month: '2026-03' }),
      '本申请为申请人2026年3月向本机关提出的第12件',
    );
    assert.match(
      feeBasisText({ method: 'by_count', earlierItems: 9, items: 3, month: '2026-03' }),
      /第10至第12件.*拆分为3件/,
    );
    assert.equal(feeBasisText({ method: 'by_volume', pages: 45 }), '本次提供的政府信息共45页');
  });
});
