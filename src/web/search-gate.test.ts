import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Gate, MS_PER_COST, SearchBusyError, searchCost } from './search-gate.ts';

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

test('search gate: a costly search that has waited long goes before cheap ones that came later (no starvation)', async () => {
  let t = 0;
  const gate = new Gate(1, 8, Infinity, () => t);
  const order: string[] = [];
  const first = deferred();
  const running = gate.run(1, async () => {
    order.push('first');
    await first.promise;
  });
  const expensive = gate.run(50, async () => void order.push('expensive'));
  t += 50 * MS_PER_COST; // as long as its extra cost is worth
  const cheapLater = gate.run(2, async () => void order.push('cheap, later'));
  first.resolve();
  await Promise.all([running, expensive, cheapLater]);
  assert.deepEqual(order, ['first', 'expensive', 'cheap, later']);
});

test('search cost: longer queries, later pages and filters cost more', () => {
  assert.ok(searchCost('通知', 1, 0) < searchCost('通知公告文件', 1, 0));
  assert.ok(searchCost('通知', 1, 0) < searchCost('通知', 3, 0));
  assert.ok(searchCost('通知', 1, 0) < searchCost('通知', 1, 2));
});

test('search gate: beyond half of each second spent searching, new searches are refused at once', async () => {
  let t = 0;
  const gate = new Gate(4, 32, 0.5, () => t);
  // Three searches of 200 ms each within one second: 600 ms > 500 ms.
  for (let i = 0; i < 3; i++) {
    await gate.run(1, async () => {
      t += 200;
    });
  }
  await assert.rejects(
    gate.run(1, async () => undefined),
    SearchBusyError,
  );
  t += 1500; // a second later the budget is back
  await gate.run(1, async () => undefined);
});
