/** How long a save may run before its dialog says so ("Saving…"): most end well within it. */
export const showBusyAfterMs = 150;

/**
 * One save at a time from a dialog. A second confirm while one is saving does nothing, from the
 * first tap on (a gloved double tap must not sign twice), and "busy" is reported only once the
 * save has run for `showBusyAfterMs`. Marking the dialog busy at the tap re-rendered it before the
 * save's writes went out: 2.5 ms of every confirm on a 100-run batch (docs/scale.md), for a
 * "Saving…" that a save of ~30 ms showed for one frame.
 */
export class SaveGuard {
  private running = false;

  constructor(
    private readonly onBusy: (busy: boolean) => void,
    private readonly delayMs = showBusyAfterMs,
  ) {}

  /** Whether a save is running (shown busy or not yet). */
  get saving(): boolean {
    return this.running;
  }

  /** Runs `save` unless one is running; undefined when it did not run. */
  async run<T>(save: () => Promise<T>): Promise<T | undefined> {
    if (this.running) return undefined;
    this.running = true;
    const shown = setTimeout(() => {
      this.onBusy(true);
    }, this.delayMs);
    try {
      return await save();
    } finally {
      clearTimeout(shown);
      this.running = false;
      this.onBusy(false);
    }
  }
}
