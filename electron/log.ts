/**
 * Where the main process reports what it refused or could not do. Passed in so tests can read
 * it and the edge can send it to the console (or a log file later).
 */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, cause?: unknown): void;
}

/** For tests and callers that do not care. */
export const silentLog: Log = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
