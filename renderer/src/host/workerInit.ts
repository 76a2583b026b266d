import * as z from 'zod';

/** The first message a browser sync worker gets: where the server is and the station's token. */
export const WorkerInit = z.object({
  type: z.literal('init'),
  serverUrl: z.url(),
  token: z.string().min(1),
});
export type WorkerInit = z.infer<typeof WorkerInit>;

/**
 * The page saw the network come back (or go). The worker re-reads its own `navigator.onLine` at
 * once: Chromium does not always fire a worker's online event, and its own check runs only every
 * few seconds, which a station back from a long time offline would otherwise wait out.
 */
export const NetworkChanged = z.object({ type: z.literal('networkChanged') });
export type NetworkChanged = z.infer<typeof NetworkChanged>;
