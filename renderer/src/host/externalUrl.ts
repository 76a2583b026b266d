const allowedSchemes = new Set(['https:', 'http:', 'mailto:']);

/** An external link is opened only when it parses as an absolute URL with an allowed scheme. */
export function isSafeExternalUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return allowedSchemes.has(new URL(value).protocol);
  } catch {
    return false;
  }
}
