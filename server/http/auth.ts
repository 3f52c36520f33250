/** Bearer token check with a constant-time compare (hashing first makes the lengths equal). */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const given = match ? match[1]! : '';
  // Always compare, even for a missing header, so timing says nothing about the token.
  return timingSafeEqual(digest(given), digest(token)) && match !== null;
}
