/**
 * "Explain a QuickBooks error": paste a code or a whole raw error (JSON, XML, a log line) and read
 * what it means. Used by the popup and by the box the keyboard shortcut opens on QuickBooks pages.
 */
import { useState } from 'preact/hooks';
import type { Reply } from '@/lib/messaging/protocol';
import type { ExplanationView } from '@/lib/messaging/overlay-commands';
import { t } from '@/lib/i18n/t';
import { Explanation } from './Explanation';

export type ExplainFn = (text: string, system?: 'qbo' | 'qbd') => Promise<Reply<{ explanations: ExplanationView[] }>>;

type LookupState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; explanations: ExplanationView[] }
  | { kind: 'error'; message: string };

export function ExplainLookup({ explain, autoFocus = false }: { explain: ExplainFn; autoFocus?: boolean }) {
  // Plain hooks, not signals: this component also ships in the size-budgeted content script.
  const [text, setText] = useState('');
  const [system, setSystem] = useState<'qbo' | 'qbd' | ''>('');
  const [state, setState] = useState<LookupState>({ kind: 'idle' });

  const run = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return;
    setState({ kind: 'busy' });
    const reply = await explain(text, system || undefined);
    setState(reply.ok ? { kind: 'done', explanations: reply.data.explanations } : { kind: 'error', message: reply.error.message });
  };

  return (
    <form class="sl-lookup" onSubmit={run}>
      <label class="sl-label" for="sl-explain-input">
        {t('explainInputLabel')}
      </label>
      <textarea
        id="sl-explain-input"
        data-testid="explain-input"
        rows={3}
        placeholder={t('explainInputPlaceholder')}
        value={text}
        autoFocus={autoFocus}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void run(e);
        }}
      />
      <div class="sl-row">
        <label>
          <span class="sl-visually-hidden">{t('explainSystemLabel')}</span>
          <select value={system} onChange={(e) => setSystem((e.currentTarget as HTMLSelectElement).value as 'qbo' | 'qbd' | '')}>
            <option value="">{t('explainSystemDetect')}</option>
            <option value="qbo">{t('systemQbo')}</option>
            <option value="qbd">{t('systemQbd')}</option>
          </select>
        </label>
        <button type="submit" class="sl-button sl-primary" disabled={state.kind === 'busy'}>
          {state.kind === 'busy' ? t('explainLookingUp') : t('explainSubmit')}
        </button>
      </div>
      <div data-testid="explain-result" aria-live="polite">
        {state.kind === 'error' && <p class="sl-error">{state.message}</p>}
        {state.kind === 'done' &&
          (state.explanations.length ? (
            <>
              <LookupNote explanations={state.explanations} />
              {state.explanations.map((e) => (
                <Explanation key={`${e.system}:${e.code}`} explanation={e} />
              ))}
            </>
          ) : (
            <p class="sl-note">{t('explainNoCode')}</p>
          ))}
      </div>
    </form>
  );
}

/** How the lookup got there when the text held no code, or a number both QuickBooks versions use. */
function LookupNote({ explanations }: { explanations: ExplanationView[] }) {
  const first = explanations[0]!;
  const key = explanations.some((e) => e.ambiguous)
    ? 'explainAmbiguousNote'
    : first.match === 'possible'
      ? 'explainPossibleNote'
      : first.match === 'wording'
        ? 'explainWordingNote'
        : null;
  return key ? (
    <p class="sl-note" data-testid="explain-lookup-note">
      {t(key)}
    </p>
  ) : null;
}
