import { applyOperation } from '../../shared/engine/apply';
import { boardV1, Plant } from '../shared/fixtures';
import { repeat, type Row } from './measure';

/**
 * The engine's share of a local sign-off on a batch of 101 runs: checking the step and each of its
 * 100 siblings and computing every write. The whole click-to-durable figure is measured in the
 * browser; this row says how much of its 16 ms the engine takes.
 */
export async function engineSignOff(): Promise<Row> {
  const ids = Array.from({ length: 101 }, (_, i) => `R-${String(i + 1)}`);
  const plant = new Plant([{ procedure: boardV1, ids }]);
  plant.batch('B-1', ids);
  const op = plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} });
  const result = await repeat(
    () => {
      const started = performance.now();
      const { outcome } = applyOperation(plant.state, op);
      const ms = performance.now() - started;
      if (outcome.status !== 'applied' || outcome.propagatedTo.length !== 100) throw new Error('the sign-off did not reach 100 siblings');
      return ms;
    },
    { warmup: 20, repeats: 200 },
  );
  return {
    figure: 'Engine: sign-off propagating to 100 siblings (in memory)',
    unit: 'ms',
    median: result.median,
    spread: result.spread,
    repeats: result.repeats,
    target: 'a share of ≤ 16 ms click-to-durable',
    met: null,
  };
}
