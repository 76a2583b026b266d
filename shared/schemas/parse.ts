import type * as z from 'zod';

export interface InputIssue {
  /** Dotted path of the offending field, e.g. "runIds.2"; empty for the whole value. */
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; issues: InputIssue[] };

/**
 * Parses untrusted input at a boundary (HTTP, IPC, cache). The message names each offending
 * field so that a person or a log reader can tell what to fix.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return { ok: false, message, issues };
}
