import * as z from 'zod';
import { Id, Instant } from './common';
import { FieldValue } from './procedure';

export const SignatureMeaning = z.enum(['performed', 'verified', 'approved']);
export type SignatureMeaning = z.infer<typeof SignatureMeaning>;

/** Where a propagated change came from: "applied through batch B from run R, step S". */
export const Provenance = z.object({
  batchId: Id,
  fromRunId: Id,
  fromStepId: Id,
});
export type Provenance = z.infer<typeof Provenance>;

/**
 * An electronic signature: written once, never edited. A propagated sign-off is a record of its own
 * on each sibling step, carrying the original's signer, time and meaning plus its provenance.
 */
export const Signature = z.object({
  id: Id,
  runId: Id,
  stepId: Id,
  originStepId: Id,
  signerId: Id,
  signerName: z.string(),
  meaning: SignatureMeaning,
  signedAt: Instant,
  stationId: Id,
  operationId: Id,
  /** The field values the signature covers. */
  values: z.record(z.string(), FieldValue),
  provenance: Provenance.nullable(),
});
export type Signature = z.infer<typeof Signature>;
