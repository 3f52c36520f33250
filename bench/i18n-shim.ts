/**
 * The explanation lookup speaks through the extension's message catalog (chrome.i18n). Node has
 * none, so the benchmark answers from the shipped English catalog, as Chrome would. Imported
 * first by run.ts: `wxt/browser` reads the global when it is first imported.
 */
import en from '../public/_locales/en/messages.json' with { type: 'json' };

type Catalog = Record<string, { message: string }>;
const g = globalThis as { chrome?: unknown };
g.chrome ??= {
  runtime: { id: 'synclens-bench' },
  i18n: {
    getUILanguage: () => 'en-US',
    getMessage: (key: string, subs: string[] = []) =>
      (en as Catalog)[key]?.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '') ?? '',
  },
};
