/**
 * Calendar benchmark (figures only, never asserted): addWorkdays calls/s and due-date computations/s with the
 * precomputed workday index, each against a naive day-by-day loop in the same run (the ratio is the figure).
 */
import { shippedCalendar } from '../src/calendar/test-calendars.ts';
import { addDays } from '../src/calendar/dates.ts';
import type { WorkCalendar } from '../src/calendar/calendar.ts';
import { computeDeadline, computeDueDate, type DeadlineInput } from '../src/requests/deadline.ts';

/** The baseline: step one calendar day at a time, asking whether each is a working day. */
function naiveAddWorkdays(cal: WorkCalendar, date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (cal.isWorkday(d)) left--;
  }
  return d;
}

/** The baseline due date: count day by day, skipping non-working and paused days. */
function naiveDue(cal: WorkCalendar, input: DeadlineInput): string {
  const trigger = input.correctedOn ?? input.receivedOn;
  const paused = (d: string) =>
    (input.pauses ?? []).some((p) => d > p.sentOn && p.answeredOn != null && d <= p.answeredOn);
  let d = trigger;
  for (let left = 20 + (input.extensionDays ?? 0); left > 0;) {
    d = addDays(d, 1);
    if (cal.isWorkday(d) && !paused(d)) left--;
  }
  return d;
}

function rate(label: string, count: number, fn: (i: number) => unknown): number {
  for (let i = 0; i < Math.min(count, 10_000); i++) fn(i); // warm up
  const t0 = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < count; i++) if (fn(i)) sink++;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const perSecond = count / seconds;
  console.log(
    `  ${label.padEnd(44)} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} /s  (${sink ? 'ok' : '-'})`,
  );
  return perSecond;
}

export async function run(): Promise<void> {
  const cal = shippedCalendar();
  const N = 1024;
  const dates = Array.from({ length: N }, (_, i) => addDays('2024-01-01', (i * 7919) % 1000));
  const inputs: DeadlineInput[] = dates.map((d, i) => ({
    receivedOn: d,
    correctedOn: i % 3 === 0 ? addDays(d, 3) : null,
    pauses: i % 4 === 0 ? [{ sentOn: addDays(d, 5), answeredOn: addDays(d, 15) }] : [],
    extensionDays: i % 5 === 0 ? 20 : null,
  }));
  // Sanity: the index and the naive loop agree on every input.
  for (let i = 0; i < N; i++) {
    if (cal.addWorkdays(dates[i]!, 20) !== naiveAddWorkdays(cal, dates[i]!, 20)) throw new Error('mismatch');
    if (computeDueDate(cal, inputs[i]!).due !== naiveDue(cal, inputs[i]!)) throw new Error('due mismatch');
  }

  console.log('calendar (2024–2026 loaded, 2027+ provisional)');
  const fast = rate('addWorkdays(date, 20), indexed', 2_000_000, (i) =>
    cal.addWorkdays(dates[i & (N - 1)]!, 20),
  );
  const slow = rate('addWorkdays(date, 20), naive day-by-day', 100_000, (i) =>
    naiveAddWorkdays(cal, dates[i & (N - 1)]!, 20),
  );
  console.log(`  ratio indexed / naive: ${(fast / slow).toFixed(1)}×`);

  const due = rate('computeDueDate (due + provisional)', 1_000_000, (i) =>
    computeDueDate(cal, inputs[i & (N - 1)]!),
  );
  const full = rate('computeDeadline (with steps and explanation)', 200_000, (i) =>
    computeDeadline(cal, inputs[i & (N - 1)]!),
  );
  const naive = rate('due date, naive day-by-day', 50_000, (i) => naiveDue(cal, inputs[i & (N - 1)]!));
  console.log(`  ratio computeDueDate / naive: ${(due / naive).toFixed(1)}×`);
  console.log(`  ratio computeDeadline / naive: ${(full / naive).toFixed(1)}×`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
