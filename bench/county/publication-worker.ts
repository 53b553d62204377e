/**
 * A worker thread of the county loader (generate.ts): generates ranges of publications and search documents as
 * COPY text (publication-rows.ts) and hands them back as UTF-8 bytes (transferred, not copied), one answer per
 * request, in the order asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { publicationChunk, type PublicationPlan } from './publication-rows.ts';

const plan = (workerData as { plan: PublicationPlan }).plan;
const catsOf = new Map(plan.cats);
const utf8 = new TextEncoder();
parentPort!.on('message', (m: { seq: number; start: number; end: number }) => {
  const c = publicationChunk(plan, catsOf, m.start, m.end);
  const pub = utf8.encode(c.pub);
  const doc = utf8.encode(c.doc);
  parentPort!.postMessage({ seq: m.seq, pub, doc, docs: c.docs }, [pub.buffer, doc.buffer]);
});
