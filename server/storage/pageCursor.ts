/**
 * Keyset paging: a cursor is the sort value and id of the last row sent, so the next page starts
 * right after it however many rows were added or changed meanwhile. Opaque to clients.
 */
export interface Cursor {
  value: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

/** Null when the text is not a cursor this server made. */
export function decodeCursor(text: string): Cursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { value: parsed[0], id: parsed[1] };
    }
    return null;
  } catch {
    return null;
  }
}
