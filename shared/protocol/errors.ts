import * as z from 'zod';

/**
 * Every refusal the server gives has one of these codes: stable and machine-readable, so a
 * station can act on it (re-send from N, re-enrol, show the missing permission) without parsing
 * the human message. Codes are never renamed; new ones may be added.
 */
export const ErrorCode = z.enum([
  // The request itself (400, 413, 415).
  'invalid_json',
  'invalid_input',
  'invalid_operation',
  'body_too_large',
  'unsupported_media_type',
  // Who is asking (401, 403, 429).
  'token_missing',
  'token_invalid',
  'token_expired',
  'enrolment_code_invalid',
  'bad_credentials',
  'too_many_attempts',
  'permission_denied',
  'station_mismatch',
  // What is asked for (404).
  'route_not_found',
  'unknown_run',
  'unknown_batch',
  'unknown_procedure',
  'unknown_user',
  'unknown_operation',
  // Sync order (409).
  'sequence_gap',
  'sequence_mismatch',
  'operation_id_conflict',
  // The server (500, 503).
  'internal_error',
  'shutting_down',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });

/** The body of every non-2xx answer. */
export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** invalid_input / invalid_operation: each offending field, by dotted path. */
    issues: z.array(ErrorIssue).optional(),
    /** sequence_gap: the first sequence number the server has not received from this station. */
    resendFrom: z.number().int().positive().optional(),
    /** permission_denied: the permission the user lacks. */
    permission: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
