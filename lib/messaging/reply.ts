/** The reply envelope every command answers with, and the error codes it may carry. */
export const REPLY_ERROR_CODES = [
  'rejected', // unknown command, bad payload or a sender not allowed: nothing was done
  'unconfigured', // no API URL or token yet
  'signed-out', // the service refused the token (401/403)
  'unreachable', // network failure or timeout
  'server-error', // the service answered with an error (problem+json message passed on)
  'bad-reply', // the service answered something that is not a valid Sync API reply
  'queued', // the action is safe in the outbox and will be retried
  'paused', // the sync service asked for a pause (Retry-After): nothing was sent; cached data stands
] as const;
export type ReplyErrorCode = (typeof REPLY_ERROR_CODES)[number];

export type Reply<T> =
  | { ok: true; data: T }
  /** `retryAfterSeconds`: the sync service asked to wait that long (Retry-After) before asking again. */
  | { ok: false; error: { code: ReplyErrorCode; message: string; retryAfterSeconds?: number } };
