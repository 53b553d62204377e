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

/** The business date (Asia/Shanghai) of an instant. */
export function businessDate(d: Date): string {
  return fmt.format(d);
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
