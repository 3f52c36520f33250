/** The reply envelope every command answers with, and the error codes it may carry. */
export const REPLY_ERROR_CODES = [
  'rejected', // unknown command, bad payload or a sender not allowed: nothing was done
  'unconfigured', // no API URL or token yet
  'signed-out', // the service refused the token (401/403)
  'unreachable', // network failure or timeout
  'server-error', // the service answered with an error (problem+json message passed on)
  'bad-reply', // the service answered something that is not a valid Sync API reply
  'queued', // the action is safe in the outbox and will be retried
] as const;
export type ReplyErrorCode = (typeof REPLY_ERROR_CODES)[number];

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ReplyErrorCode; message: string } };
