/** Time source, injectable so tests can freeze it. Business dates are Asia/Shanghai. */
export interface Clock {
  now(): Date;
  /** Today's business date 'YYYY-MM-DD' in Asia/Shanghai. */
  today(): string;
}

const fmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The business date (Asia/Shanghai) of an instant. The last second's answer is kept: a request asks several times
 * within the same second, and Intl's formatting is a measurable part of a page (docs/scale.md, "Thirteenth pass").
 * A zone's offsets, even its historical mean time, are whole seconds, so one second has one date.
 */
let lastSecond = NaN;
let lastDate = '';
export function businessDate(d: Date): string {
  const second = Math.floor(d.getTime() / 1000);
  if (second !== lastSecond) {
    lastDate = fmt.format(d);
    lastSecond = second;
  }
  return lastDate;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => businessDate(new Date()),
};

/** A clock frozen at an instant (tests). */
export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let t = new Date(iso);
  return {
    now: () => new Date(t),
    today: () => businessDate(t),
    set: (v) => {
      t = new Date(v);
    },
    advance: (ms) => {
      t = new Date(t.getTime() + ms);
    },
  };
}
