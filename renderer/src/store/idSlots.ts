/**
 * Run id → slot number, for the runs index: a hash table of its own instead of a Map.
 *
 * Chromium's V8 internalizes every string used as a Map or Set key, lookups included: each id
 * becomes an entry of the engine's string table. A Map over 100,000 run ids put 100,000 entries
 * there, and every major collection walks that table in its pause: traced in Debian's Chromium,
 * the pauses that land in frames of the runs table's scroll were 10–26 ms with them and
 * 7.6–13.6 ms without (docs/scale.md, footnote 4). Here an id is only read (its hash computed
 * from its characters), never made a key, so it stays an ordinary string.
 *
 * Open addressing with linear probing; slots are never removed one by one (the index keeps a
 * deleted run's slot for the id's return), only all at once.
 */
export class IdSlots {
  private ids: (string | undefined)[];
  private slots: Int32Array;
  private mask: number;
  private used = 0;

  constructor(capacity = 1024) {
    const size = tableSizeFor(capacity);
    this.ids = new Array<string | undefined>(size).fill(undefined);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.used;
  }

  get(id: string): number | undefined {
    const at = this.find(id);
    return this.ids[at] === undefined ? undefined : this.slots[at];
  }

  has(id: string): boolean {
    return this.ids[this.find(id)] !== undefined;
  }

  set(id: string, slot: number): void {
    const at = this.find(id);
    if (this.ids[at] === undefined) {
      this.ids[at] = id;
      this.used += 1;
    }
    this.slots[at] = slot;
    // Kept at most half full, so that a probe stays short.
    if (this.used * 2 > this.ids.length) this.grow();
  }

  clear(): void {
    this.ids.fill(undefined);
    this.used = 0;
  }

  /** The cell holding `id`, or the empty cell where it would go. */
  private find(id: string): number {
    let at = hashOf(id) & this.mask;
    for (;;) {
      const held = this.ids[at];
      if (held === undefined || held === id) return at;
      at = (at + 1) & this.mask;
    }
  }

  private grow(): void {
    const ids = this.ids;
    const slots = this.slots;
    const size = ids.length * 2;
    this.ids = new Array<string | undefined>(size).fill(undefined);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id === undefined) continue;
      const at = this.find(id);
      this.ids[at] = id;
      this.slots[at] = slots[i] ?? 0;
    }
  }
}

/** The smallest power of two at least twice `capacity` (and at least 16). */
function tableSizeFor(capacity: number): number {
  let size = 16;
  while (size < capacity * 2) size *= 2;
  return size;
}

/** FNV-1a over the UTF-16 code units: a run id is a few characters, read once per lookup. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A copy of `id` that is not the same string object: an id read from IndexedDB may already have
 * been a Map key somewhere on its way (the sync, the pages), which internalized it; the index
 * keeps its own copy so that those do not stay in the string table for as long as the index does.
 */
export function ownCopy(id: string): string {
  // Concatenation and slice each build a new string for short ids; for long ones slice gives a
  // view of a new string. Either way not the string passed in.
  return ` ${id}`.slice(1);
}
