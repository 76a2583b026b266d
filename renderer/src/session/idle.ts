/** After this long without a touch, key or scan, the station locks and needs the PIN again (21 CFR 11.300). */
export const idleTimeoutMs = 5 * 60_000;

export function isIdle(lastActivityAt: number, now: number, timeoutMs = idleTimeoutMs): boolean {
  return now - lastActivityAt >= timeoutMs;
}
