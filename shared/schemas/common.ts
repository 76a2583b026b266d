import * as z from 'zod';

/** Identifiers are opaque strings chosen by whoever creates the record (often a station, offline). */
export const Id = z.string().trim().min(1, 'must not be empty').max(128, 'must be at most 128 characters');

/** Instants are ISO-8601 UTC strings. They are recorded for people and audits, never used to order. */
export const Instant = z.iso.datetime({ offset: true });

/** A reason a person typed: required for skip, fail, reopen and redlines. */
export const Reason = z.string().trim().min(1, 'a reason is required').max(2000, 'must be at most 2000 characters');

/** A title a person typed; empty means "no title". */
export const Title = z.string().trim().max(120, 'must be at most 120 characters');

/** A JSON value, as audit details carry. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * A review item's id: `${operationId}~${runId}`, derived so that the station and the server name
 * the same decision alike. Two ids joined, so it may be longer than one Id.
 */
export const ReviewId = z.string().trim().min(3, 'must not be empty').max(257, 'must be at most 257 characters');

export function reviewIdOf(operationId: string, runId: string): string {
  return `${operationId}~${runId}`;
}
