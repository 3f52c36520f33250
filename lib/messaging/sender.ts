/**
 * Sending side of the protocol, for any table of commands. Each reply is validated against the
 * command's schema, so a caller only ever sees a well-formed `Reply`. Pages use the full table
 * (./send.ts); the content script uses only the commands it may send, to keep its bundle small.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { CommandName, PayloadOf, ReplyOf } from './protocol';
import { REPLY_ERROR_CODES, type Reply, type ReplyErrorCode } from './reply';

type CommandTable = { readonly [name: string]: { readonly reply: v.GenericSchema } };

export function createSender<T extends CommandTable>(table: T) {
  return async function send<C extends keyof T & CommandName>(command: C, payload: PayloadOf<C>): Promise<Reply<ReplyOf<C>>> {
    let raw: unknown;
    try {
      raw = await browser.runtime.sendMessage({ command, payload });
    } catch (err) {
      // The background may be restarting, or the extension was reloaded under an open page.
      return { ok: false, error: { code: 'unreachable', message: `The SyncLens background did not answer: ${String(err)}` } };
    }
    if (raw && typeof raw === 'object' && (raw as { ok?: unknown }).ok === true) {
      const parsed = v.safeParse(table[command]!.reply, (raw as { data?: unknown }).data);
      if (parsed.success) return { ok: true, data: parsed.output as ReplyOf<C> };
      return { ok: false, error: { code: 'bad-reply', message: 'The SyncLens background sent a reply this page does not understand.' } };
    }
    const error = (raw as { error?: { code?: unknown; message?: unknown; retryAfterSeconds?: unknown } } | undefined)?.error;
    if (error && isReplyErrorCode(error.code) && typeof error.message === 'string') {
      const wait = error.retryAfterSeconds;
      const retry = typeof wait === 'number' && Number.isFinite(wait) && wait >= 0 ? { retryAfterSeconds: wait } : {};
      return { ok: false, error: { code: error.code, message: error.message, ...retry } };
    }
    return { ok: false, error: { code: 'rejected', message: 'The SyncLens background refused the request.' } };
  };
}

function isReplyErrorCode(code: unknown): code is ReplyErrorCode {
  return typeof code === 'string' && (REPLY_ERROR_CODES as readonly string[]).includes(code);
}
