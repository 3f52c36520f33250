/**
 * The one message protocol between extension contexts and the background service worker.
 *
 * Every command names who may send it (`from`), the schema of its payload and the schema of its
 * reply data. The background checks the sender, validates the payload and only then runs the
 * handler; anything else is refused (fail closed). Replies are always the `Reply` envelope.
 *
 * Who may send:
 * - `page`: extension pages (popup, options, side panel): sender.id is ours and sender.origin /
 *   sender.url is our own chrome-extension:// origin.
 * - `content`: our content script in the top frame of a QuickBooks Online tab. The page itself is
 *   untrusted, so content commands carry ids only and never see the API token.
 */
import * as v from 'valibot';
import * as api from '../api/schema';
import { ConnectionId } from '../connections/company-key';
import { actionCommands, ActionKey } from './action-commands';
import { centerCommands } from './center-commands';
import { contentCommands } from './overlay-commands';

export type SenderKind = 'page' | 'content';

interface CommandDef<P extends v.GenericSchema, R extends v.GenericSchema> {
  from: readonly SenderKind[];
  payload: P;
  reply: R;
}
const command = <P extends v.GenericSchema, R extends v.GenericSchema>(
  from: readonly SenderKind[],
  payload: P,
  reply: R,
): CommandDef<P, R> => ({ from, payload, reply });

const Empty = v.strictObject({});
const CompanyRef = v.strictObject({ companyId: api.Id });

/** Where the extension stands with the sync service, as the popup and badge see it. */
export const CONNECTION_STATES = ['unconfigured', 'ok', 'signed-out', 'unreachable', 'error'] as const;
export const ConnectionStatus = v.object({
  state: v.picklist(CONNECTION_STATES),
  /** When the last successful poll finished (ISO), if ever. */
  lastSuccessAt: v.nullable(v.string()),
  /** Since when the service has failed, for "unreachable since 9:02". */
  failingSince: v.nullable(v.string()),
  /** A human message for the current problem, if any. */
  message: v.nullable(v.string()),
  /** When the next poll is due (ISO). */
  nextPollAt: v.nullable(v.string()),
  /**
   * Until when the service asked not to be called (Retry-After, ISO), while that pause lasts.
   * Read from the poll gate when a snapshot is built; never stored with the status.
   */
  pausedUntil: v.optional(v.nullable(v.string())),
});
export type ConnectionStatus = v.InferOutput<typeof ConnectionStatus>;

export const POLL_MINUTE_CHOICES = [1, 5, 15, 30, 60] as const;
export const PollMinutes = v.pipe(v.number(), v.integer(), v.minValue(0.05), v.maxValue(60));

/** One sync service as extension pages see it: the token itself never leaves the background. */
export const PublicConnection = v.object({
  id: ConnectionId,
  /** The user's label; empty shows the service's host name. */
  name: v.string(),
  apiUrl: v.string(),
  hasToken: v.boolean(),
  /** Plain company ids of this service; empty means "follow every company it lists". */
  followedCompanyIds: v.array(api.Id),
});
export type PublicConnection = v.InferOutput<typeof PublicConnection>;

export const PublicSettings = v.object({
  connections: v.array(PublicConnection),
  pollMinutes: v.number(),
});
export type PublicSettings = v.InferOutput<typeof PublicSettings>;

export const ConnectionInput = v.strictObject({
  /** Chosen by the page for a new connection (see newConnectionId), so a retried save adds it once. */
  id: ConnectionId,
  name: v.pipe(v.string(), v.maxLength(80)),
  apiUrl: v.pipe(v.string(), v.maxLength(2048)),
  /** Omitted or empty keeps the token stored for this connection id. */
  token: v.optional(v.pipe(v.string(), v.maxLength(4096))),
  followedCompanyIds: v.pipe(v.array(api.Id), v.maxLength(500)),
});
export type ConnectionInput = v.InferOutput<typeof ConnectionInput>;

/** The whole list of connections: one left out is removed, with everything cached for it. */
export const SettingsInput = v.strictObject({
  connections: v.pipe(v.array(ConnectionInput), v.maxLength(20)),
  pollMinutes: PollMinutes,
});
export type SettingsInput = v.InferOutput<typeof SettingsInput>;

