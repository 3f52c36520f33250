/**
 * One QuickBooks error explained: code and title, what it means, the likely cause, numbered steps,
 * and what Resync / Clear ID can do. Every string is rendered as text.
 */
import './explain.css';
import { t, type MessageKey } from '@/lib/i18n/t';
import type { ExplanationView } from '@/lib/messaging/overlay-commands';

const SYSTEM_LABEL: Record<ExplanationView['system'], MessageKey> = {
  qbo: 'systemQbo',
  qbd: 'systemQbd',
  sdk: 'systemSdk',
  qbwc: 'systemQbwc',
  synclens: 'systemSyncLens',
};

export function Explanation({ explanation: e, compact = false }: { explanation: ExplanationView; compact?: boolean }) {
  return (
    <div class="sl-explanation" data-testid="explanation">
      <p class="sl-explanation-head">
        <span class="sl-code">{e.code}</span> <strong>{e.title}</strong>
        <span class="sl-system"> · {t(SYSTEM_LABEL[e.system])}</span>
      </p>
      {e.general && <p class="sl-note">{t('explainGeneralNote')}</p>}
      <p>{e.meaning}</p>
      {!compact && (
        <p>
          <em>{t('explainLikelyCause')} </em>
          {e.likelyCause}
        </p>
      )}
      {e.hints.map((hint) => (
        <p class="sl-hint" key={hint}>
          {hint}
        </p>
      ))}
      <ol class="sl-steps">
        {e.steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
      <p class="sl-note">
        {e.clearIdFixes
          ? t('explainClearIdFixes')
          : e.resyncAlone
            ? t('explainResyncAlone')
            : t('explainFixThenResync')}
      </p>
      {e.helpUrl && (
        <p>
          <a href={e.helpUrl} target="_blank" rel="noopener noreferrer">
            {t('explainIntuitHelp')}
          </a>
        </p>
      )}
      {!compact && (e.rawMessage || e.rawDetail) && (
        <details class="sl-raw">
          <summary>{t('explainRawSummary')}</summary>
          {e.rawMessage && <p>{e.rawMessage}</p>}
          {e.rawDetail && <p>{e.rawDetail}</p>}
        </details>
      )}
    </div>
  );
}
