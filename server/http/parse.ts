import type * as z from 'zod';
import type { ErrorCode } from '../../shared/protocol/errors';
import { parseInput } from '../../shared/schemas/parse';
import { ApiError } from '../apiError';

/** Parses untrusted request input with a shared schema, or refuses naming each field at fault. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string, code: ErrorCode = 'invalid_input'): z.infer<S> {
  const parsed = parseInput(schema, input);
  if (parsed.ok) return parsed.value;
  throw new ApiError(code, `${what}: ${parsed.message}`, { issues: parsed.issues });
}
