import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextStep, type NextStepInput } from './request-next-step.ts';
import { actionsFrom, type RequestState } from '../requests/request.ts';

const input = (status: RequestState, over: Partial<NextStepInput> = {}): NextStepInput => ({
  status,
  available: new Set(actionsFrom(status)),
  canRegister: true,
  canHandle: true,
  canApprove: false,
  undeliveredNotices: 0,
  openConsultations: 0,
  ...over,
});

test('the next likely step for each state', () => {
  const cases: [RequestState, Partial<NextStepInput>, string | null][] = [
    ['pending_confirmation', {}, 'confirm'],
    ['pending_confirmation', { canRegister: false }, null],
    ['accepted', {}, 'decision'], // 拟写答复并提交审批
    ['extended', {}, 'decision'],
    ['accepted', { undeliveredNotices: 1 }, 'notice-delivered'],
    ['awaiting_correction', {}, 'corrected'],
    ['consulting', { openConsultations: 1 }, 'consult-end'],
    ['awaiting_fee', {}, 'fee-paid'],
    ['pending_approval', { canApprove: true }, 'approve'],
    ['pending_approval', { canApprove: false }, null], // the drafter waits for the approver
    ['replied', {}, 'deliver'],
    ['delivered', {}, null],
    ['archived', {}, null],
    ['accepted', { canHandle: false }, null], // a reader only
  ];
  for (const [status, over, expected] of cases)
    assert.equal(nextStep(input(status, over)), expected, `${status} ${JSON.stringify(over)}`);
});
