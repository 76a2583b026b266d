import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../apiError';

/** Fastify's own request errors, as the API's stable codes. */
function fromFastify(error: FastifyError): ApiError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('body_too_large', 'The request body is larger than this server accepts: send fewer operations per push');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('unsupported_media_type', 'Send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('invalid_json', 'The body is empty: send a JSON object');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError('invalid_input', 'The Content-Length header does not match the body');
    default:
      break;
  }
  // The JSON parser reports a body that is not JSON (or carries __proto__) as a 400 SyntaxError.
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new ApiError('invalid_json', `The body is not valid JSON: ${error.message}`);
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new ApiError('invalid_input', error.message);
  }
  return null;
}

/** Every error leaves as `{ error: { code, message, ... } }`; anything unexpected is a logged 500. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = error instanceof ApiError ? error : fromFastify(error);
  if (known) {
    void reply.status(known.status).send(known.body());
    return;
  }
  request.log.error({ err: error }, 'unexpected error');
  const internal = new ApiError('internal_error', 'The server failed to handle this request; nothing was changed. It has been logged.');
  void reply.status(internal.status).send(internal.body());
}
