/** Opaque page cursors: base64url of "<list>:<seq>", so a cursor from one list is refused by another. */
export class BadCursorError extends Error {}

export function encodeCursor(list: string, seq: number): string {
  return Buffer.from(`${list}:${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(list: string, cursor: string): number {
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^([a-z]+):(\d{1,15})$/.exec(text);
  if (!match || match[1] !== list) throw new BadCursorError('The cursor is not one this list handed out.');
  return Number(match[2]);
}
