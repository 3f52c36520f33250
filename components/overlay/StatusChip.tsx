/**
 * The sync-status chip shown on a QuickBooks Online record page. Pure view: everything it shows and
 * every action it can take come in through props, so each state renders in unit tests.
 */
import type { LinkStatus } from '@/lib/api/schema';
import { qboRecordPath } from '@/lib/qbo/deep-link';
import { DEFAULT_QBO_ORIGIN, parseQboUrl } from '@/lib/qbo/hosts';
import { entityLabel } from '@/lib/format/labels';
import { dayAndTime, relativeAge } from '@/lib/format/time';
import { t, type MessageKey } from '@/lib/i18n/t';
import type { ExplanationView, OverlayCompany, RecordStatus } from '@/lib/messaging/overlay-commands';
import { Explanation } from '../errors/Explanation';
import type { Ref } from 'preact';
import { onTrustedClick } from './trusted';

export type CompanyHow = 'url' | 'cookie' | 'stored' | 'only-one';

export type ChipView =
  | { kind: 'loading' }
  | { kind: 'lookup-failed'; message: string }
  | { kind: 'pick-company'; candidates: OverlayCompany[] }
  | {
      kind: 'ready';
      status: RecordStatus;
      companyName: string;
      how: CompanyHow;
      /** Whether this QuickBooks page shows the record (so it still exists in QuickBooks). */
      recordVisible: boolean;
    };

export type ActionState =
  | { kind: 'idle' }
  | { kind: 'confirm-clear' }
  | { kind: 'busy'; action: 'resync' | 'clear-id' }
  | { kind: 'done'; ok: boolean; message: string };

export interface ChipProps {
  view: ChipView;
  action: ActionState;
  collapsed: boolean;
  onToggleCollapsed(): void;
  onResync(): void;
  onAskClearId(): void;
  onConfirmClearId(): void;
  onCancelClearId(): void;
  onPickCompany(companyId: string): void;
  onRetry(): void;
  /** Receives the chip's root element (the clickjacking guard watches it, lib/overlay/visibility.ts). */
  rootRef?: Ref<HTMLElement>;
}

const STATUS_LABEL: Record<LinkStatus, MessageKey> = {
  synced: 'chipStatusSynced',
  'awaiting-approval': 'chipStatusAwaitingApproval',
  pending: 'chipStatusPending',
  failed: 'chipStatusFailed',
  'not-linked': 'chipStatusNotLinked',
};

/**
 * The code the chip shows: the explanation's (normalized from the stored code, message and detail
 * by lib/errors, so "003200" reads 3200), or the stored code when there is no explanation.
 */
export function chipCode(status: RecordStatus): string | null {
  return status.explanation?.code ?? status.link.errorCode ?? null;
}

/**
 * The QuickBooks Online page of the record an explanation points at (6140: the transaction that
 * already holds the number), on this tab's QuickBooks host; built by lib/qbo, https only, or null.
 */
export function relatedRecordUrl(related: ExplanationView['relatedRecord'], pageUrl: string | undefined = globalThis.location?.href): string | null {
  if (!related) return null;
  try {
    const page = pageUrl ? parseQboUrl(pageUrl) : null;
    const path = qboRecordPath(related.entityType, related.qbId);
    if (!path) return null;
    // The overlay's slim builder (no company switch): the related record is in the tab's company.
    const url = new URL(`/app/${path}`, page ? page.origin : DEFAULT_QBO_ORIGIN).toString();
    return parseQboUrl(url) ? url : null;
  } catch {
    return null;
  }
}

/** Only what the Link says may decide the status attribute the tests and styles read. */
export function chipStatus(view: ChipView): LinkStatus | 'unknown' {
  return view.kind === 'ready' ? view.status.link.status : 'unknown';
}

export function StatusChip(props: ChipProps) {
  const { view, collapsed } = props;
  const status = chipStatus(view);
  const label = view.kind === 'ready' ? t(STATUS_LABEL[status as LinkStatus]) : view.kind === 'loading' ? t('chipChecking') : 'SyncLens';
  return (
    <section ref={props.rootRef} class={`sl-chip sl-status-${status}`} data-testid="synclens-chip" data-status={status} aria-label={t('chipLabel')}>
      <header class="sl-chip-head">
        <span class="sl-dot" aria-hidden="true" />
        <span class="sl-chip-title">{label}</span>
        {view.kind === 'ready' && chipCode(view.status) && (
          <span class="sl-code" data-testid="chip-error-code">
            {chipCode(view.status)}
          </span>
        )}
        <button
          type="button"
          class="sl-icon-button"
          aria-expanded={!collapsed}
          aria-label={collapsed ? t('chipShowDetails') : t('chipHideDetails')}
          onClick={props.onToggleCollapsed}
        >
          {collapsed ? '▸' : '▾'}
        </button>
      </header>
      {!collapsed && <ChipBody {...props} />}
    </section>
  );
}

