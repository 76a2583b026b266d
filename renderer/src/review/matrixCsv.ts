import Papa from 'papaparse';
import { statusWords } from '../ui/words';
import type { BatchMatrix, MatrixRow } from './batchMatrix';
import { cellText } from './cellText';

/** The matrix as rows of text: a header, then one row per run, cells as the screen words them. */
export function matrixCsvRows(matrix: Pick<BatchMatrix, 'columns'>, rows: readonly MatrixRow[]): string[][] {
  const header = ['Run', 'Unit serial', 'Status', 'Steps done', ...matrix.columns.map((c) => `${c.number} ${c.title}`)];
  const body = rows.map(({ run, cells }) => [
    run.id,
    run.unitSerial,
    statusWords[run.status],
    `${String(run.stepsDone)} of ${String(run.stepsTotal)}`,
    ...cells.map(cellText),
  ]);
  return [header, ...body];
}

/** UTF-8 text with a byte-order mark first, so spreadsheet programs read accents and marks right. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${Papa.unparse(rows.map((r) => [...r]), { newline: '\r\n' })}`;
}
