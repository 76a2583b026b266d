import { EventEmitter } from 'node:events';

/**
 * Tells the open event streams that the feed moved. In-process only: with several server
 * processes each one pokes its own streams after its own commits, and stations also pull on a
 * timer, so a missed poke only delays a pull.
 */
export class FeedNotifier {
  private readonly emitter = new EventEmitter();
  private lastHead = 0;

  constructor() {
    // One listener per open stream: a plant has many stations.
    this.emitter.setMaxListeners(0);
  }

  moved(head: number): void {
    if (head <= this.lastHead) return;
    this.lastHead = head;
    this.emitter.emit('head', head);
  }

  subscribe(listener: (head: number) => void): () => void {
    this.emitter.on('head', listener);
    return () => this.emitter.off('head', listener);
  }
}
