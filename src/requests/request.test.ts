import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  REQUEST_ACTIONS,
  REQUEST_STATES,
  TRANSITIONS,
  actionsFrom,
  canTransition,
  nextState,
  receiptDate,
  type RequestAction,
  type RequestState,
} from './request.ts';
import { DomainError } from '../errors.ts';

describe('the transition table', () => {
  // Expected: every (state, action) pair that is allowed, and where it leads (extended = has an extension).
  const allowed: [RequestState, RequestAction, RequestState, boolean?][] = [
    ['pending_confirmation', 'confirm', 'accepted'],
    ['pending_confirmation', 'withdraw', 'withdrawn'],
    ['accepted', 'request_correction', 'awaiting_correction'],
    ['accepted', 'start_consultation', 'consulting'],
    ['accepted', 'extend', 'extended'],
    ['accepted', 'issue_fee_notice', 'awaiting_fee'],
    ['accepted', 'submit_decision', 'pending_approval'],
    ['accepted', 'withdraw', 'withdrawn'],
    ['awaiting_correction', 'receive_correction', 'accepted'],
    ['awaiting_correction', 'abandon_no_correction', 'abandoned'],
    ['awaiting_correction', 'withdraw', 'withdrawn'],
    ['consulting', 'end_consultation', 'accepted'],
    ['consulting', 'end_consultation', 'extended', true],
    ['consulting', 'extend', 'consulting'],
    ['consulting', 'withdraw', 'withdrawn'],
    ['awaiting_fee', 'record_payment', 'accepted'],
    ['awaiting_fee', 'record_payment', 'extended', true],
    ['awaiting_fee', 'close_fee_unpaid', 'abandoned'],
    ['awaiting_fee', 'extend', 'awaiting_fee'],
    ['awaiting_fee', 'withdraw', 'withdrawn'],
    ['extended', 'start_consultation', 'consulting', true],
    ['extended', 'issue_fee_notice', 'awaiting_fee', true],
    ['extended', 'submit_decision', 'pending_approval', true],
    ['extended', 'withdraw', 'withdrawn', true],
    ['pending_approval', 'approve_decision', 'replied'],
    ['pending_approval', 'return_decision', 'accepted'],
    ['pending_approval', 'return_decision', 'extended', true],
    ['pending_approval', 'withdraw', 'withdrawn'],
    ['replied', 'record_delivery', 'delivered'],
    ['delivered', 'record_delivery', 'delivered'],
    ['delivered', 'archive', 'archived'],
    ['withdrawn', 'archive', 'archived'],
    ['abandoned', 'archive', 'archived'],
  ];
  for (const [from, action, to, extended] of allowed) {
    test(`${from} --${action}${extended ? ' (extended)' : ''}--> ${to}`, () => {
      assert.equal(nextState(from, action, { extended: Boolean(extended) }), to);
    });
  }

  test('every other pair is refused with a Chinese reason', () => {
    const ok = new Set(allowed.map(([s, a]) => `${s}|${a}`));
    let refused = 0;
    for (const s of REQUEST_STATES)
      for (const a of REQUEST_ACTIONS) {
        if (ok.has(`${s}|${a}`)) continue;
        assert.equal(canTransition(s, a) && !(a === 'extend'), false, `${s} ${a}`);
        assert.throws(
          () => nextState(s, a),
          (e: unknown) =>
            e instanceof DomainError && e.code === 'invalid_state' && /不能执行|只能延长一次/.test(e.message),
        );
        refused++;
      }
    assert.ok(refused > 100);
  });

  test('a second extension is refused by name (条例第三十三条第二款)', () => {
    assert.throws(() => nextState('consulting', 'extend', { extended: true }), /只能延长一次/);
  });

  test('archived is final', () => assert.deepEqual(actionsFrom('archived'), []));
  test('the table covers every action', () =>
    assert.deepEqual(Object.keys(TRANSITIONS).sort(), [...REQUEST_ACTIONS].sort()));
});

describe('receipt date by channel (条例第三十一条)', () => {
  test('in person and oral: the day of submission', () => {
    assert.equal(receiptDate('in_person', '2026-03-02', null), '2026-03-02');
    assert.equal(receiptDate('oral', '2026-03-02', '2026-03-05'), '2026-03-02');
  });
  test('registered post: the signed-for day; ordinary post, fax, e-mail, online: the confirmation day', () => {
    assert.equal(receiptDate('registered_mail', '2026-03-02', '2026-03-03'), '2026-03-03');
    for (const ch of ['ordinary_mail', 'fax', 'email', 'online'] as const) {
      assert.equal(receiptDate(ch, '2026-03-02', '2026-03-04'), '2026-03-04');
      assert.equal(receiptDate(ch, '2026-03-02', null), null);
    }
  });
});
