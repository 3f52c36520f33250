/**
 * "Explain a QuickBooks error": paste a code or a whole raw error (JSON, XML, a log line) and read
 * what it means. Used by the popup and by the box the keyboard shortcut opens on QuickBooks pages.
 */
import { useSignal } from '@preact/signals';
import type { Reply } from '@/lib/messaging/protocol';
import type { ExplanationView } from '@/lib/messaging/overlay-commands';
import { Explanation } from './Explanation';

export type ExplainFn = (text: string, system?: 'qbo' | 'qbd') => Promise<Reply<{ explanations: ExplanationView[] }>>;

type LookupState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; explanations: ExplanationView[] }
  | { kind: 'error'; message: string };

export function ExplainLookup({ explain, autoFocus = false }: { explain: ExplainFn; autoFocus?: boolean }) {
  const text = useSignal('');
  const system = useSignal<'qbo' | 'qbd' | ''>('');
  const state = useSignal<LookupState>({ kind: 'idle' });

  const run = async (event: Event) => {
    event.preventDefault();
    if (!text.value.trim()) return;
    state.value = { kind: 'busy' };
    const reply = await explain(text.value, system.value || undefined);
    state.value = reply.ok ? { kind: 'done', explanations: reply.data.explanations } : { kind: 'error', message: reply.error.message };
  };

  return (
    <form class="sl-lookup" onSubmit={run}>
      <label class="sl-label" for="sl-explain-input">
        Error code or the whole error text
      </label>
      <textarea
        id="sl-explain-input"
        data-testid="explain-input"
        rows={3}
        placeholder='e.g. 6240, QBWC1039, 0x80040408 or a pasted Fault'
        value={text.value}
        autoFocus={autoFocus}
        onInput={(e) => (text.value = (e.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void run(e);
        }}
      />
      <div class="sl-row">
        <label>
          <span class="sl-visually-hidden">QuickBooks version</span>
          <select value={system.value} onChange={(e) => (system.value = (e.currentTarget as HTMLSelectElement).value as 'qbo' | 'qbd' | '')}>
            <option value="">Detect the QuickBooks version</option>
            <option value="qbo">QuickBooks Online</option>
            <option value="qbd">QuickBooks Desktop</option>
          </select>
        </label>
        <button type="submit" class="sl-button sl-primary" disabled={state.value.kind === 'busy'}>
          {state.value.kind === 'busy' ? 'Looking up…' : 'Explain'}
        </button>
      </div>
      <div data-testid="explain-result" aria-live="polite">
        {state.value.kind === 'error' && <p class="sl-error">{state.value.message}</p>}
        {state.value.kind === 'done' &&
          (state.value.explanations.length ? (
            state.value.explanations.map((e) => <Explanation key={`${e.system}:${e.code}`} explanation={e} />)
          ) : (
            <p class="sl-note">No QuickBooks error code found in that text.</p>
          ))}
      </div>
    </form>
  );
}
