/**
 * A step the request's state no longer allows (a form opened before someone else acted, issue 10): the refusal says
 * who did what last and when, in Beijing time, besides the state now.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { township } from '../../test/support/request-factories.ts';
import { fixedClock } from '../../test/support/factories.ts';
import { PERSON } from '../../test/support/request-factories.ts';
import { submitOnlineRequest } from './submit-online-request.ts';
import { confirmRequest } from './confirm-request.ts';
import { DomainError } from '../errors.ts';

describeEachDialect('requests: a refused step names who acted first', (t) => {
  test('confirming a request someone already confirmed', async () => {
    const { db } = t();
    // 06:56 UTC is 14:56 in Beijing.
    const clock = fixedClock('2026-03-02T06:56:00Z');
    const { agency, clerk } = await township(db, clock);
    const pub = { db, clock, actor: { kind: 'public' as const }, meta: { ip: '10.0.0.1' } };
    const r = await submitOnlineRequest(pub, agency, PERSON);
    await confirmRequest(clerk, r.id, { confirmedOn: '2026-03-02', evidence: '电话确认' });
    const name = clerk.actor.kind === 'user' ? clerk.actor.name : '';
    assert.ok(name);
    await assert.rejects(
      confirmRequest(clerk, r.id, { confirmedOn: '2026-03-02', evidence: '再次确认' }),
      (e: unknown) => {
        assert.ok(e instanceof DomainError && e.code === 'invalid_state', String(e));
        assert.equal(
          e.message,
          `申请当前状态为“受理”，不能执行“确认收到”：${name}已于2026-03-02 14:56“确认收到申请”。请刷新页面查看最新情况。`,
        );
        return true;
      },
    );
  });
});
