import type { BridgeResult } from '../shared/bridge/contract';

/** Builders for the answer every bridge call gives: a value, or a code and a sentence a person can read. */
export const ok = <T>(value: T): BridgeResult<T> => ({ ok: true, value });

export const fail = <T = never>(code: string, message: string): BridgeResult<T> => ({ ok: false, error: { code, message } });
