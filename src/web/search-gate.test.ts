import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Gate, SearchBusyError, searchCost } from './search-gate.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test('search gate: at most `concurrency` at once, the cheapest waiting search next, refused beyond the queue', async () => {
  const gate = new Gate(1, 2);
  const order: string[] = [];
  const first = deferred();
  const running = gate.run(1, async () => {
    order.push('first');
    await first.promise;
  });
  const expensive = gate.run(50, async () => void order.push('expensive'));
  const cheap = gate.run(2, async () => void order.push('cheap'));
  assert.deepEqual(gate.load, { running: 1, waiting: 2 });
  await assert.rejects(
    gate.run(1, async () => undefined),
    (e) => e instanceof SearchBusyError && e.code === 'unavailable' && /稍后再试/.test(e.message),
  );
  first.resolve();
  await Promise.all([running, expensive, cheap]);
  assert.deepEqual(order, ['first', 'cheap', 'expensive']);
  assert.deepEqual(gate.load, { running: 0, waiting: 0 });
});

test('search cost: longer queries, later pages and filters cost more', () => {
  assert.ok(searchCost('通知', 1, 0) < searchCost('通知公告文件', 1, 0));
  assert.ok(searchCost('通知', 1, 0) < searchCost('通知', 3, 0));
  assert.ok(searchCost('通知', 1, 0) < searchCost('通知', 1, 2));
});
