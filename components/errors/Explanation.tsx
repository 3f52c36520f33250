/**
 * One QuickBooks error explained: code and title, what it means, the likely cause, numbered steps,
 * and what Resync / Clear ID can do. Every string is rendered as text.
 */
import './explain.css';
import type { ExplanationView } from '@/lib/messaging/overlay-commands';

const SYSTEM_LABEL: Record<ExplanationView['system'], string> = {
  qbo: 'QuickBooks Online',
  qbd: 'QuickBooks Desktop',
  sdk: 'QuickBooks Desktop connection',
  qbwc: 'Web Connector',
};

export function Explanation({ explanation: e, compact = false }: { explanation: ExplanationView; compact?: boolean }) {
  return (
    <div class="sl-explanation" data-testid="explanation">
      <p class="sl-explanation-head">
        <span class="sl-code">{e.code}</span> <strong>{e.title}</strong>
        <span class="sl-system"> · {SYSTEM_LABEL[e.system]}</span>
      </p>
      {e.general && <p class="sl-note">This code is not in our catalog; the help below is general for its range.</p>}
      <p>{e.meaning}</p>
      {!compact && (
        <p>
          <em>Likely cause: </em>
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
          ? 'Clear ID is the usual fix: the QuickBooks record is gone, so the next sync should create a new one.'
          : e.resyncAlone
            ? 'Nothing in the data needs to change: Resync once the cause has passed.'
            : 'Fix the data first, then Resync.'}
      </p>
      {e.helpUrl && (
        <p>
          <a href={e.helpUrl} target="_blank" rel="noopener noreferrer">
            Intuit help on this error
          </a>
        </p>
      )}
      {!compact && (e.rawMessage || e.rawDetail) && (
        <details class="sl-raw">
          <summary>What QuickBooks said</summary>
          {e.rawMessage && <p>{e.rawMessage}</p>}
          {e.rawDetail && <p>{e.rawDetail}</p>}
        </details>
      )}
    </div>
  );
}
