/**
 * The county bench's publications and their search documents, as COPY text, for any range of the seeded sequence.
 * The sequence draws exactly DRAWS_PER_PUBLICATION numbers from rng(99) per publication, so the generator state at
 * publication i is known without generating 0…i-1 (mulberry32's state advances by a constant per draw): worker
 * threads generate disjoint ranges, and the loader writes them in order — the same rows, in the same order, as one
 * sequential pass (generate.ts checks the tokens against `tokenize` on every 1,000th document).
 */
import { addDays } from '../../src/calendar/dates.ts';
import { rng } from '../../src/annual-report/testing/synthetic.ts';
import { tokenize } from '../../src/search/tokenize.ts';
import { benchTokens, VOCABULARY } from './tokens.ts';
import { copyLine, type Cell } from './copy.ts';

/** What the rows of a publication depend on besides its index: read from the database before the COPY. */
export interface PublicationPlan {
  firstId: number;
  agencies: { id: number; code: string }[];
  /** Leaf categories per agency id, in id order. */
  cats: [number, { id: number; code: string }[]][];
  authorId: number;
  now: string;
  year: number;
}

export const PUBLICATION_SEED = 99;
/** The draws of rng(PUBLICATION_SEED) per publication: category, year, month, day, status, ten words. */
export const DRAWS_PER_PUBLICATION = 15;

/** rng(seed) after `n` draws (mulberry32 adds 0x6d2b79f5 to its state per draw). */
export function rngAfter(seed: number, n: number): () => number {
  return rng((seed + Math.imul(n, 0x6d2b79f5)) >>> 0);
}

/** A publication's row and its search document's row (null while not published), one per index. */
export function publicationRows(
  plan: PublicationPlan,
  catsOf: Map<number, { id: number; code: string }[]>,
  i: number,
  r0: () => number,
): [Cell[], Cell[] | null] {
  const w = () => VOCABULARY[Math.floor(r0() * VOCABULARY.length)]!;
  const { agencies, year, now } = plan;
  const id = plan.firstId + i;
  const a = agencies[i % agencies.length]!;
  const cs = catsOf.get(a.id)!;
  const cat = cs[Math.floor(r0() * cs.length)]!;
  const y = year - 9 + Math.floor(r0() * 10);
  const formed = `${y}-${String(1 + Math.floor(r0() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r0() * 28)).padStart(2, '0')}`;
  const due = addDays(formed, 28);
  const r = r0();
  // Most are published (some late), some wait in review, some are drafts.
  const status = r < 0.94 ? 'published' : r < 0.97 ? 'in_review' : 'draft';
  const published = status === 'published' ? addDays(formed, r < 0.08 ? 35 : Math.floor(r * 300) % 25) : null;
  const title = `关于${w()}${w()}工作的通知（${y}第${i}号）`;
  const body = `各村：为做好${w()}${w()}和${w()}工作，现将有关事项通知如下。一、${w()}${w()}。二、${w()}${w()}。三、请于月底前报送${w()}情况。`;
  const docNo = `${a.code}政〔${y}〕${i}号`;
  const pub: Cell[] = [
    id,
    a.id,
    cat.id,
    status,
    'proactive',
    `${a.code}/${i}`,
    title,
    docNo,
    a.code,
    formed,
    published,
    'in_force',
    `<p>${body}</p>`,
    body,
    'none',
    0,
    formed,
    due,
    1,
    plan.authorId,
    'bench',
    now,
    now,
    1,
  ];
  if (status !== 'published') return [pub, null];
  const text = [title, title, docNo, body].join('\n');
  const list = benchTokens(text);
  if (i % 1000 === 0 && list.join(' ') !== tokenize(text).join(' '))
    throw new Error(`benchTokens differs from tokenize for publication ${id}`);
  const tokens = list.join(' ');
  return [
    pub,
    [
      'publication',
      id,
      a.id,
      1,
      title,
      body,
      `/office/publications/${id}`,
      `/p/${id}`,
      cat.id,
      y,
      a.code,
      'in_force',
      docNo,
      'published',
      published,
      tokens,
      now,
      // The vector gk_search_vector makes (migration 2026_12_07_0100): the tokens, then (a public document) the
      // same tokens scoped to the agency.
      scopedVector(list, a.id),
    ],
  ];
}

/** tsvector text of a public document: its distinct tokens, and each again as `<agency>@<token>`. */
function scopedVector(list: readonly string[], agencyId: number): string {
  const distinct = [...new Set(list)];
  return distinct.join(' ') + ' ' + distinct.map((t) => `${agencyId}@${t}`).join(' ');
}

/** A growing byte buffer that COPY lines are written into as UTF-8 (no long strings to build and flatten). */
class Bytes {
  buf = Buffer.allocUnsafeSlow(1 << 22);
  length = 0;
  add(s: string): void {
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit.
    if (this.length + s.length * 3 > this.buf.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.length + s.length * 3));
      this.buf.copy(bigger, 0, 0, this.length);
      this.buf = bigger;
    }
    this.length += this.buf.write(s, this.length, 'utf8');
  }
  bytes(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.length);
  }
}

/** Publications start…end-1 as COPY text (UTF-8): the publications' lines and the search documents' lines. */
export function publicationChunk(
  plan: PublicationPlan,
  catsOf: Map<number, { id: number; code: string }[]>,
  start: number,
  end: number,
): { pub: Uint8Array<ArrayBuffer>; doc: Uint8Array<ArrayBuffer>; docs: number } {
  const r0 = rngAfter(PUBLICATION_SEED, start * DRAWS_PER_PUBLICATION);
  const pub = new Bytes();
  const doc = new Bytes();
  let docs = 0;
  for (let i = start; i < end; i++) {
    const [p, d] = publicationRows(plan, catsOf, i, r0);
    pub.add(copyLine(p));
    if (d) {
      doc.add(copyLine(d));
      docs++;
    }
  }
  return { pub: pub.bytes(), doc: doc.bytes(), docs };
}
