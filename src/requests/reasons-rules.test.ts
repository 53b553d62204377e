import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkExcessiveNotProcessed,
  checkLaterReply,
  checkReasonsRequest,
  reasonsStepDone,
  type ReasonRequestState,
} from './reasons-rules.ts';
import { DomainError } from '../errors.ts';

const refused = (f: () => void, msg: RegExp) =>
  assert.throws(f, (e: unknown) => e instanceof DomainError && msg.test(e.message));
const asked: ReasonRequestState = {
  noticeOn: '2026-03-04',
  deliveredOn: '2026-03-04',
  periodEnd: '2026-03-18',
  answeredOn: null,
};
const answered = { ...asked, answeredOn: '2026-03-10' };

describe('条例第三十五条: 说明理由 before （五）4 or a later reply date', () => {
  const cases: { name: string; reqs: ReasonRequestState[]; today: string; done: boolean }[] = [
    { name: 'no step', reqs: [], today: '2026-03-20', done: false },
    { name: 'asked, period running', reqs: [asked], today: '2026-03-18', done: false },
    { name: 'asked, period over without answer', reqs: [asked], today: '2026-03-19', done: true },
    {
      name: 'asked by post, never delivered',
      reqs: [{ ...asked, deliveredOn: null, periodEnd: null }],
      today: '2026-06-01',
      done: false,
    },
    { name: 'answered', reqs: [answered], today: '2026-03-10', done: true },
  ];
  for (const c of cases)
    test(`（五）4: ${c.name} → ${c.done ? 'allowed' : 'refused'}`, () => {
      assert.equal(
        c.reqs.some((r) => reasonsStepDone(r, c.today)),
        c.done,
      );
      const f = () => checkExcessiveNotProcessed(c.reqs, c.today);
      if (c.done) f();
      else refused(f, /第三十五条/);
    });

  test('asked once only', () => {
    checkReasonsRequest([]);
    refused(() => checkReasonsRequest([asked]), /不能重复/);
  });

  test('a later reply date: after the step, after the due date', () => {
    refused(
      () =>
        checkLaterReply({ reqs: [], today: '2026-03-10', laterOn: '2026-06-30', currentDue: '2026-03-30' }),
      /说明理由/,
    );
    refused(
      () =>
        checkLaterReply({
          reqs: [answered],
          today: '2026-03-10',
          laterOn: '2026-03-30',
          currentDue: '2026-03-30',
        }),
      /应晚于现在的答复期限/,
    );
    checkLaterReply({
      reqs: [answered],
      today: '2026-03-10',
      laterOn: '2026-06-30',
      currentDue: '2026-03-30',
    });
  });
});
