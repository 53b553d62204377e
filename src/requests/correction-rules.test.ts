import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkAbandonNoCorrection,
  checkCorrectionNotice,
  checkUnclearAfterCorrection,
  correctionPeriodEnd,
  defaultDeliveredOn,
} from './correction-rules.ts';
import { shippedCalendar } from '../calendar/test-calendars.ts';
import { DomainError } from '../errors.ts';

const cal = shippedCalendar();
const refused = (f: () => void, msg: RegExp) =>
  assert.throws(
    f,
    (e: unknown) => e instanceof DomainError && e.code === 'invalid_state' && msg.test(e.message),
  );

describe('条例第三十条: 补正 once, within 7 working days, period from delivery', () => {
  const notices: { name: string; earlier: number; today: string; due: string; ok: boolean; msg?: RegExp }[] =
    [
      {
        name: 'first notice on the 7th working day',
        earlier: 0,
        today: '2026-03-11',
        due: '2026-03-11',
        ok: true,
      },
      {
        name: 'late: 16th working day (the old override case)',
        earlier: 0,
        today: '2026-03-24',
        due: '2026-03-11',
        ok: false,
        msg: /7个工作日内.*第三十条/,
      },
      {
        name: 'late by one day',
        earlier: 0,
        today: '2026-03-12',
        due: '2026-03-11',
        ok: false,
        msg: /已超过/,
      },
      {
        name: 'second notice, even in time',
        earlier: 1,
        today: '2026-03-05',
        due: '2026-03-11',
        ok: false,
        msg: /一次性告知/,
      },
    ];
  for (const c of notices)
    test(c.name, () => {
      const f = () => checkCorrectionNotice({ earlierNotices: c.earlier, today: c.today, noticeDue: c.due });
      if (c.ok) f();
      else refused(f, c.msg!);
    });

  test('delivery: online / e-mail / in person the send day; post waits for the signed-for day', () => {
    assert.equal(defaultDeliveredOn('online', '2026-03-04'), '2026-03-04');
    assert.equal(defaultDeliveredOn('email', '2026-03-04'), '2026-03-04');
    assert.equal(defaultDeliveredOn('in_person', '2026-03-04'), '2026-03-04');
    assert.equal(defaultDeliveredOn('post', '2026-03-04'), null);
  });

  test('the period runs from delivery: 10 working days after 2026-04-02 skips 清明', () => {
    assert.equal(correctionPeriodEnd(cal, '2026-04-02', 10)?.date, '2026-04-17');
    assert.equal(correctionPeriodEnd(cal, null, 10), null);
  });

  test('视为放弃 only after the period ends, and never before delivery is known', () => {
    refused(
      () => checkAbandonNoCorrection({ deliveredOn: null, periodEnd: null, today: '2026-06-01' }),
      /收到补正告知书的日期/,
    );
    refused(
      () =>
        checkAbandonNoCorrection({ deliveredOn: '2026-04-02', periodEnd: '2026-04-17', today: '2026-04-17' }),
      /尚未届满/,
    );
    checkAbandonNoCorrection({ deliveredOn: '2026-04-02', periodEnd: '2026-04-17', today: '2026-04-20' });
  });

  test('（四）3 unclear after correction requires an answered 补正', () => {
    refused(() => checkUnclearAfterCorrection([]), /没有收到过补正/);
    refused(() => checkUnclearAfterCorrection([{ receivedOn: null }]), /没有收到过补正/);
    checkUnclearAfterCorrection([{ receivedOn: '2026-03-05' }]);
  });
});
