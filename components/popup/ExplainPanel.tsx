/**
 * "Explain a QuickBooks error" in the popup. The lookup is loaded only when the panel is opened,
 * so it costs nothing on the popup's first paint.
 */
import { useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { t } from '@/lib/i18n/t';
import type { ExplainFn } from '../errors/ExplainLookup';

type Lookup = ComponentType<{ explain: ExplainFn; autoFocus?: boolean }>;

export function ExplainPanel({ explain }: { explain: ExplainFn }) {
  const [Lookup, setLookup] = useState<Lookup | null>(null);
  const [failed, setFailed] = useState(false);
  const load = () => {
    if (Lookup) return;
    import('../errors/ExplainLookup').then(
      (module) => setLookup(() => module.ExplainLookup),
      () => setFailed(true),
    );
  };
  return (
    <details class="explain-panel" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && load()}>
      <summary data-testid="explain-open">{t('explainTitle')}</summary>
      {Lookup ? <Lookup explain={explain} autoFocus /> : <p class="muted">{failed ? t('explainLoadFailed') : t('commonLoading')}</p>}
    </details>
  );
}
