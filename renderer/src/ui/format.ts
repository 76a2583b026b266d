const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const seconds = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/** "5 Jan 2026, 06:39": dates a shop floor reads the same way everywhere. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : time.format(d);
}

/** With seconds: what an e-signature manifests. */
export function formatSignedAt(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : seconds.format(d);
}

// One formatter for every count: Number#toLocaleString builds a new one on each call (~0.1 ms,
// paid by every redraw of the run header).
const counts = new Intl.NumberFormat('en');

/** "12,000": a count as the station writes it. */
export function formatCount(n: number): string {
  return counts.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

const short = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** "5 Jan, 06:39": for a table column. */
export function formatShort(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : short.format(d);
}

const zoned = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'long' });

/** "26 Nov 2026, 09:05:12 UTC": with seconds and the time zone, as a record for an auditor must be. */
export function formatWithZone(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : zoned.format(d);
}
