/**
 * The sync-status chip shown on a QuickBooks Online record page. Pure view: everything it shows and
 * every action it can take come in through props, so each state renders in unit tests.
 */
import type { LinkStatus } from '@/lib/api/schema';
import { entityLabel } from '@/lib/format/labels';
import { dayAndTime, relativeAge } from '@/lib/format/time';
import type { OverlayCompany, RecordStatus } from '@/lib/messaging/overlay-commands';
import { Explanation } from '../errors/Explanation';
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
}

const STATUS_LABEL: Record<LinkStatus, string> = {
  synced: 'Synced',
  'awaiting-approval': 'Awaiting approval',
  pending: 'Pending',
  failed: 'Failed',
  'not-linked': 'Not linked',
};

/** Only what the Link says may decide the status attribute the tests and styles read. */
export function chipStatus(view: ChipView): LinkStatus | 'unknown' {
  return view.kind === 'ready' ? view.status.link.status : 'unknown';
}

export function StatusChip(props: ChipProps) {
  const { view, collapsed } = props;
  const status = chipStatus(view);
  const label = view.kind === 'ready' ? STATUS_LABEL[status as LinkStatus] : view.kind === 'loading' ? 'Checking sync…' : 'SyncLens';
  return (
    <section class={`sl-chip sl-status-${status}`} data-testid="synclens-chip" data-status={status} aria-label="SyncLens sync status">
      <header class="sl-chip-head">
        <span class="sl-dot" aria-hidden="true" />
        <span class="sl-chip-title">{label}</span>
        {view.kind === 'ready' && view.status.link.errorCode && (
          <span class="sl-code" data-testid="chip-error-code">
            {view.status.link.errorCode}
          </span>
        )}
        <button
          type="button"
          class="sl-icon-button"
          aria-expanded={!collapsed}
          aria-label={collapsed ? 'Show sync details' : 'Hide sync details'}
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
      return <p class="sl-muted">Asking the sync service about this record…</p>;
    case 'lookup-failed':
      return (
        <div>
          <p class="sl-error">Could not get the sync status: {view.message}</p>
          <button type="button" class="sl-button" onClick={props.onRetry}>
            Try again
          </button>
        </div>
      );
    case 'pick-company':
      return (
        <div>
          <p>Which company is this? SyncLens follows more than one QuickBooks Online company and this page does not say.</p>
          <label>
            <span class="sl-visually-hidden">Company</span>
            <select
              data-testid="chip-company-picker"
              onChange={(e) => props.onPickCompany((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="">Choose the company…</option>
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
  const record = `${entityLabel(link.entityType)}${link.name ? ` “${link.name}”` : ''}`;
  return (
    <div class="sl-chip-body">
      <p class="sl-muted">
        {view.companyName}
        {view.how === 'only-one' && ' (assumed: the only QuickBooks Online company SyncLens follows)'}
      </p>
      {link.status === 'synced' && (
        <p>
          {record} is in sync{link.lastSyncedAt ? `, last synced ${relativeAge(link.lastSyncedAt)} (${dayAndTime(link.lastSyncedAt)})` : ''}.
        </p>
      )}
      {link.status === 'awaiting-approval' && <p>{record} has a change waiting in the Sync Wizard. Approve it from the SyncLens popup.</p>}
      {link.status === 'pending' && <p>{record} is approved and waits in Pending. {pendingNote(system, connector)}</p>}
      {link.status === 'not-linked' && <p>The sync service has no record linked to this QuickBooks id.</p>}
      {link.status === 'failed' && (
        <div class="sl-failed">
          <p>{record} did not sync.</p>
          {link.errorMessage && <p class="sl-muted">QuickBooks said: “{link.errorMessage}”</p>}
          {explanation && (
            <div data-testid="chip-explanation">
              <Explanation explanation={explanation} compact />
            </div>
          )}
          <Actions {...props} />
        </div>
      )}
      {link.localUrl && (
        <p>
          <a href={link.localUrl} target="_blank" rel="noopener noreferrer">
            Open in the job app
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

/** What Pending waits for: the Web Connector (QuickBooks Desktop) or the next API run (Online). */
function pendingNote(system: RecordStatus['system'], connector: RecordStatus['connector']): string {
  if (system === 'qbo') return 'It syncs on the next run of the sync service.';
  const contact = connector.lastContactAt ? dayAndTime(connector.lastContactAt) : 'never';
  const overdue = connector.state !== 'ok' ? ' The Web Connector looks stalled: open it on the QuickBooks computer and run it (reconnect it if it asks).' : '';
  return `It syncs when the Web Connector runs; last contact ${contact}.${overdue}`;
}

function Actions(props: ChipProps & { view: Extract<ChipView, { kind: 'ready' }> }) {
  const { action, view } = props;
  const busy = action.kind === 'busy';
  if (action.kind === 'confirm-clear') {
    return (
      <div class="sl-confirm" data-testid="clear-id-confirm" role="alertdialog" aria-label="Confirm Clear ID">
        <p>
          <strong>Clear the QuickBooks ID?</strong> The link to this QuickBooks record is removed and the next sync creates a{' '}
          <strong>new</strong> QuickBooks record.
        </p>
        <p>
          That is the fix when the record was deleted in QuickBooks. If it still exists there, clearing makes a duplicate.
          {view.recordVisible
            ? ' This page still shows the record, so check that it is the one that failed (or that it is inactive) before you go on.'
            : ' QuickBooks does not show this record on this page, which fits a deleted record.'}
        </p>
        <div class="sl-row">
          <button type="button" class="sl-button sl-danger" onClick={onTrustedClick(props.onConfirmClearId)}>
            Clear ID
          </button>
          <button type="button" class="sl-button" onClick={props.onCancelClearId} autoFocus>
            Cancel
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="sl-row">
      <button type="button" class="sl-button sl-primary" data-testid="chip-resync" disabled={busy} onClick={onTrustedClick(props.onResync)}>
        {busy && action.action === 'resync' ? 'Resyncing…' : 'Resync'}
      </button>
      <button type="button" class="sl-button" data-testid="chip-clear-id" disabled={busy} onClick={onTrustedClick(props.onAskClearId)}>
        {busy && action.action === 'clear-id' ? 'Clearing…' : 'Clear ID'}
      </button>
    </div>
  );
}
