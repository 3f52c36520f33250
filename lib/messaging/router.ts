/**
 * Receiving side of the message protocol. Each message goes through, in order: known command →
 * allowed sender kind → valid payload → handler. Any failed check replies `rejected` and the
 * handler never runs (fail closed).
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { isApiError, replyCodeFor } from '../api/errors';
import { describeIssues } from '../api/schema';
import { classifySender, type ExtensionIdentity, type SenderInfo } from './guard';
import { commands, Message, type CommandName, type PayloadOf, type Reply, type ReplyErrorCode, type ReplyOf, type SenderKind } from './protocol';

/** What a handler learns about the sender: its kind, and for a content script its tab (id and URL). */
export interface HandlerContext {
  from: SenderKind;
  tab?: { id?: number; url?: string };
}
export type Handler<C extends CommandName> = (payload: PayloadOf<C>, ctx: HandlerContext) => Promise<ReplyOf<C>>;
export type Handlers = { [C in CommandName]: Handler<C> };
/**
 * Handlers may be supplied by several modules (core commands here, overlay commands by the overlay
 * code); a command without a handler is refused like an unknown one.
 */
export type HandlerMap = Partial<Handlers>;

/** A handler throws this to answer with a specific error code and message. */
export class ReplyError extends Error {
  override name = 'ReplyError';
  constructor(
    readonly code: ReplyErrorCode,
    message: string,
    /** When the sync service asked to wait (Retry-After), so a caller can back off as long. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const reject = (message: string): Reply<never> => ({ ok: false, error: { code: 'rejected', message } });

function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}

export type Router = (message: unknown, sender: SenderInfo) => Promise<Reply<unknown>>;

export function createRouter(handlers: HandlerMap, self: () => ExtensionIdentity): Router {
  return async (message, sender) => {
    const envelope = v.safeParse(Message, message);
    if (!envelope.success) return reject('The message is not a SyncLens command.');
    const name = envelope.output.command;
    if (!isCommandName(name)) return reject(`Unknown command "${name.slice(0, 60)}".`);
    const def = commands[name];
    const from = classifySender(sender, self());
    if (!from || !(def.from as readonly SenderKind[]).includes(from)) return reject(`"${name}" is not allowed from this sender.`);
    const payload = v.safeParse(def.payload, envelope.output.payload);
    if (!payload.success) {
      const first = describeIssues(payload.issues)[0];
      return reject(`Invalid "${name}" request${first ? `: ${first.path} ${first.message}` : ''}.`);
    }
    const handler = handlers[name] as ((p: unknown, ctx: HandlerContext) => Promise<unknown>) | undefined;
    if (!handler) return reject(`"${name}" is not available in this version of SyncLens.`);
    const tab = from === 'content' && sender.tab ? { id: sender.tab.id, url: sender.tab.url } : undefined;
    try {
      return { ok: true, data: await handler(payload.output, { from, ...(tab ? { tab } : {}) }) };
    } catch (err) {
      return { ok: false, error: errorOf(err) };
    }
  };
}

function errorOf(err: unknown): { code: ReplyErrorCode; message: string; retryAfterSeconds?: number } {
  const wait = (err as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  const retry = typeof wait === 'number' && Number.isFinite(wait) && wait >= 0 ? { retryAfterSeconds: wait } : {};
  if (err instanceof ReplyError) return { code: err.code, message: err.message, ...retry };
  if (isApiError(err)) return { code: replyCodeFor(err), message: err.message, ...retry };
  return { code: 'server-error', message: `SyncLens could not complete the request: ${err instanceof Error ? err.message : String(err)}` };
}

let registered: ((message: unknown, sender: SenderInfo) => Promise<Reply<unknown>>) | null = null;

/** Listens for commands (polyfill style: the listener returns a promise). Only once per worker. */
export function registerRouter(handlers: HandlerMap): void {
  if (registered) throw new Error('The SyncLens message router is already registered.');
  const route = createRouter(handlers, () => ({ id: browser.runtime.id, origin: browser.runtime.getURL('') }));
  registered = (message, sender) => route(message, sender);
  browser.runtime.onMessage.addListener(registered as never);
}

/** Removes the listener (tests, and a worker that is shutting the router down). */
export function unregisterRouter(): void {
  if (!registered) return;
  browser.runtime.onMessage.removeListener(registered as never);
  registered = null;
}
