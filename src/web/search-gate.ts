/**
 * Bounds the portal's uncached searches (cache misses hit the full-text index): at most `concurrency` run at once per
 * process; the others wait, the cheapest first (short queries, first pages) among those that came at about the same
 * time — each unit of cost counts as MS_PER_COST ms of waiting, so under a steady stream of cheap searches a costly
 * one is not starved —, and beyond `maxWaiting` a search is refused with 503 and a Chinese message. Random queries then slow down only the searches, never the rest of the portal.
 */
import { DomainError } from '../errors.ts';

export class SearchBusyError extends DomainError {
  constructor() {
    super('unavailable', '当前搜索的人数较多，请稍后再试。您也可以按栏目浏览政府信息。');
  }
}

/** How much earlier a search one unit of cost cheaper may have arrived and still be overtaken (ms). */
export const MS_PER_COST = 10;

interface Waiter {
  /** Arrival time plus cost × MS_PER_COST: the waiting search with the lowest goes next. */
  due: number;
  seq: number;
  start: () => void;
}

export class Gate {
  private running = 0;
  private seq = 0;
  private readonly waiting: Waiter[] = [];
  /** Recent runs: when each ended and how long it took (ms), for the time budget. */
  private readonly recent: { end: number; ms: number }[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting = concurrency * 8,
    /**
     * Share of each second the gated work may take (SQLite's driver is synchronous: a slow search blocks every other
     * request of the process, so counting concurrent searches alone would not protect the portal).
     */
    readonly budget = 0.5,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Milliseconds of gated work in the last second. */
  private busyMs(): number {
    const t = this.now();
    while (this.recent.length && this.recent[0]!.end < t - 1000) this.recent.shift();
    return this.recent.reduce((a, r) => a + r.ms, 0);
  }

  /** Run `fn` when a slot is free; of work waiting since about the same time, the cheaper is started first. */
  async run<T>(cost: number, fn: () => Promise<T>): Promise<T> {
    // Without a time budget (PostgreSQL) the runs are not recorded at all.
    const timed = this.budget !== Infinity;
    if (timed && this.busyMs() > this.budget * 1000) throw new SearchBusyError();
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new SearchBusyError();
      await new Promise<void>((start) => {
        this.waiting.push({ due: this.now() + cost * MS_PER_COST, seq: this.seq++, start });
        this.waiting.sort((a, b) => a.due - b.due || a.seq - b.seq);
      });
    } else this.running++;
    const t0 = timed ? this.now() : 0;
    try {
      return await fn();
    } finally {
      if (timed) this.recent.push({ end: this.now(), ms: this.now() - t0 });
      const next = this.waiting.shift();
      if (next) next.start();
      else this.running--;
    }
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

/** The cost of a search: longer queries, later pages and more filters cost more. */
export function searchCost(q: string, page: number, filters: number): number {
  return [...q].length + (page - 1) * 4 + filters * 2;
}

const gates = new WeakMap<object, Gate>();

/**
 * The process's search gate for a configuration. On PostgreSQL a search waits on the database, not on this process's
 * thread: no time budget, and a longer queue (waiting costs nothing to the other pages); at most `concurrency` at
 * once still bound the database connections searches take.
 */
export function searchGate(config: { searchConcurrency: number; database?: { kind: string } }): Gate {
  let g = gates.get(config);
  if (!g) {
    const n = config.searchConcurrency;
    g = config.database?.kind === 'postgres' ? new Gate(n, n * 64, Infinity) : new Gate(n);
    gates.set(config, g);
  }
  return g;
}
