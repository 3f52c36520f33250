/**
 * Commands of the QuickBooks Online overlay (content script → background), plus the explanation
 * lookup shared with the popup. They carry ids only: the background resolves everything against
 * the sync service with its own token, and the page never gets anything it could act with.
 */
import * as v from 'valibot';
import * as api from '../api/schema';
import { ActionKey } from './action-commands';
import { ERROR_CATEGORIES } from '../errors/types';

const command = <P extends v.GenericSchema, R extends v.GenericSchema>(
  from: readonly ('page' | 'content')[],
  payload: P,
  reply: R,
) => ({ from, payload, reply });

/** A followed QuickBooks Online company, as much as the overlay needs to match a realm. */
export const OverlayCompany = v.object({ id: api.Id, name: v.string(), realmId: v.nullable(v.string()) });
export type OverlayCompany = v.InferOutput<typeof OverlayCompany>;

export const COMPANY_HOWS = ['url', 'cookie', 'stored', 'only-one'] as const;

/**
 * Which followed company this tab shows, as the background decided it (lib/records/tab-company.ts):
 * the `qbo.currentcompanyid` cookie first, a realm in the URL only without one, then the tab's
 * stored choice, then the only company. The page never decides; the overlay shows this.
 */
export const TabCompanyChoice = v.variant('kind', [
  v.object({ kind: v.literal('company'), companyId: api.Id, how: v.picklist(COMPANY_HOWS) }),
  v.object({ kind: v.literal('picker'), candidateIds: v.array(api.Id) }),
  v.object({ kind: v.literal('hidden'), reason: v.picklist(['no-qbo-company', 'realm-not-followed']) }),
]);
export type TabCompanyChoice = v.InferOutput<typeof TabCompanyChoice>;

export const OverlayContext = v.object({
  /** False when no sync service is set up yet: the overlay stays quiet. */
  configured: v.boolean(),
  /**
   * True while SyncLens has no company list yet (the first poll after start-up, install or a new
   * service has not answered): the overlay waits and asks again instead of giving up.
   */
  loading: v.boolean(),
  companies: v.array(OverlayCompany),
  choice: TabCompanyChoice,
});
export type OverlayContext = v.InferOutput<typeof OverlayContext>;

/** The chip's own small preferences, kept by the background (content scripts never touch storage). */
export const OverlayPrefs = v.object({ chipCollapsed: v.boolean() });
export type OverlayPrefs = v.InferOutput<typeof OverlayPrefs>;

/** One explanation of a QuickBooks error, ready to render as text. */
export const ExplanationView = v.object({
  system: v.picklist(['qbo', 'qbd', 'sdk', 'qbwc', 'synclens']),
  code: v.string(),
  title: v.string(),
  meaning: v.string(),
  likelyCause: v.string(),
  steps: v.array(v.string()),
  resyncAlone: v.boolean(),
  clearIdFixes: v.boolean(),
  category: v.picklist(ERROR_CATEGORIES),
  helpUrl: v.optional(api.HttpUrl),
  /** True when the code is not in the catalog and the help is general (by range / severity). */
  general: v.boolean(),
  /** Notes drawn from this very error's message and detail. */
  hints: v.array(v.string()),
  /** The record a detail points at (6140: the transaction that already holds the number). */
  relatedRecord: v.optional(v.object({ entityType: api.EntityType, qbId: api.QbId })),
  /** The raw message and detail, shown as they came. */
  rawMessage: v.optional(v.string()),
  rawDetail: v.optional(v.string()),
  /**
   * How a pasted text led here when it held no code: by QuickBooks' wording (`wording`), or as one
   * of the closest candidates by wording (`possible`).
   */
  match: v.optional(v.picklist(['wording', 'possible'])),
  /** A bare number that means different things in QuickBooks Online and Desktop: both are shown. */
  ambiguous: v.optional(v.boolean()),
});
export type ExplanationView = v.InferOutput<typeof ExplanationView>;

export const RecordRef = v.strictObject({ entityType: api.EntityType, qbId: api.QbId });
export type RecordRef = v.InferOutput<typeof RecordRef>;

export const RecordStatus = v.object({
  companyId: api.Id,
  system: api.System,
  connector: api.Connector,
  link: api.Link,
  explanation: v.nullable(ExplanationView),
  /** When the sync service said this (ISO); older than a few seconds means it came from the cache. */
  fetchedAt: v.string(),
});
export type RecordStatus = v.InferOutput<typeof RecordStatus>;

export const overlayCommands = {
  /** Followed QBO companies, the cookie's realm and this tab's stored choice. */
  'overlay.context': command(['content'], v.strictObject({}), OverlayContext),
  /** Remember the company the user picked for this tab. */
  'overlay.pickCompany': command(['content'], v.strictObject({ companyId: api.Id }), v.object({ companyId: api.Id })),
  /** The chip's preferences (collapsed or not). */
  'overlay.prefs': command(['content'], v.strictObject({}), OverlayPrefs),
  /** Change the chip's preferences; answers with all of them. */
  'overlay.setPrefs': command(['content'], v.strictObject({ chipCollapsed: v.boolean() }), OverlayPrefs),
  /** Sync status of one QuickBooks record (cached briefly). */
  'record.status': command(['content'], v.strictObject({ companyId: api.Id, ...RecordRef.entries }), RecordStatus),
  /** Sync status of the records on a list page: one request per entity type, cached. */
  'records.status': command(
    ['content'],
    v.strictObject({ companyId: api.Id, records: v.pipe(v.array(RecordRef), v.maxLength(api.MAX_LINK_IDS)) }),
    v.object({ links: v.array(api.Link) }),
  ),
  /** Explain a code or a whole pasted error (JSON, XML, a log line) in plain words. */
  'error.explain': command(
    ['content', 'page'],
    v.strictObject({
      text: v.pipe(v.string(), v.maxLength(20_000)),
      system: v.optional(v.picklist(['qbo', 'qbd'])),
    }),
    v.object({ explanations: v.array(ExplanationView) }),
  ),
} as const;

/** `actionKey`: chosen by the sender, so an extension page can ask what became of the action later. */
const UnsyncedRef = v.strictObject({ companyId: api.Id, unsyncedId: api.Id, actionKey: v.optional(ActionKey) });

/** Everything a content script may send: the overlay's commands plus the two record actions. */
export const contentCommands = {
  ...overlayCommands,
  'unsynced.resync': command(['page', 'content'], UnsyncedRef, api.ResyncResult),
  'unsynced.clearId': command(['page', 'content'], UnsyncedRef, api.ClearIdResult),
} as const;

/**
 * Background → content script notices (the content script accepts them only from our own background).
 * `overlay.companiesChanged`: the followed QuickBooks Online companies changed (the first company
 * list arrived, a service was added, the follow list changed): decide the tab's company again.
 */
export const BACKGROUND_NOTICES = ['overlay.openExplain', 'overlay.companiesChanged'] as const;
export type BackgroundNotice = (typeof BACKGROUND_NOTICES)[number];
