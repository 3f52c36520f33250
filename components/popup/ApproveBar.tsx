/** "Approve checked" with the one rule for every unchecked item, and the result of the last approval. */
import type { UncheckedMode } from '@/lib/api/schema';
import type { SelectionCounts } from '@/lib/approvals/selection';
import type { ApproveOutcome } from './store';

const HINTS: Record<UncheckedMode, string> = {
  keep: 'Unchecked items come back after the next sync.',
  clear: 'Unchecked items are dismissed.',
};

export function outcomeText(outcome: ApproveOutcome): string {
  switch (outcome.kind) {
    case 'success': {
      const parts = [`${outcome.approved} approved`, `${outcome.kept} kept for next time`, `${outcome.cleared} cleared`];
      if (outcome.skipped > 0) parts.push(`${outcome.skipped} already handled`);
      return parts.join(' · ');
    }
    case 'queued':
      return 'The sync service did not answer, so your approval is saved and will be sent automatically.';
    case 'error':
      return `Nothing was approved. ${outcome.message}`;
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
              <span class="spinner" aria-hidden="true" /> Approving…
            </>
          ) : counts.checked > 0 ? (
            `Approve checked (${counts.checked})`
          ) : (
            'Approve checked'
          )}
        </button>
        <select
          class="select"
          data-testid="unchecked-mode"
          aria-label="What happens to unchecked items"
          aria-describedby="unchecked-hint"
          value={mode}
          onChange={(e) => onMode(e.currentTarget.value === 'clear' ? 'clear' : 'keep')}
        >
          <option value="keep">Keep unchecked</option>
          <option value="clear">Clear unchecked</option>
        </select>
      </div>
      <p id="unchecked-hint" class={`approve-bar__hint${mode === 'clear' ? ' approve-bar__hint--clear' : ''}`} data-testid="unchecked-hint">
        {HINTS[mode]}
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
