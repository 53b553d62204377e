/**
 * The publications and search documents of the county load as COPY chunks, in sequence order: made in this thread,
 * or by worker threads (publication-worker.ts) while this thread writes the COPY streams, so that generation does
 * not stop while PostgreSQL takes a chunk.
 */
import { Worker } from 'node:worker_threads';
import type { CopyChunk } from './copy.ts';
import { publicationChunk, type PublicationPlan } from './publication-rows.ts';

/** Publications per chunk (about 1 MB of COPY text per stream). */
const CHUNK = 2_000;

/**
 * Generator threads: GONGKAI_BENCH_LOAD_WORKERS (0, the default: generate in the loading thread). On this project's
 * two shared cores a generator thread competed with PostgreSQL's two COPY backends and was not faster (docs/scale.md,
 * fifteenth pass); on a machine with free cores try 1 or more.
 */
export function loadWorkers(): number {
  const n = Number(process.env.GONGKAI_BENCH_LOAD_WORKERS ?? 0);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 1;
}

/** Publications 0…total-1 of `plan` as COPY chunks [publications, search documents], in order. */
export async function* publicationChunks(
  plan: PublicationPlan,
  total: number,
  workerCount = loadWorkers(),
): AsyncGenerator<CopyChunk> {
  if (workerCount === 0) {
    // In this thread (GONGKAI_BENCH_LOAD_WORKERS=0): the same chunks, generated between the writes.
    const catsOf = new Map(plan.cats);
    for (let start = 0; start < total; start += CHUNK) {
      const c = publicationChunk(plan, catsOf, start, Math.min(total, start + CHUNK));
      yield { data: [c.pub, c.doc], rows: [Math.min(CHUNK, total - start), c.docs] };
    }
    return;
  }
  const boot = new URL('./worker-boot.mjs', import.meta.url);
  const entry = new URL('./publication-worker.ts', import.meta.url).href;
  const waiting = new Map<number, { resolve: (c: CopyChunk) => void; reject: (e: unknown) => void }>();
  const ready = new Map<number, Promise<CopyChunk>>();
  let failure: unknown = null;
  const workers = Array.from({ length: workerCount }, () => {
    const w = new Worker(boot, { workerData: { entry, plan } });
    w.on('message', (m: { seq: number; pub: Uint8Array; doc: Uint8Array; docs: number }) => {
      const p = waiting.get(m.seq)!;
      waiting.delete(m.seq);
      const pubs = Math.min(CHUNK, total - m.seq * CHUNK);
      p.resolve({ data: [m.pub, m.doc], rows: [pubs, m.docs] });
    });
    w.on('error', (e) => {
      failure = e;
      for (const p of waiting.values()) p.reject(e);
      waiting.clear();
    });
    return w;
  });
  const chunks = Math.ceil(total / CHUNK);
  // Each worker works up to AHEAD chunks ahead of the writer: enough to keep it busy, bounded memory.
  const AHEAD = 3;
  let asked = 0;
  const ask = () => {
    while (asked < chunks && asked < next + workerCount * AHEAD) {
      const seq = asked++;
      const p = new Promise<CopyChunk>((resolve, reject) => {
        if (failure) reject(failure);
        else waiting.set(seq, { resolve, reject });
      });
      p.catch(() => undefined);
      ready.set(seq, p);
      workers[seq % workerCount]!.postMessage({
        seq,
        start: seq * CHUNK,
        end: Math.min(total, (seq + 1) * CHUNK),
      });
    }
  };
  let next = 0;
  try {
    for (; next < chunks; next++) {
      ask();
      const c = await ready.get(next)!;
      ready.delete(next);
      yield c;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
