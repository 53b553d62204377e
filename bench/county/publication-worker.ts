/**
 * A worker thread of the county loader (generate.ts): generates ranges of publications and search documents as
 * COPY text in UTF-8 (publication-rows.ts) and hands the bytes back (transferred, not copied), one answer per
 * request, in the order asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { publicationChunk, type PublicationPlan } from './publication-rows.ts';

const plan = (workerData as { plan: PublicationPlan }).plan;
const catsOf = new Map(plan.cats);
parentPort!.on('message', (m: { seq: number; start: number; end: number }) => {
  const { pub, doc, docs } = publicationChunk(plan, catsOf, m.start, m.end);
  parentPort!.postMessage({ seq: m.seq, pub, doc, docs }, [pub.buffer, doc.buffer]);
});
