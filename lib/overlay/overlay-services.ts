/**
 * What every overlay feature is handed: the content-script context, the shared DOM watch, and
 * `ask`, the only way to reach the background. `ask` notices an extension that was reloaded or
 * updated under this tab (the context is gone) and reports it instead of failing obscurely.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { contentCommands } from '../messaging/overlay-commands';
import type { PayloadOf, Reply, ReplyOf } from '../messaging/protocol';
import { createSender } from '../messaging/sender';
import type { DomWatch } from './dom-watch';

/** The commands a content script may send. */
export type ContentCommand = keyof typeof contentCommands;

export type AskReply<C extends ContentCommand> = Reply<ReplyOf<C>> | { ok: false; invalidated: true; error: { code: 'rejected'; message: string } };

export interface OverlayServices {
  ctx: ContentScriptContext;
  domWatch: DomWatch;
  ask<C extends ContentCommand>(command: C, payload: PayloadOf<C>): Promise<AskReply<C>>;
}

const INVALIDATED = {
  ok: false,
  invalidated: true,
  error: { code: 'rejected', message: 'SyncLens was updated or reloaded; reload this tab.' },
} as const;

/** `onGone` runs once, the first time the extension is found gone (stop the overlay, offer a reload). */
export function createOverlayServices(ctx: ContentScriptContext, domWatch: DomWatch, onGone: () => void): OverlayServices {
  const sendCommand = createSender(contentCommands);
  let gone = false;
  const invalidated = () => {
    if (!gone) {
      gone = true;
      onGone();
    }
    return INVALIDATED;
  };
  return {
    ctx,
    domWatch,
    async ask(command, payload) {
      if (!ctx.isValid) return invalidated();
      const reply = await sendCommand(command, payload);
      return !reply.ok && !ctx.isValid ? invalidated() : reply;
    },
  };
}

export function isInvalidated(reply: { ok: boolean }): reply is typeof INVALIDATED {
  return !reply.ok && 'invalidated' in reply;
}
