/**
 * Typed failures of the Sync API client. Every call either returns validated data or throws an
 * ApiError whose `code` says what the caller can do about it.
 */
import en from '../../public/_locales/en/messages.json';
import { t, type MessageKey } from '../i18n/t';
import type { ReplyErrorCode } from '../messaging/protocol';

/**
 * A user-facing API or settings message from the catalog. This client also runs outside the
 * extension (the reference server's Node tests and tools), and in a background whose extension
 * context is gone after an update: with no browser catalog there, the shipped English text is used.
 */
export function apiText(key: MessageKey, ...args: (string | number)[]): string {
  try {
    return t(key, ...args);
  } catch {
    return en[key].message.replace(/\$(\d)/g, (_, n: string) => String(args[Number(n) - 1] ?? ''));
  }
}

export type ApiErrorCode =
  | 'bad-url' // the base URL is not an allowed http(s) address: nothing was sent
  | 'signed-out' // 401/403: the service refused the token
  | 'unreachable' // network failure or timeout: the request may or may not have arrived
  | 'server-error' // the service answered with an error (problem+json parsed when present)
  | 'bad-reply' // the service answered something that is not a valid Sync API reply
  | 'paused'; // the service asked for a pause (Retry-After) that is not over: nothing was sent

export interface ApiErrorDetails {
  status?: number;
  /** The problem+json `code`, e.g. 'validation-failed', 'rate-limited'. */
  problemCode?: string;
  /** From Retry-After (429/503), in seconds. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly status?: number;
  readonly problemCode?: string;
  readonly retryAfterSeconds?: number;

  constructor(code: ApiErrorCode, message: string, details: ApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.status = details.status;
    this.problemCode = details.problemCode;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /**
   * A definite refusal: the sync service itself (a problem+json reply, not a proxy's or a captive
   * portal's page) understood the request and will never accept it as sent (4xx other than
   * timeouts and rate limits). Retrying with the same key cannot help.
   */
  get isDefiniteRefusal(): boolean {
    if (this.code !== 'server-error' || this.problemCode === undefined) return false;
    const s = this.status;
    return s !== undefined && s >= 400 && s < 500 && s !== 408 && s !== 429;
  }

  /**
   * Whether a data-changing request may have been applied although no usable answer came back
   * (network cut, reply cut off, a body that is not the API's, a 5xx): only sending it again with
   * the same Idempotency-Key tells. False for what certainly did not apply: refusals, a pause or
   * an address that was never called.
   */
  get outcomeUnknown(): boolean {
    if (this.code === 'bad-url' || this.code === 'paused' || this.code === 'signed-out') return false;
    return !this.isDefiniteRefusal;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/** The reply error code a page sees for an API failure. */
export function replyCodeFor(err: ApiError): ReplyErrorCode {
  switch (err.code) {
    case 'bad-url':
      return 'unconfigured';
    case 'signed-out':
      return 'signed-out';
    case 'unreachable':
      return 'unreachable';
    case 'bad-reply':
      return 'bad-reply';
    case 'paused':
      return 'paused';
    default:
      return 'server-error';
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}
