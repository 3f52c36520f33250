/** "Approve checked" with the one rule for every unchecked item, and the result of the last approval. */
import type { UncheckedMode } from '@/lib/api/schema';
import type { SelectionCounts } from '@/lib/approvals/selection';
import { formatCount } from '@/lib/format/amount';
import { t } from '@/lib/i18n/t';
import type { ApproveCounts, ApproveOutcome } from './store';

const hint = (mode: UncheckedMode) => (mode === 'clear' ? t('popupUncheckedHintClear') : t('popupUncheckedHintKeep'));

function countsText(counts: ApproveCounts): string {
  const parts = [
    counts.approved === 1 ? t('popupOutcomeApprovedOne') : t('popupOutcomeApproved', formatCount(counts.approved)),
    counts.kept === 1 ? t('popupOutcomeKeptOne') : t('popupOutcomeKept', formatCount(counts.kept)),
    counts.cleared === 1 ? t('popupOutcomeClearedOne') : t('popupOutcomeCleared', formatCount(counts.cleared)),
  ];
  if (counts.skipped > 0) parts.push(counts.skipped === 1 ? t('popupOutcomeSkippedOne') : t('popupOutcomeSkipped', formatCount(counts.skipped)));
  return parts.join(' · ');
}

export function outcomeText(outcome: ApproveOutcome): string {
  switch (outcome.kind) {
    case 'success':
      return countsText(outcome);
    case 'confirming':
      return outcome.message;
    case 'not-done':
      return t('popupOutcomeNotDone', outcome.message);
    case 'partial':
      return t('popupOutcomePartial', formatCount(outcome.reviewed), formatCount(outcome.total), countsText(outcome), outcome.message);
    case 'error':
      return t('popupOutcomeError', outcome.message);
  }
}

/**
 * The result of the last approval, in a place of its own above the lists (never over the rows),
 * announced politely to screen readers and dismissible.
 */
export function ApproveResult({ outcome, onDismiss }: { outcome: ApproveOutcome | null; onDismiss: () => void }) {
  const tone = outcome?.kind === 'success' ? 'success' : outcome?.kind === 'error' ? 'error' : outcome ? 'queued' : '';
  return (
    <div class={`approve-result${tone ? ` approve-result--${tone}` : ''}`} data-testid="approve-result-box" data-kind={outcome?.kind ?? ''}>
      <p class="approve-result__text" data-testid="approve-result" role="status" aria-live="polite">
        {outcome ? outcomeText(outcome) : ''}
      </p>
      {outcome && outcome.kind !== 'confirming' && (
        <button type="button" class="icon-button approve-result__close" data-testid="approve-result-dismiss" aria-label={t('commonDismiss')} title={t('commonDismiss')} onClick={onDismiss}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}

export interface ApproveBarProps {
  counts: SelectionCounts;
  mode: UncheckedMode;
  approving: boolean;
  canApprove: boolean;
  /** Reviewed items sent so far, while a big approval goes out in several requests. */
  progress: { done: number; total: number } | null;
  /** The service refused its token: approving is off, and the bar says why. */
  signedOut: boolean;
  onMode: (mode: UncheckedMode) => void;
  onApprove: () => void;
}

export function ApproveBar({ counts, mode, approving, canApprove, progress, signedOut, onMode, onApprove }: ApproveBarProps) {
  return (
    <footer class="approve-bar">
      <div class="approve-bar__controls">
        <button
          type="button"
          class="button button--primary"
          data-testid="approve-checked"
          disabled={!canApprove}
          aria-busy={approving}
          onClick={onApprove}
        >
          {approving ? (
            <>
              <span class="spinner" aria-hidden="true" />{' '}
              {progress ? t('popupApprovingProgress', formatCount(progress.done), formatCount(progress.total)) : t('popupApproving')}
            </>
          ) : counts.checked > 0 ? (
            t('popupApproveCheckedCount', formatCount(counts.checked))
          ) : (
            t('popupApproveChecked')
          )}
        </button>
        <select
          class="select"
          data-testid="unchecked-mode"
          aria-label={t('popupUncheckedModeLabel')}
          aria-describedby="unchecked-hint"
          value={mode}
          onChange={(e) => onMode(e.currentTarget.value === 'clear' ? 'clear' : 'keep')}
        >
          <option value="keep">{t('popupKeepUnchecked')}</option>
          <option value="clear">{t('popupClearUnchecked')}</option>
        </select>
      </div>
      <p id="unchecked-hint" class={`approve-bar__hint${mode === 'clear' ? ' approve-bar__hint--clear' : ''}`} data-testid="unchecked-hint">
        {hint(mode)}
      </p>
      {progress && (
        <progress class="approve-bar__progress" data-testid="approve-progress" max={progress.total} value={progress.done} aria-label={t('popupApprovingProgress', formatCount(progress.done), formatCount(progress.total))} />
      )}
      {signedOut && (
        <p class="approve-bar__blocked" data-testid="approve-blocked">
          {t('popupApproveSignedOut')}
        </p>
      )}
    </footer>
  );
}