export const ConnectionTestResult = v.object({
  ok: v.boolean(),
  message: v.string(),
  /** The tested service's companies with their plain ids (what a follow list holds). */
  companies: v.array(api.Company),
});
export type ConnectionTestResult = v.InferOutput<typeof ConnectionTestResult>;

/** One connection with its own status, for views that group by service. */
export const ConnectionState = v.object({ ...PublicConnection.entries, status: ConnectionStatus });
export type ConnectionState = v.InferOutput<typeof ConnectionState>;

export const Snapshot = v.object({
  /** All connections together: ok while any service answers (see combineStatuses). */
  status: ConnectionStatus,
  /** Each service on its own, in the order of the settings. */
  connections: v.array(ConnectionState),
  summary: v.nullable(api.Summary),
  companies: v.array(api.Company),
  settings: PublicSettings,
});
export type Snapshot = v.InferOutput<typeof Snapshot>;

export const WizardSnapshot = v.object({
  companyId: api.Id,
  items: v.array(api.WizardItem),
  /** When these items were fetched from the service (ISO). */
  fetchedAt: v.string(),
  /** Items the service sent that had to be shortened or left out (see lib/api/tolerant-list). */
  damaged: v.optional(v.object({ repaired: v.number(), dropped: v.number() })),
});
export type WizardSnapshot = v.InferOutput<typeof WizardSnapshot>;

export const commands = {
  /** Current connection state, cached summary, companies and public settings. */
  'state.get': command(['page'], Empty, Snapshot),
  /** Poll the service now (popup opened, user pressed refresh) and return the new snapshot. */
  'state.refresh': command(['page'], Empty, Snapshot),
  /** The cached wizard items of one company, instantly (null when nothing is cached yet). */
  'wizard.cached': command(['page'], CompanyRef, v.nullable(WizardSnapshot)),
  /** Fetch the waiting wizard items of one company (both directions) and cache them. */
  'wizard.load': command(['page'], CompanyRef, WizardSnapshot),
  /** Approve through the outbox (idempotent); refreshes the badge at once. */
  'wizard.approve': command(
    ['page'],
    v.strictObject({
      companyId: api.Id,
      reviewedIds: v.pipe(v.array(api.Id), v.maxLength(api.MAX_APPROVE_IDS)),
      approveIds: v.pipe(v.array(api.Id), v.maxLength(api.MAX_APPROVE_IDS)),
      unchecked: api.UncheckedMode,
      /** Chosen by the page, so it can ask what became of the approval if the reply is lost. */
      actionKey: v.optional(ActionKey),
    }),
    api.ApproveResult,
  ),
  'settings.get': command(['page'], Empty, PublicSettings),
  'settings.save': command(['page'], SettingsInput, PublicSettings),
  /** Try a URL and token without saving them. Omitted token: the one stored for `connectionId`. */
  'settings.test': command(
    ['page'],
    v.strictObject({
      apiUrl: v.pipe(v.string(), v.maxLength(2048)),
      token: v.optional(v.pipe(v.string(), v.maxLength(4096))),
      connectionId: v.optional(ConnectionId),
    }),
    ConnectionTestResult,
  ),
  // Commands a content script may send (overlay lookups, Resync, Clear ID) live in their own file,
  // so the content-script bundle carries only their schemas.
  ...contentCommands,
  // The Sync Center's and the notification settings' commands (extension pages only).
  ...centerCommands,
  // The user's actions in the outbox: what became of them, retry, discard (extension pages only).
  ...actionCommands,
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type PayloadOf<C extends CommandName> = v.InferOutput<Commands[C]['payload']>;
export type ReplyOf<C extends CommandName> = v.InferOutput<Commands[C]['reply']>;

export { REPLY_ERROR_CODES, type Reply, type ReplyErrorCode } from './reply';

export const Message = v.strictObject({
  command: v.string(),
  payload: v.unknown(),
});
export type Message = v.InferOutput<typeof Message>;

