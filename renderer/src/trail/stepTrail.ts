import type { AuditEntry } from '../../../shared/schemas/audit';
import type { Outcome } from '../../../shared/schemas/outcome';
import type { FieldDef, FieldValue } from '../../../shared/schemas/procedure';
import type { Signature, SignatureMeaning } from '../../../shared/schemas/signature';
import type { CachedAuditEntry } from '../store/db';
import { provenanceText } from '../run/provenance';
import { stepStateWord } from '../ui/words';
import { describeAction } from './actionWords';

/** Everything the trail of one step is made from, as the cache holds it. */
export interface TrailSources {
  stepId: string;
  runId: string;
  /** Audit entries of the step, and of its run with no step (batch membership changes). */
  entries: readonly CachedAuditEntry[];
  /** Audit entries of the same operations elsewhere: where a change made on this step also went. */
  related: readonly AuditEntry[];
  /** The step's signatures. */
  signatures: readonly Signature[];
  /** The server's verdicts on this station's own operations: they name the runs left out. */
  outcomes: ReadonlyMap<string, Outcome>;
  /** The number a person reads for a step of this run's procedure ("2.2"), by step id. */
  stepNumber: (stepId: string) => string | null;
  /** The step's fields, to name the values a signature covers. */
  fields: readonly Pick<FieldDef, 'id' | 'label' | 'unit'>[];
}

export interface TrailSignature {
  name: string;
  meaning: SignatureMeaning;
  signedAt: string;
  /** The values the signature covers, "Label: value unit", in the step's field order. */
  values: string[];
}

/** One line of a step's history, in words, read-only. */
export interface TrailLine {
  id: string;
  operationId: string;
  /** The station's clock when the person acted. */
  at: string;
  /** When the server received the operation; null while it waits on this station. */
  receivedAt: string | null;
  who: string;
  station: string;
  /** "Signed off: In progress → Complete", "Redline opened", "Part installed: PN-1 serial S-9". */
  what: string;
  signature: TrailSignature | null;
  reason: string | null;
  /** "Applied through Batch B-101 from run R-1005, step 2.2" on a propagated change. */
  source: string | null;
  /** "Also applied to R-1006, R-1007" and "Left out: R-1009 (reason)" on the change where it began. */
  targets: string | null;
}

/** Oldest first by station time, then by id so lines of one instant keep one order everywhere. */
const byTime = (a: { at: string; id: string }, b: { at: string; id: string }) => (a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at < b.at ? -1 : 1);

function stateChange(entry: AuditEntry): string | null {
  if (entry.fromState === null || entry.toState === null || entry.fromState === entry.toState) return null;
  return `${stepStateWord(entry.fromState)} → ${stepStateWord(entry.toState)}`;
}

function signedValues(values: Readonly<Record<string, FieldValue>>, fields: TrailSources['fields']): string[] {
  const known = fields.filter((f) => f.id in values).map((f) => ({ label: f.label, unit: f.unit, value: values[f.id] }));
  // A value whose field a redline later removed is still part of what was signed.
  const unknown = Object.keys(values).filter((id) => !fields.some((f) => f.id === id)).map((id) => ({ label: id, unit: undefined, value: values[id] }));
  return [...known, ...unknown].map(({ label, unit, value }) => {
    const shown = typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
    return `${label}: ${shown}${unit ? ` ${unit}` : ''}`;
  });
}

function targetsOf(entry: AuditEntry, sources: TrailSources): string | null {
  // Only the step where a change began lists where it went; siblings name their source instead.
  if (entry.provenance !== null || entry.stepId === null) return null;
  const reached = new Set(
    sources.related.filter((r) => r.operationId === entry.operationId && r.provenance?.fromStepId === entry.stepId && r.runId !== null).map((r) => r.runId ?? ''),
  );
  const outcome = sources.outcomes.get(entry.operationId);
  if (outcome && (outcome.status === 'applied' || outcome.status === 'applied_with_exclusions')) {
    for (const ref of outcome.propagatedTo) reached.add(ref.runId);
  }
  const parts: string[] = [];
  if (reached.size > 0) parts.push(`Also applied to ${[...reached].sort().join(', ')}`);
  if (outcome?.status === 'applied_with_exclusions') {
    parts.push(`Left out: ${outcome.excluded.map((x) => `${x.runId} (${x.reason})`).join('; ')}`);
  }
  return parts.length > 0 ? parts.join('. ') : null;
}

/** The entries that are lines of a step's trail: the step's own, and its run's with no step (batch membership). */
export function trailEntries<E extends Pick<AuditEntry, 'stepId' | 'runId'>>(audit: readonly E[], step: { id: string; runId: string }): E[] {
  return audit.filter((e) => e.stepId === step.id || (e.stepId === null && e.runId === step.runId));
}

/**
 * The full trail of one step, oldest first: every state change, signature, redline, install and
 * batch change, with who, where, why, when the station recorded it and when the server got it.
 */
export function stepTrail(sources: TrailSources): TrailLine[] {
  const mine = trailEntries(sources.entries, { id: sources.stepId, runId: sources.runId });
  return [...mine].sort(byTime).map((entry) => {
    const signed = entry.stepId === null ? undefined : sources.signatures.find((s) => s.operationId === entry.operationId && s.stepId === entry.stepId);
    const change = stateChange(entry);
    const action = describeAction(entry);
    return {
      id: entry.id,
      operationId: entry.operationId,
      at: entry.at,
      receivedAt: entry.receivedAt ?? null,
      who: entry.actorName,
      station: entry.stationId,
      what: change ? `${action}: ${change}` : action,
      signature: signed ? { name: signed.signerName, meaning: signed.meaning, signedAt: signed.signedAt, values: signedValues(signed.values, sources.fields) } : null,
      reason: entry.reason,
      source: entry.provenance ? provenanceText(entry.provenance, sources.stepNumber(entry.provenance.fromStepId)) : null,
      targets: targetsOf(entry, sources),
    };
  });
}
