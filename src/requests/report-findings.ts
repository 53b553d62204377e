/**
 * The cross-checks of tables B and C as the requests report page shows them. Table A (主动公开) is not this
 * feature's: it stands in as zeros, so the checks that read it find nothing missing and only B and C are judged.
 */
import { checkCells, emptyCells, type Finding } from '../annual-report/index.ts';
import type { TableB, TableC } from './report-tables.ts';

/** Every table-A cell the model leaves empty, as 0 (the stand-in for the part of the report not built here). */
export function zeroTableA(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(emptyCells())) if (k.startsWith('A.') && v === null) out[k] = 0;
  return out;
}

/** The findings of tables B and C, table A standing in as zeros. */
export function requestReportFindings(tableB: TableB, tableC: TableC): Finding[] {
  return checkCells({ ...emptyCells(), ...zeroTableA(), ...tableB, ...tableC });
}
