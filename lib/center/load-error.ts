/**
 * What a Sync Center tab says when its data could not be loaded. The page already says that the
 * sync service is unreachable or refused the token (the whole-page banner, or one service's warning
 * line), so a tab that still has data to show (the cached list) says nothing more, and one with
 * nothing to show says, quietly, when it will appear. Whatever is said names no address and never
 * repeats the browser's network words ("Failed to fetch"): those are for logs, not for people.
 */
import { t, type MessageKey } from '../i18n/t';
import type { ReplyErrorCode } from '../messaging/protocol';

export type LoadTarget = 'unsynced' | 'log';

export interface LoadProblemInput {
  code: ReplyErrorCode;
  message: string;
}

export interface LoadContext {
  /** The problems the page already tells about (see `problemsThePageTells`). */
  told: readonly ReplyErrorCode[];
  /** The tab still shows data despite the error (the cached unsynced list, earlier log pages). */
  hasData: boolean;
}

export type LoadNote = { tone: 'error' | 'note'; text: string } | null;

const FAILED: Record<LoadTarget, MessageKey> = { unsynced: 'centerUnsyncedLoadFailed', log: 'logLoadFailed' };
const WAITING: Record<LoadTarget, MessageKey> = { unsynced: 'centerUnsyncedWaiting', log: 'logWaiting' };

/** Codes whose reply text is technical (addresses, the browser's words): a plain reason replaces it. */
const PLAIN_REASONS: Partial<Record<ReplyErrorCode, MessageKey>> = {
  unreachable: 'centerReasonUnreachable',
  'signed-out': 'centerReasonSignedOut',
  'bad-reply': 'centerReasonBadReply',
};

/**
 * The service problems the page shows already: its whole-page view ('offline', 'signed-out'), and
 * the states of the services it warns about one by one (several services, some failing).
 */
export function problemsThePageTells(view: string, warnedStates: readonly string[]): ReplyErrorCode[] {
  const told = new Set<ReplyErrorCode>();
  if (view === 'offline') told.add('unreachable');
  if (view === 'signed-out') told.add('signed-out');
  for (const state of warnedStates) if (state === 'unreachable' || state === 'signed-out') told.add(state);
  return [...told];
}

export function loadProblem(error: LoadProblemInput | null, target: LoadTarget, ctx: LoadContext): LoadNote {
  if (!error) return null;
  if (ctx.told.includes(error.code)) return ctx.hasData ? null : { tone: 'note', text: t(WAITING[target]) };
  const plain = PLAIN_REASONS[error.code];
  return { tone: 'error', text: t(FAILED[target], plain ? t(plain) : error.message) };
}
