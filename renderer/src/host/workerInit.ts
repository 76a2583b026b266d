import * as z from 'zod';

/** The first message a browser sync worker gets: where the server is and the station's token. */
export const WorkerInit = z.object({
  type: z.literal('init'),
  serverUrl: z.url(),
  token: z.string().min(1),
});
export type WorkerInit = z.infer<typeof WorkerInit>;
