import type { ProcedureVersion } from '../schemas/procedure';
import type { Run, RunStep } from '../schemas/run';
import { rollUp } from './rollup';

export interface NewRun {
  runId: string;
  title: string;
  unitSerial: string;
  at: string;
}

/** The id of a run's copy of a procedure step. */
export function runStepId(runId: string, originStepId: string): string {
  return `${runId}/${originStepId}`;
}

/** A run is a copy of the procedure at the moment it starts: later revisions never flow into it. */
export function instantiateRun(procedure: ProcedureVersion, spec: NewRun): { run: Run; steps: RunStep[] } {
  const steps: RunStep[] = procedure.steps.map((p, position) => ({
    id: runStepId(spec.runId, p.originStepId),
    runId: spec.runId,
    originStepId: p.originStepId,
    parentOriginStepId: p.parentOriginStepId,
    number: p.number,
    position,
    title: p.title,
    instructions: p.instructions,
    fields: p.fields,
    dependsOn: p.dependsOn.map((origin) => runStepId(spec.runId, origin)),
    signoffRole: p.signoffRole,
    buildRequirements: p.buildRequirements,
    installs: [],
    state: 'todo',
    heldFrom: null,
    lineage: procedure.procedureId,
    version: 0,
    fieldValues: {},
    redline: null,
    completion: null,
    lastReason: null,
    updatedAt: spec.at,
  }));
  const run: Run = {
    id: spec.runId,
    title: spec.title,
    unitSerial: spec.unitSerial,
    procedureVersionId: procedure.id,
    stepIds: steps.map((s) => s.id),
    batchId: null,
    ...rollUp(steps.map((s) => s.state)),
    createdAt: spec.at,
    updatedAt: spec.at,
  };
  return { run, steps };
}