function ChipBody(props: ChipProps) {
  const { view } = props;
  switch (view.kind) {
    case 'loading':
      return <p class="sl-muted">{t('chipLoading')}</p>;
    case 'lookup-failed':
      return (
        <div>
          <p class="sl-error">{t('chipLookupFailed', view.message)}</p>
          <button type="button" class="sl-button" onClick={props.onRetry}>
            {t('commonTryAgain')}
          </button>
        </div>
      );
    case 'pick-company':
      return (
        <div>
          <p>{t('chipPickCompany')}</p>
          <label>
            <span class="sl-visually-hidden">{t('popupCompanyLabel')}</span>
            <select
              data-testid="chip-company-picker"
              onChange={(e) => {
                // Like the buttons: a page can fire a synthetic change on our select, not a real one.
                if (e.isTrusted) props.onPickCompany((e.currentTarget as HTMLSelectElement).value);
              }}
            >
              <option value="">{t('chipChooseCompany')}</option>
              {view.candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      );
    case 'ready':
      return <ReadyBody {...props} view={view} />;
  }
}

function ReadyBody(props: ChipProps & { view: Extract<ChipView, { kind: 'ready' }> }) {
  const { view, action } = props;
  const { link, system, connector, explanation } = view.status;
  const record = link.name ? t('chipRecordNamed', entityLabel(link.entityType), link.name) : entityLabel(link.entityType);
  return (
    <div class="sl-chip-body">
      <p class="sl-muted">
        {view.companyName}
        {view.how === 'only-one' && ` ${t('chipAssumedCompany')}`}
      </p>
      {link.status === 'synced' && (
        <p>
          {link.lastSyncedAt
            ? t('chipSyncedAt', record, relativeAge(link.lastSyncedAt), dayAndTime(link.lastSyncedAt))
            : t('chipSynced', record)}
        </p>
      )}
      {link.status === 'awaiting-approval' && <p>{t('chipAwaitingApproval', record)}</p>}
      {link.status === 'pending' && <p>{t('chipPending', record)} {pendingNote(system, connector)}</p>}
      {link.status === 'not-linked' && <p>{t('chipNotLinked')}</p>}
      {link.status === 'failed' && (
        <div class="sl-failed">
          <p>{t('chipFailed', record)}</p>
          {link.errorMessage && <p class="sl-muted">{t('chipQuickBooksSaid', link.errorMessage)}</p>}
          {explanation && (
            <div data-testid="chip-explanation">
              <Explanation explanation={explanation} compact />
            </div>
          )}
          <RelatedRecord explanation={explanation} />
          <Actions {...props} />
        </div>
      )}
      {link.localUrl && (
        <p>
          <a href={link.localUrl} target="_blank" rel="noopener noreferrer">
            {t('chipOpenInJobApp')}
          </a>
        </p>
      )}
      {action.kind === 'done' && (
        <p class={action.ok ? 'sl-success' : 'sl-error'} role="status">
          {action.message}
        </p>
      )}
    </div>
  );
}

/** A link to the record the error's detail names (6140: the transaction holding the number). */
function RelatedRecord({ explanation }: { explanation: ExplanationView | null }) {
  const related = explanation?.relatedRecord;
  const url = relatedRecordUrl(related);
  if (!related || !url) return null;
  return (
    <p>
      <a href={url} target="_blank" rel="noopener noreferrer" data-testid="chip-related-record">
        {t('chipOpenRelated', entityLabel(related.entityType).toLocaleLowerCase())}
      </a>
    </p>
  );
}

/** What Pending waits for: the Web Connector (QuickBooks Desktop) or the next API run (Online). */
function pendingNote(system: RecordStatus['system'], connector: RecordStatus['connector']): string {
  if (system === 'qbo') return t('chipPendingQbo');
  const contact = connector.lastContactAt ? dayAndTime(connector.lastContactAt) : t('timeNever');
  const note = t('chipPendingQbd', contact);
  return connector.state !== 'ok' ? `${note} ${t('chipPendingQbdStalled')}` : note;
}

function Actions(props: ChipProps & { view: Extract<ChipView, { kind: 'ready' }> }) {
  const { action, view } = props;
  const busy = action.kind === 'busy';
  if (action.kind === 'confirm-clear') {
    return (
      <div class="sl-confirm" data-testid="clear-id-confirm" role="alertdialog" aria-label={t('chipConfirmClearLabel')}>
        <p>
          <strong>{t('clearIdQuestion')}</strong> {t('chipClearIdEffect')}
        </p>
        <p>
          {t('chipClearIdWhen')} {view.recordVisible ? t('chipClearIdRecordVisible') : t('chipClearIdRecordMissing')}
        </p>
        <div class="sl-row">
          <button type="button" class="sl-button sl-danger" onClick={onTrustedClick(props.onConfirmClearId)}>
            {t('actionClearId')}
          </button>
          <button type="button" class="sl-button" onClick={props.onCancelClearId} autoFocus>
            {t('commonCancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="sl-row">
      <button type="button" class="sl-button sl-primary" data-testid="chip-resync" disabled={busy} onClick={onTrustedClick(props.onResync)}>
        {busy && action.action === 'resync' ? t('actionResyncing') : t('actionResync')}
      </button>
      <button type="button" class="sl-button" data-testid="chip-clear-id" disabled={busy} onClick={onTrustedClick(props.onAskClearId)}>
        {busy && action.action === 'clear-id' ? t('actionClearing') : t('actionClearId')}
      </button>
    </div>
  );
}
