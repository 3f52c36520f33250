/**
 * What opens under a row: the explanation of its QuickBooks error (with a link to the record a
 * 6140 points at), or the Clear ID confirmation with the "check QuickBooks first" warning.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Company } from '@/lib/api/schema';
import { qboLinkFor } from '@/lib/center/links';
import type { PreparedRow } from '@/lib/center/unsynced-rows';
import { explainFailure } from '@/lib/errors/explanation-view';
import { formatCount } from '@/lib/format/amount';
import { entityLabel } from '@/lib/format/labels';
import { Explanation } from '../errors/Explanation';
import { dateTime } from '@/lib/format/time';
import { t } from '@/lib/i18n/t';
import { rowTitle } from './UnsyncedRow';


export function ExplainPanel({ row, company }: { row: PreparedRow; company: Company | undefined }) {
  const { item } = row;
  const explanation = explainFailure({ errorCode: item.errorCode, errorMessage: item.errorMessage, errorDetail: item.errorDetail }, row.system);
  const related = explanation.relatedRecord;
  const relatedUrl = related ? qboLinkFor(company, related.entityType, related.qbId) : null;
  return (
    <div class="rowpanel" data-testid="row-explanation" role="region" aria-label={t('centerExplanationFor', rowTitle(row))}>
      <Explanation explanation={explanation} />
      {related && relatedUrl && (
        <p>
          <a href={relatedUrl} target="_blank" rel="noopener noreferrer" data-testid="related-record-link">
            {t('centerOpenRelated', entityLabel(related.entityType).toLocaleLowerCase())}
          </a>
        </p>
      )}
      {related && !relatedUrl && row.system === 'qbd' && <p class="muted">{t('centerQbdNote')}</p>}
      <p class="muted rowpanel__facts">
        {t('centerFirstFailed', dateTime(item.firstFailedAt))} · {item.attempts === 1 ? t('centerAttemptsOne') : t('centerAttemptsMany', formatCount(item.attempts))}
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
      aria-label={t('centerConfirmClearLabel', rowTitle(row))}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p>
        <strong>{t('clearIdQuestion')}</strong> {t('centerClearIdEffect', item.qbId ?? '')}
      </p>
      <p>
        {t('centerClearIdWhen')}
      </p>
      {qboUrl ? (
        <p>
          <a href={qboUrl} target="_blank" rel="noopener noreferrer" data-testid="confirm-open-qbo">
            {t('centerOpenToCheck')}
          </a>
        </p>
      ) : (
        row.system === 'qbd' && <p class="muted">{t('centerQbdNote')}</p>
      )}
      <div class="rowpanel__buttons">
        <button type="button" class="button button--danger" data-testid="confirm-clear-id" onClick={onConfirm}>
          {t('actionClearId')}
        </button>
        <button type="button" class="button" data-testid="cancel-clear-id" ref={cancel} onClick={onCancel}>
          {t('commonCancel')}
        </button>
      </div>
    </div>
  );
}
