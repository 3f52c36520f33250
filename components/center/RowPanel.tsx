/**
 * What opens under a row: the explanation of its QuickBooks error (with a link to the record a
 * 6140 points at), or the Clear ID confirmation with the "check QuickBooks first" warning.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Company } from '@/lib/api/schema';
import { qboLinkFor } from '@/lib/center/links';
import type { PreparedRow } from '@/lib/center/unsynced-rows';
import { explainFailure } from '@/lib/errors/explanation-view';
import { entityLabel } from '@/lib/format/labels';
import { Explanation } from '../errors/Explanation';
import { rowTitle } from './UnsyncedRow';

const QBD_NOTE = 'QuickBooks Desktop: open it in QuickBooks on the office computer.';

export function ExplainPanel({ row, company }: { row: PreparedRow; company: Company | undefined }) {
  const { item } = row;
  const explanation = explainFailure({ errorCode: item.errorCode, errorMessage: item.errorMessage, errorDetail: item.errorDetail }, row.system);
  const related = explanation.relatedRecord;
  const relatedUrl = related ? qboLinkFor(company, related.entityType, related.qbId) : null;
  return (
    <div class="rowpanel" data-testid="row-explanation" role="region" aria-label={`Explanation for ${rowTitle(row)}`}>
      <Explanation explanation={explanation} />
      {related && relatedUrl && (
        <p>
          <a href={relatedUrl} target="_blank" rel="noopener noreferrer" data-testid="related-record-link">
            Open the {entityLabel(related.entityType).toLowerCase()} that already uses this number in QuickBooks
          </a>
        </p>
      )}
      {related && !relatedUrl && row.system === 'qbd' && <p class="muted">{QBD_NOTE}</p>}
      <p class="muted rowpanel__facts">
        First failed {new Date(item.firstFailedAt).toLocaleString()} · {item.attempts} {item.attempts === 1 ? 'attempt' : 'attempts'}
      </p>
    </div>
  );
}

export function ConfirmClearPanel({
  row,
  company,
  onConfirm,
  onCancel,
}: {
  row: PreparedRow;
  company: Company | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Focus the safe choice; when the panel closes, give focus back to the button that opened it.
    const opener = document.activeElement as HTMLElement | null;
    cancel.current?.focus();
    return () => {
      if (opener?.isConnected && (document.activeElement === document.body || document.activeElement === null)) opener.focus();
    };
  }, []);
  const { item } = row;
  const qboUrl = qboLinkFor(company, item.entityType, item.qbId);
  return (
    <div
      class="rowpanel rowpanel--confirm"
      data-testid="clear-id-confirm"
      role="alertdialog"
      aria-label={`Confirm Clear ID for ${rowTitle(row)}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p>
        <strong>Clear the QuickBooks ID?</strong> The link to QuickBooks record {item.qbId ?? ''} is removed and the next sync creates a{' '}
        <strong>new</strong> QuickBooks record.
      </p>
      <p>
        That is the fix when the record was deleted in QuickBooks. If it still exists there, clearing makes a duplicate, so check
        QuickBooks first.
      </p>
      {qboUrl ? (
        <p>
          <a href={qboUrl} target="_blank" rel="noopener noreferrer" data-testid="confirm-open-qbo">
            Open in QuickBooks to check
          </a>
        </p>
      ) : (
        row.system === 'qbd' && <p class="muted">{QBD_NOTE}</p>
      )}
      <div class="rowpanel__buttons">
        <button type="button" class="button button--danger" data-testid="confirm-clear-id" onClick={onConfirm}>
          Clear ID
        </button>
        <button type="button" class="button" data-testid="cancel-clear-id" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
