/**
 * Rows in this database were written by this server from values the shared schemas had already
 * parsed, so reading them back is a plain JSON.parse: re-validating every row on the hot path
 * would cost more than it protects.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the row type it stored
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** A list of ids as one parameter, for `IN (SELECT value FROM json_each(?))`. */
export function idList(ids: readonly string[]): string {
  return JSON.stringify(ids);
}
