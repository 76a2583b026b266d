import type { AuditEntry } from '../../../shared/schemas/audit';
import type { RunStep } from '../../../shared/schemas/run';
import type { Provenance } from '../../../shared/schemas/signature';

/** "Applied through Batch B-101 from run R-1005, step 2.2": where a propagated change came from. */
export function provenanceText(p: Provenance, sourceStepNumber: string | null): string {
  const step = sourceStepNumber ?? p.fromStepId.slice(p.fromStepId.indexOf('/') + 1);
  return `Applied through Batch ${p.batchId} from run ${p.fromRunId}, step ${step}`;
}

/** The latest change recorded on a step (by station time, then id, for a stable order). */
export function lastChange(audit: readonly AuditEntry[], step: Pick<RunStep, 'id'>): AuditEntry | undefined {
  let latest: AuditEntry | undefined;
  for (const entry of audit) {
    if (entry.stepId !== step.id) continue;
    if (!latest || entry.at > latest.at || (entry.at === latest.at && entry.id > latest.id)) latest = entry;
  }
  return latest;
}
