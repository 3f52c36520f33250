/**
 * One unsynced entity as a table row of fixed height, with its actions. What is open under the row
 * (explanation, Clear ID confirmation) is rendered by RowPanel. Every string is rendered as text.
 * A row re-renders only when one of its props changed: the table passes stable callbacks, so a
 * filter change or a scroll renders just the rows that are new in the window.
 */
import { Component } from 'preact';
import type { Company } from '@/lib/api/schema';
import { rowView } from '@/lib/center/row-view';
import type { PreparedRow } from '@/lib/center/unsynced-rows';
import { t } from '@/lib/i18n/t';
import type { RowAction } from './store';

export { rowTitle } from '@/lib/center/row-view';

export interface RowProps {
  row: PreparedRow;
  company: Company | undefined;
  selected: boolean;
  action: RowAction | undefined;
  openKind: 'explain' | 'confirm-clear' | null;
  now: Date;
  rowIndex: number;
  /** This row holds the table's tab stop (roving tabindex): it and its controls are tabbable. */
  tabbable: boolean;
  onFocusRow: (key: string) => void;
  onSelect: (key: string, on: boolean) => void;
  onResync: (key: string) => void;
  onAskClearId: (key: string) => void;
  onExplain: (key: string) => void;
}

function stateText(row: PreparedRow, action: RowAction | undefined): { text: string; tone: string } {
  if (action?.kind === 'busy') return { text: action.action === 'resync' ? t('actionResyncing') : t('actionClearing'), tone: 'busy' };
  if (action?.kind === 'error') return { text: t('centerRowNotDone', action.message), tone: 'error' };
  if (action?.kind === 'cleared') return { text: t('centerRowIdCleared'), tone: 'ok' };
  if (row.item.state === 'resync-queued' || action?.kind === 'queued') return { text: t('centerRowQueued'), tone: 'queued' };
  return { text: t('centerRowFailed'), tone: 'failed' };
}

/** Compact link icons: the row's actions must fit a 400 px side panel in every language. */
function LedgerIcon() {
  return (
    <svg class="icon-link__svg" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="2.5" y="1.5" width="11" height="13" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.4" />
      <path d="M5 5h6M5 8h6M5 11h4" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" />
    </svg>
  );
}

function OpenIcon() {
  return (
    <svg class="icon-link__svg" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M9 2.5h4.5V7M13.5 2.5 7.5 8.5" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round" />
      <path d="M12 10v3a1 1 0 0 1-1 1H3.5a1 1 0 0 1-1-1V5.5a1 1 0 0 1 1-1H6" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" />
    </svg>
  );
}

function UnsyncedRowView(p: RowProps) {
  const { row, company, action } = p;
  const { item } = row;
  const view = rowView(row, company, p.now);
  const { qboUrl, localUrl } = view;
  const state = stateText(row, action);
  const busy = action?.kind === 'busy';
  const tab = p.tabbable ? 0 : -1;
  return (
    <div
      class={`urow${p.selected ? ' urow--selected' : ''}${p.openKind ? ' urow--open' : ''}`}
      role="row"
      aria-rowindex={p.rowIndex}
      tabIndex={tab}
      onFocusIn={() => p.onFocusRow(row.key)}
      data-testid="unsynced-row"
      data-row-key={row.key}
      data-unsynced-id={item.id}
      data-company-id={item.companyId}
      data-state={action?.kind === 'queued' ? 'resync-queued' : item.state}
    >
      <div class="ucell ucell--select" role="cell">
        <input
          type="checkbox"
          data-testid="row-select"
          tabIndex={tab}
          checked={p.selected}
          aria-label={view.selectLabel}
          onChange={(e) => p.onSelect(row.key, e.currentTarget.checked)}
        />
      </div>
      <div class="ucell ucell--type" role="cell">
        {view.typeLabel}
      </div>
      <div class="ucell ucell--name" role="cell">
        {/* Full text on hover (title) and on keyboard focus of the row (center.css: .ucell__peek). */}
        <span class="ucell__main ucell__peek" data-testid="row-name" title={item.name}>
          {item.name}
        </span>
        {item.docNumber && <span class="ucell__sub">#{item.docNumber}</span>}
      </div>
      <div class="ucell ucell--code" role="cell">
        <span class="code-pill" data-testid="row-code">
          {row.code}
        </span>{' '}
        <span class="ucell__sub ucell__title ucell__peek" data-testid="row-code-title" title={row.codeTitle}>
          {row.codeTitle}
        </span>
      </div>
      <div class="ucell ucell--message" role="cell" title={item.errorMessage}>
        {item.errorMessage}
      </div>
      <div class="ucell ucell--attempts" role="cell">
        {item.attempts}
      </div>
      <div class="ucell ucell--last" role="cell">
        {view.lastAttempt}
      </div>
      <div class={`ucell ucell--state state--${state.tone}`} role="cell" data-testid="row-state">
        <span title={state.text}>{state.text}</span>
      </div>
      <div class="ucell ucell--actions" role="cell">
        <button type="button" class="button button--small" data-testid="row-resync"
          tabIndex={tab} disabled={busy} aria-label={view.resyncLabel} onClick={() => p.onResync(row.key)}>
          {t('actionResync')}
        </button>
        <button
          type="button"
          class="button button--small"
          data-testid="row-clear-id"
          tabIndex={tab}
          disabled={busy || !item.qbId}
          title={item.qbId ? undefined : t('centerRowNotLinked')}
          aria-label={view.clearIdLabel}
          aria-expanded={p.openKind === 'confirm-clear'}
          onClick={() => p.onAskClearId(row.key)}
        >
          {t('actionClearId')}
        </button>
        <button
          type="button"
          class="button button--small"
          data-testid="row-explain"
          tabIndex={tab}
          aria-expanded={p.openKind === 'explain'}
          aria-label={view.explainLabel}
          onClick={() => p.onExplain(row.key)}
        >
          {t('explainSubmit')}
        </button>
        {qboUrl && (
          <a class="icon-link" data-testid="row-open-qbo" tabIndex={tab} href={qboUrl} target="_blank" rel="noopener noreferrer" title={t('centerOpenInQuickBooks')}>
            <LedgerIcon />
            <span class="sr-only">{view.openQboText}</span>
          </a>
        )}
        {localUrl && (
          <a class="icon-link" data-testid="row-open-local" tabIndex={tab} href={localUrl} target="_blank" rel="noopener noreferrer" title={t('centerOpenInService')}>
            <OpenIcon />
            <span class="sr-only">{view.openLocalText}</span>
          </a>
        )}
      </div>
    </div>
  );
}

/** UnsyncedRowView, skipped when every prop is the same as last time (a shallow memo without preact/compat). */
export class UnsyncedRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    for (const key in next) if (next[key as keyof RowProps] !== this.props[key as keyof RowProps]) return true;
    return false;
  }

  override render() {
    // Called as a function: no hooks inside, and one component per row instead of two.
    return UnsyncedRowView(this.props);
  }
}
