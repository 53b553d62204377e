/**
 * The corpus of real published reports (test/fixtures/reports/real): each text with the cells a person read from it
 * (`.expected.json`, compact form: A rows as arrays in column order, B rows as arrays of the seven columns; a cell not
 * listed is not in the text). `scoreCorpus` measures how many of the readable cells the checker reads right, and how
 * many cells it reports that the text does not hold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import {
  A_BLOCKS,
  B_COLUMNS,
  C_COLUMNS,
  CELL_ADDRESSES,
  type ABlockId,
  type CellAddress,
} from '../report-format.ts';
import { parseReport } from '../parse-report.ts';
import { checkReport, type CheckResult } from '../check-report.ts';

export interface CorpusEntry {
  name: string;
  file: string;
  source: string;
  layouts: string[];
  year: number | null;
  format?: string;
  complete: boolean;
  /** Every cell address → the value read by hand, or null (not in the text). */
  cells: Record<CellAddress, number | null>;
}

const dir = new URL('../../../test/fixtures/reports/real/', import.meta.url);

interface CompactExpected {
  source: string;
  layouts: string[];
  year: number | null;
  format?: string;
  complete: boolean;
  A?: Record<string, (number | null)[]>;
  B?: Record<string, (number | null)[]>;
  C?: Record<string, (number | null)[]>;
}

export function expandCells(e: Pick<CompactExpected, 'A' | 'B' | 'C'>): Record<CellAddress, number | null> {
  const cells = Object.fromEntries(CELL_ADDRESSES.map((a) => [a, null])) as Record<
    CellAddress,
    number | null
  >;
  const blockOf = (row: string) =>
    (Object.keys(A_BLOCKS) as ABlockId[]).find((b) => (A_BLOCKS[b].rows as readonly string[]).includes(row))!;
  for (const [row, values] of Object.entries(e.A ?? {})) {
    const b = blockOf(row);
    A_BLOCKS[b].cols.forEach((c, i) => (cells[`A.${b}.${row}.${c}` as CellAddress] = values[i] ?? null));
  }
  for (const [row, values] of Object.entries(e.B ?? {}))
    B_COLUMNS.forEach((c, i) => (cells[`B.${row}.${c}` as CellAddress] = values[i] ?? null));
  for (const [group, values] of Object.entries(e.C ?? {}))
    C_COLUMNS.forEach((c, i) => (cells[`C.${group}.${c}` as CellAddress] = values[i] ?? null));
  return cells;
}

export function loadCorpus(): CorpusEntry[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const e = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as CompactExpected;
      const name = f.replace(/\.expected\.json$/, '');
      const file = readdirSync(dir).find((x) => x.startsWith(`${name}.`) && !x.endsWith('.expected.json'))!;
      return {
        name,
        file,
        source: e.source,
        layouts: e.layouts,
        year: e.year,
        ...(e.format ? { format: e.format } : {}),
        complete: e.complete,
        cells: expandCells(e),
      };
    });
}

export function checkCorpusEntry(entry: CorpusEntry): CheckResult {
  return checkReport(parseReport({ name: entry.file, bytes: readFileSync(new URL(entry.file, dir)) }));
}

export interface EntryScore {
  name: string;
  readable: number;
  right: number;
  /** Cells the checker filled although the text does not hold them. */
  invented: CellAddress[];
  wrong: { cell: CellAddress; expected: number; got: number | null }[];
  result: CheckResult;
}

export function scoreEntry(entry: CorpusEntry): EntryScore {
  const result = checkCorpusEntry(entry);
  let readable = 0;
  let right = 0;
  const invented: CellAddress[] = [];
  const wrong: EntryScore['wrong'] = [];
  for (const a of CELL_ADDRESSES) {
    const want = entry.cells[a];
    const got = result.cells[a];
    if (want === null) {
      if (got !== null) invented.push(a);
      continue;
    }
    readable++;
    if (got === want) right++;
    else wrong.push({ cell: a, expected: want, got });
  }
  return { name: entry.name, readable, right, invented, wrong, result };
}
