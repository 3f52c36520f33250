/**
 * One sync service as the options page edits it (a "card"): the fields, its test state and its
 * removal state. Removing only marks the card; the background drops the service when the list
 * without it is saved.
 */
import { signal, type Signal } from '@preact/signals';
import type { Company } from '@/lib/api/schema';
import { resolveKey } from '@/lib/connections/company-key';
import { connectionName } from '@/lib/connections/connection';
import type { ConnectionInput, PublicConnection } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n/t';

export type Notice = { kind: 'success' | 'error' | 'info'; text: string };

/** none → confirming (the question is shown) → pending (removed when the list is saved). */
export type Removal = 'none' | 'confirming' | 'pending';

export interface ConnectionDraft {
  /** Chosen once (stored, or newConnectionId for a new card), so a repeated save never adds it twice. */
  readonly id: string;
  /** True when the service is in the saved settings; false for a card added on this page. */
  readonly stored: boolean;
  readonly name: Signal<string>;
  readonly apiUrl: Signal<string>;
  /** A new token typed by the user; empty keeps the stored one. */
  readonly token: Signal<string>;
  readonly hasToken: Signal<boolean>;
  /** Plain company ids as this service knows them. */
  readonly followed: Signal<ReadonlySet<string>>;
  /** This service's companies with plain ids (from Test connection or the cached snapshot). */
  readonly companies: Signal<Company[]>;
  readonly urlError: Signal<string | null>;
  readonly testing: Signal<boolean>;
  readonly testNotice: Signal<Notice | null>;
  readonly removal: Signal<Removal>;
}

export function createDraft(id: string, from?: PublicConnection, companies: Company[] = []): ConnectionDraft {
  return {
    id,
    stored: from !== undefined,
    name: signal(from?.name ?? ''),
    apiUrl: signal(from?.apiUrl ?? ''),
    token: signal(''),
    hasToken: signal(from?.hasToken ?? false),
    followed: signal(new Set(from?.followedCompanyIds ?? [])),
    companies: signal(companies),
    urlError: signal(null),
    testing: signal(false),
    testNotice: signal(null),
    removal: signal('none'),
  };
}

/** The card's heading and the name in its buttons' accessible names. */
export function draftName(draft: ConnectionDraft): string {
  return connectionName({ name: draft.name.value, apiUrl: draft.apiUrl.value.trim() }) || t('optionsSvcNewService');
}

/**
 * Pure: the companies of one connection out of the snapshot's merged list (company keys), with
 * the plain ids a follow list holds.
 */
export function companiesOfConnection(companies: readonly Company[], connectionIds: readonly string[], connectionId: string): Company[] {
  return companies.flatMap((company) => {
    const resolved = resolveKey(company.id, connectionIds);
    return resolved?.connectionId === connectionId ? [{ ...company, id: resolved.id }] : [];
  });
}

/** What settings.save gets for this card, with the address already checked and normalised. */
export function draftInput(draft: ConnectionDraft, apiUrl: string): ConnectionInput {
  const input: ConnectionInput = { id: draft.id, name: draft.name.value.trim(), apiUrl, followedCompanyIds: [...draft.followed.value] };
  // An empty field means "keep the stored token", so it is left out rather than sent blank.
  const token = draft.token.value.trim();
  if (token) input.token = token;
  return input;
}

/** DOM ids of a card's fields, so the page can move the focus to them. */
export const fieldId = {
  name: (id: string) => `svc-${id}-name`,
  apiUrl: (id: string) => `svc-${id}-url`,
  token: (id: string) => `svc-${id}-token`,
  confirm: (id: string) => `svc-${id}-confirm`,
  undo: (id: string) => `svc-${id}-undo`,
  remove: (id: string) => `svc-${id}-remove`,
  heading: (id: string) => `svc-${id}-heading`,
};
export const ADD_BUTTON_ID = 'svc-add';
