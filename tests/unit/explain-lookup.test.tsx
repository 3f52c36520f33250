import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { ExplainLookup } from '@/components/errors/ExplainLookup';
import { explainText } from '@/lib/errors/explanation-view';
import { renderRoot } from './render-root';

const page = renderRoot();

/** The lookup as the background answers it, without the message round trip. */
const explain = async (text: string, system?: 'qbo' | 'qbd') => ({ ok: true as const, data: { explanations: explainText(text, system) } });

async function lookUp(text: string) {
  const root = page();
  await act(() => render(<ExplainLookup explain={explain} />, root));
  const input = root.querySelector<HTMLTextAreaElement>('[data-testid="explain-input"]')!;
  await act(async () => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  return {
    codes: [...root.querySelectorAll('[data-testid="explanation"] .sl-code')].map((e) => e.textContent),
    note: root.querySelector('[data-testid="explain-lookup-note"]')?.textContent ?? null,
  };
}

describe('Explain box: how it got there (issue 9)', () => {
  it('says when it recognised the error by QuickBooks\' wording alone', async () => {
    const { codes, note } = await lookUp('Duplicate Document Number Error');
    expect(codes[0]).toBe('6140');
    expect(note).toMatch(/no code: SyncLens recognised the error by QuickBooks' wording/);
  });

  it('shows both meanings of a bare shared number, and says why', async () => {
    const { codes, note } = await lookUp('Error 3200');
    expect(codes).toEqual(['3200', '3200']);
    expect(note).toMatch(/means different things in QuickBooks Online and QuickBooks Desktop/);
  });

  it('says nothing extra for a plain code', async () => {
    const { codes, note } = await lookUp('6240');
    expect(codes).toEqual(['6240']);
    expect(note).toBeNull();
  });
});
