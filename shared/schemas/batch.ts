import * as z from 'zod';
import { Id, Instant } from './common';

export const Batch = z.object({
  id: Id,
  title: z.string().nullable(),
  /** Member run ids in the order they joined. Every member's run.batchId names this batch. */
  memberRunIds: z.array(Id),
  createdBy: Id,
  createdAt: Instant,
  updatedAt: Instant,
});
export type Batch = z.infer<typeof Batch>;

/** "Batch {id}" or "Batch {id}: {title}", as the spec writes it. */
export function batchLabel(batch: Pick<Batch, 'id' | 'title'>): string {
  return batch.title ? `Batch ${batch.id}: ${batch.title}` : `Batch ${batch.id}`;
}
