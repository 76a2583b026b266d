import { instantiateRun } from '../../shared/engine/instantiate';
import type { ProcedureVersion } from '../../shared/schemas/procedure';
import type { Store } from '../storage/store';

export interface RunSpec {
  runId: string;
  title: string;
  unitSerial: string;
  at: string;
}

/**
 * Starts runs of a released procedure: a run is a copy of the procedure at that moment. There is
 * no operation for this yet (runs are planned outside the station), so the rows are written
 * directly, with a feed entry for the run only: its steps are pristine, and stations derive them
 * from the run and its procedure (PlantStore.createRun). Every later change goes through the engine.
 */
export function createRuns(store: Store, procedure: ProcedureVersion, specs: readonly RunSpec[]): void {
  for (const spec of specs) {
    const { run, steps } = instantiateRun(procedure, spec);
    store.plant.createRun(run, steps, spec.at);
  }
}
