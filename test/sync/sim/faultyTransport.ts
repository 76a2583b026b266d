import type { SyncTransport, TransportFailure, TransportResult } from '../../../shared/sync/transport';
import type { Dice } from './prng';

export interface Faults {
  /** The request never reaches the server. */
  dropRequest: number;
  /** The server commits, but the answer is lost on the way back. */
  loseResponse: number;
  /** The request arrives twice. */
  duplicate: number;
}

export const noFaults: Faults = { dropRequest: 0, loseResponse: 0, duplicate: 0 };

const lost: TransportFailure = { kind: 'transient', code: 'network', message: 'simulated network failure' };

/**
 * A network between one station and the server that drops requests, loses answers after the
 * server committed, and duplicates requests, each by the simulation's dice. Pokes are delivered
 * by the simulation itself (the event stream is not simulated): `listen` only records the listener.
 */
export class FaultyTransport implements SyncTransport {
  faults: Faults = noFaults;
  private pokes = new Set<(poke: { head: number }) => void>();

  constructor(
    private readonly inner: SyncTransport,
    private readonly dice: Dice,
  ) {}

  private async through<T>(call: () => Promise<TransportResult<T>>): Promise<TransportResult<T>> {
    if (this.dice.chance(this.faults.dropRequest)) return { ok: false, failure: lost };
    if (this.dice.chance(this.faults.duplicate)) await call();
    const result = await call();
    if (this.dice.chance(this.faults.loseResponse)) return { ok: false, failure: lost };
    return result;
  }

  push: SyncTransport['push'] = (request) => this.through(() => this.inner.push(request));
  pull: SyncTransport['pull'] = (since, limit) => this.through(() => this.inner.pull(since, limit));

  listen: SyncTransport['listen'] = (onPoke) => {
    this.pokes.add(onPoke);
    return () => this.pokes.delete(onPoke);
  };

  poke(head: number): void {
    for (const p of this.pokes) p({ head });
  }
}
