import type { ErrorBody, ErrorCode } from '../shared/protocol/errors';

type Details = Omit<ErrorBody['error'], 'code' | 'message'>;

/** HTTP status for each code: one place, so a code always answers with the same status. */
const statusOf: Record<ErrorCode, number> = {
  invalid_json: 400,
  invalid_input: 400,
  invalid_operation: 400,
  body_too_large: 413,
  unsupported_media_type: 415,
  token_missing: 401,
  token_invalid: 401,
  token_expired: 401,
  enrolment_code_invalid: 401,
  bad_credentials: 401,
  too_many_attempts: 429,
  permission_denied: 403,
  station_mismatch: 403,
  route_not_found: 404,
  unknown_run: 404,
  unknown_batch: 404,
  unknown_procedure: 404,
  unknown_user: 404,
  unknown_operation: 404,
  sequence_gap: 409,
  sequence_mismatch: 409,
  operation_id_conflict: 409,
  internal_error: 500,
  shutting_down: 503,
};

/** A refusal with a stable code and a message for people; thrown anywhere, answered by the app. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Details = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = statusOf[code];
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}
