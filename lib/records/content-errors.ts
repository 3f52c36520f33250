/**
 * Replies that reach a QuickBooks page carry no setting. An API error's message may hold the sync
 * service's address ("Could not reach https://sync.example.com/…"), a queued action's message the
 * reason it was kept, a refusal's message a service's name: none of it belongs on a page the
 * extension does not control. A content script gets one plain, helpful sentence per error code
 * instead, that sends the user to the SyncLens popup, where the details are. Extension pages keep
 * the full messages.
 */
import { isApiError, replyCodeFor } from '../api/errors';
import { t, type MessageKey } from '../i18n/t';
import { contentCommands } from '../messaging/overlay-commands';
import { ReplyError, type HandlerContext, type HandlerMap } from '../messaging/router';
import type { CommandName, ReplyErrorCode } from '../messaging/protocol';
import { loadSettings } from '../settings/store';

const GENERIC: Record<ReplyErrorCode, MessageKey> = {
  rejected: 'contentErrorRejected',
  unconfigured: 'contentErrorUnconfigured',
  'signed-out': 'contentErrorSignedOut',
  unreachable: 'contentErrorUnreachable',
  'server-error': 'contentErrorServer',
  'bad-reply': 'contentErrorBadReply',
  queued: 'bgQueued',
  paused: 'contentErrorPaused',
};

/** The settings' words a page must never see: addresses, their hosts, tokens and service names. */
async function settingWords(): Promise<string[]> {
  try {
    const settings = await loadSettings();
    const words: string[] = [];
    for (const c of settings.connections) {
      words.push(c.apiUrl, c.token, c.name.trim());
      try {
        const url = new URL(c.apiUrl);
        words.push(url.host, url.hostname);
      } catch {
        // not an address: the raw value above is enough
      }
    }
    return words.filter((w) => w.length >= 3);
  } catch {
    return [];
  }
}

/** Whether a message could carry a setting: any address at all, or a configured value. */
export function mentionsSettings(message: string, words: readonly string[]): boolean {
  if (/[a-z][a-z0-9+.-]*:\/\//i.test(message)) return true;
  const lower = message.toLowerCase();
  return words.some((w) => lower.includes(w.toLowerCase()));
}

/**
 * The error a content script receives. Our own refusals (a `rejected` ReplyError: "not the company
 * this tab shows", "not in this company's unsynced list") say what happened and are kept when they
 * name no setting; everything else becomes the generic sentence for its code.
 */
export async function contentSafeError(err: unknown): Promise<ReplyError> {
  const retryAfterSeconds = retryAfterOf(err);
  if (err instanceof ReplyError) {
    if (err.code === 'rejected' && !mentionsSettings(err.message, await settingWords())) return err;
    return new ReplyError(err.code, t(GENERIC[err.code]), retryAfterSeconds);
  }
  const code: ReplyErrorCode = isApiError(err) ? replyCodeFor(err) : 'server-error';
  return new ReplyError(code, t(isApiError(err) ? GENERIC[code] : 'contentErrorFailed'), retryAfterSeconds);
}

function retryAfterOf(err: unknown): number | undefined {
  const value = (err as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

const CONTENT_COMMANDS = new Set<string>(Object.keys(contentCommands));

/**
 * Wraps every handler a content script may reach so that, for a content script, whatever it
 * throws becomes a content-safe error. Applied once to the background's whole handler map.
 */
export function withContentSafeErrors<H extends HandlerMap>(handlers: H): H {
  const wrapped: HandlerMap = { ...handlers };
  for (const [name, handler] of Object.entries(handlers) as [CommandName, ((p: unknown, c: HandlerContext) => Promise<unknown>) | undefined][]) {
    if (!handler || !CONTENT_COMMANDS.has(name)) continue;
    (wrapped as Record<string, unknown>)[name] = async (payload: unknown, ctx: HandlerContext) => {
      try {
        return await handler(payload, ctx);
      } catch (err) {
        if (ctx.from !== 'content') throw err;
        throw await contentSafeError(err);
      }
    };
  }
  return wrapped as H;
}
