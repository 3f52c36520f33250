/** Reading request bodies and writing replies the way QuickBooks Online does on the wire. */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canonicalJson } from '../../lib/api/job-records.ts';
import { faults, type QboFault } from './faults.ts';

export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Intuit's transaction id, sent on every reply. */
export const newTid = (): string => `1-${randomBytes(12).toString('hex')}`;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type BodyResult<T> = { ok: true; value: T } | { ok: false; fault: QboFault };

/** The body as text; bytes that are not UTF-8 get QuickBooks' "Unsupported Operation". */
export async function readText(c: Context): Promise<BodyResult<string>> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  try {
    return { ok: true, value: utf8.decode(bytes) };
  } catch {
    return { ok: false, fault: faults.malformedBytes() };
  }
}

export async function readJson(c: Context): Promise<BodyResult<unknown>> {
  const text = await readText(c);
  if (!text.ok) return text;
  try {
    return { ok: true, value: JSON.parse(text.value) };
  } catch (err) {
    return { ok: false, fault: faults.invalidJson((err as Error).message) };
  }
}

export function faultReply(c: Context, fault: QboFault, time: string): Response {
  for (const [name, value] of Object.entries(fault.headers)) c.header(name, value);
  return c.json(fault.body(time), fault.status as ContentfulStatusCode);
}

/** A fingerprint of what a request asks, to tell a replay (same) from a reused requestid (different). */
export function requestFingerprint(parts: readonly string[], body: unknown): string {
  return createHash('sha256').update(`${parts.join('\n')}\n${canonicalJson(body)}`).digest('base64url');
}
