import * as z from 'zod';
import { Operation } from '../schemas/operation';
import type { ToWorker } from './messages';

const Pending = z.object({ seq: z.number().int().positive(), op: Operation });

/** Parses what a renderer sends the worker: across a process boundary it is `unknown` until this says otherwise. */
export const ToWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), pending: z.array(Pending).max(1_000_000), cursor: z.number().int().nonnegative() }),
  z.object({ type: z.literal('enqueued'), pending: z.array(Pending).max(10_000) }),
  z.object({ type: z.literal('pageApplied'), cursor: z.number().int().nonnegative() }),
  z.object({ type: z.literal('pageFailed'), cursor: z.number().int().nonnegative(), message: z.string().max(2000) }),
  z.object({ type: z.literal('syncNow') }),
  z.object({ type: z.literal('stop') }),
]) satisfies z.ZodType<ToWorker>;
