/** "Approve checked" with the one rule for every unchecked item, and the result of the last approval. */
import type { UncheckedMode } from '@/lib/api/schema';
import type { SelectionCounts } from '@/lib/approvals/selection';
import { formatCount } from '@/lib/format/amount';
import { t } from '@/lib/i18n/t';
import type { ApproveOutcome } from './store';

const hint = (mode: UncheckedMode) => (mode === 'clear' ? t('popupUncheckedHintClear') : t('popupUncheckedHintKeep'));

export function outcomeText(outcome: ApproveOutcome): string {
  switch (outcome.kind) {
    case 'success': {
      const parts = [
        outcome.approved === 1 ? t('popupOutcomeApprovedOne') : t('popupOutcomeApproved', formatCount(outcome.approved)),
        outcome.kept === 1 ? t('popupOutcomeKeptOne') : t('popupOutcomeKept', formatCount(outcome.kept)),
        outcome.cleared === 1 ? t('popupOutcomeClearedOne') : t('popupOutcomeCleared', formatCount(outcome.cleared)),
      ];
      if (outcome.skipped > 0) parts.push(outcome.skipped === 1 ? t('popupOutcomeSkippedOne') : t('popupOutcomeSkipped', formatCount(outcome.skipped)));
      return parts.join(' · ');
    }
    case 'queued':
      return t('popupOutcomeQueued');
    case 'error':
      return t('popupOutcomeError', outcome.message);
  }
}

export interface ApproveBarProps {
  counts: SelectionCounts;
  mode: UncheckedMode;
  approving: boolean;
  canApprove: boolean;
  outcome: ApproveOutcome | null;
  onMode: (mode: UncheckedMode) => void;
  onApprove: () => void;
}

export function ApproveBar({ counts, mode, approving, canApprove, outcome, onMode, onApprove }: ApproveBarProps) {
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
              <span class="spinner" aria-hidden="true" /> {t('popupApproving')}
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
      <p
        class={`approve-result${outcome ? ` approve-result--${outcome.kind}` : ''}`}
        data-testid="approve-result"
        role="status"
        aria-live="polite"
      >
        {outcome ? outcomeText(outcome) : ''}
      </p>
    </footer>
  );
}
