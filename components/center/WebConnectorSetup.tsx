/**
 * On a QuickBooks Desktop company's connector card: the download of its Web Connector file (.qwc)
 * and the few steps that connect the Web Connector on the QuickBooks computer.
 */
import type { Company } from '@/lib/api/schema';
import { t } from '@/lib/i18n/t';
import type { ConnectorFileStore } from './connector-file-store';

const STEPS = ['qwcStep1', 'qwcStep2', 'qwcStep3', 'qwcStep4'] as const;

/** `nested`: the card's title is an h3 (cards grouped per service), so the steps' title is an h4. */
export function WebConnectorSetup({ company, files, nested }: { company: Company; files: ConnectorFileStore; nested: boolean }) {
  const Title = nested ? 'h4' : 'h3';
  const state = files.stateOf(company.id);
  const busy = state.kind === 'busy';
  const stepsId = `qwc-steps-${company.id}`;
  return (
    <section class="qwc" data-testid="qwc-setup" aria-labelledby={stepsId}>
      <p class="qwc__download">
        {/* Stays focusable while busy (aria-disabled, not disabled), so keyboard focus is not lost. */}
        <button
          type="button"
          class="button"
          data-testid="qwc-download"
          aria-disabled={busy}
          aria-busy={busy}
          onClick={() => void files.download(company.id, company.name)}
        >
          {busy ? t('qwcDownloading') : t('qwcDownload')}
        </button>
      </p>
      {state.kind === 'error' && (
        <p class="inline-error" role="alert" data-testid="qwc-error">
          {state.message}
        </p>
      )}
      <p class="qwc__saved" role="status" data-testid="qwc-status">
        {state.kind === 'saved' ? t('qwcSaved', state.fileName) : ''}
      </p>
      <Title id={stepsId} class="qwc__title">
        {t('qwcStepsTitle')}
      </Title>
      <ol class="qwc__steps" data-testid="qwc-steps">
        {STEPS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
    </section>
  );
}
