import Papa from 'papaparse';
import type { TrailLine } from './stepTrail';

/** Spreadsheets read a UTF-8 file as UTF-8 (names like "Ana Ortiz", "→") only with this mark first. */
export const byteOrderMark = '\uFEFF';

export const trailCsvColumns = [
  'Run',
  'Step',
  'Station time (UTC)',
  'Received by server (UTC)',
  'Who',
  'Station',
  'What',
  'Signed by',
  'Meaning',
  'Signed at (UTC)',
  'Values signed',
  'Reason',
  'Source',
  'Targets',
  'Operation',
] as const;

/**
 * The trail as CSV: one row per history line, in the same order, times as ISO 8601 in UTC so
 * they sort and compare without a time zone guess. Empty cells where the line has nothing.
 */
export function trailCsv(lines: readonly TrailLine[], step: { runId: string; number: string }): string {
  const rows = lines.map((l) => [
    step.runId,
    step.number,
    l.at,
    l.receivedAt ?? 'not yet received by the server',
    l.who,
    l.station,
    l.what,
    l.signature?.name ?? '',
    l.signature?.meaning ?? '',
    l.signature?.signedAt ?? '',
    l.signature?.values.join('; ') ?? '',
    l.reason ?? '',
    l.source ?? '',
    l.targets ?? '',
    l.operationId,
  ]);
  return byteOrderMark + Papa.unparse({ fields: [...trailCsvColumns], data: rows }, { newline: '\r\n', escapeFormulae: true });
}
