/**
 * Bounds the portal's uncached searches (cache misses hit the full-text index): at most `concurrency` run at once per
 * process; the others wait, the cheapest first (short queries, first pages), and beyond `maxWaiting` a search is refused
 * with 503 and a Chinese message. Random queries then slow down only the searches, never the rest of the portal.
 */
import { DomainError } from '../errors.ts';

export class SearchBusyError extends DomainError {
  constructor() {
    super('unavailable', '当前搜索的人数较多，请稍后再试。您也可以按栏目浏览政府信息。');
  }
}

interface Waiter {
  cost: number;
  seq: number;
  start: () => void;
}

export class Gate {
  private running = 0;
  private seq = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting = concurrency * 8,
  ) {}

  /** Run `fn` when a slot is free; cheaper work (lower cost) is started first. */
  async run<T>(cost: number, fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new SearchBusyError();
      await new Promise<void>((start) => {
        this.waiting.push({ cost, seq: this.seq++, start });
        this.waiting.sort((a, b) => a.cost - b.cost || a.seq - b.seq);
      });
    } else this.running++;
    try {
      return await fn();
    } finally {
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

/** The process's search gate for a configuration. */
export function searchGate(config: { searchConcurrency: number }): Gate {
  let g = gates.get(config);
  if (!g) {
    g = new Gate(config.searchConcurrency);
    gates.set(config, g);
  }
  return g;
}
