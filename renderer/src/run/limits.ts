import type { FieldDef, FieldValue } from '../../../shared/schemas/procedure';

export type LimitStatus = 'within' | 'outside' | 'none';

/** Whether a value sits within its field's limits: shown green or red as it is entered. */
export function limitStatus(field: FieldDef, value: FieldValue | undefined): LimitStatus {
  if (field.kind !== 'number' || typeof value !== 'number') return 'none';
  if (field.min === undefined && field.max === undefined) return 'none';
  const ok = (field.min === undefined || value >= field.min) && (field.max === undefined || value <= field.max);
  return ok ? 'within' : 'outside';
}

/** "4.9–5.1 V", "at least 40 N", or null when the field has no limits. */
export function limitText(field: FieldDef): string | null {
  const unit = field.unit ? ` ${field.unit}` : '';
  if (field.min !== undefined && field.max !== undefined) return `${String(field.min)}–${String(field.max)}${unit}`;
  if (field.min !== undefined) return `at least ${String(field.min)}${unit}`;
  if (field.max !== undefined) return `at most ${String(field.max)}${unit}`;
  return null;
}

/** A number as typed at the station: a comma works as the decimal mark too. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (cleaned === '' || !/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

export function valueText(field: FieldDef, value: FieldValue | undefined): string {
  if (value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return field.unit && typeof value === 'number' ? `${String(value)} ${field.unit}` : String(value);
}
