/** RFC 9457 problem details with the stable codes of the Sync API. */
import type { ProblemCode, Problem } from '../../lib/api/schema.ts';

const TITLES: Record<ProblemCode, string> = {
  unauthorized: 'Missing or wrong access token',
  'not-found': 'Not found',
  'bad-request': 'Bad request',
  'invalid-json': 'Request body is not valid JSON',
  'validation-failed': 'Request body failed validation',
  'payload-too-large': 'Request body too large',
  conflict: 'Conflict',
  'idempotency-key-reused': 'Idempotency-Key reused with a different request',
  'rate-limited': 'Too many requests',
  unavailable: 'Service unavailable',
  internal: 'Internal server error',
  'insufficient-scope': 'Token lacks the scope this route needs',
  'unknown-entity-type': 'Entity type not synced by this server',
  'qbo-not-configured': 'QuickBooks Online is not set up on this server',
  'oauth-state-invalid': 'Unknown, used or expired sign-in attempt',
  'oauth-failed': 'QuickBooks Online sign-in failed',
  'webhook-signature-invalid': 'Webhook signature does not match',
};

export interface HttpReply { status: number; body: unknown; headers?: Record<string, string> }

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    detail: string,
    readonly errors?: { path: string; message: string }[],
  ) {
    super(detail);
  }
}

export function problemBody(status: number, code: ProblemCode, detail: string, errors?: { path: string; message: string }[]): Problem {
  return {
    type: `https://synclens.example/problems/${code}`,
    title: TITLES[code],
    status,
    code,
    detail,
    ...(errors ? { errors } : {}),
  };
}

export function problemResponse(err: ProblemError, extraHeaders: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json', ...extraHeaders };
  if (err.status === 429 || err.status === 503) headers['retry-after'] ??= '30';
  if (err.status === 401) headers['www-authenticate'] = 'Bearer realm="synclens"';
  return new Response(JSON.stringify(problemBody(err.status, err.code, err.message, err.errors)), { status: err.status, headers });
}
