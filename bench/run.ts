/**
 * `npm run bench`: every speed and size target of the issues, measured, and written to
 * docs/benchmarks.md. Targets are checked here, never as timed assertions in the tests.
 */
// First: the lookup's words come from chrome.i18n, read when wxt/browser is first imported.
import './i18n-shim';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchServer } from './server';
import { benchOverlay } from './overlay';
import { benchPopup } from './popup';
import { benchCenter } from './center';
import { benchExplain } from './explain';
import { benchQboOnline } from './qbo-online';
import { benchQbwc } from './qbwc';

export interface BenchRow {
  name: string;
  value: string;
  target: string;
  pass: boolean;
}

// The browser suites go first: the server suite leaves a large heap behind (100,000-row databases)
// whose clean-up would otherwise compete with Chromium for the two cores.
const suites: [string, () => Promise<BenchRow[]>][] = [
  ['Popup in Chromium', benchPopup],
  ['QuickBooks Online overlay in Chromium', benchOverlay],
  ['Sync Center in Chromium', benchCenter],
  ['Reference server', benchServer],
  ['Explain a QuickBooks error (Node)', benchExplain],
  ['QuickBooks Online over the wire (emulator)', benchQboOnline],
  ['QuickBooks Desktop through the Web Connector (simulator)', benchQbwc],
];

const sections: string[] = [];
let failures = 0;
for (const [title, run] of suites) {
  console.log(`\n== ${title}`);
  const rows = await run();
  for (const row of rows) {
    console.log(`${row.pass ? 'PASS' : 'FAIL'}  ${row.name}: ${row.value} (target ${row.target})`);
    if (!row.pass) failures++;
  }
  sections.push(
    `## ${title}\n\n| measure | result | target | met |\n|---|---|---|---|\n` +
      rows.map((r) => `| ${r.name} | ${r.value} | ${r.target} | ${r.pass ? 'yes' : '**no**'} |`).join('\n'),
  );
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`;
writeFileSync(
  'docs/benchmarks.md',
  `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${machine}).\n` +
    `Each target comes from an issue; timings are medians unless said otherwise.\n\n${sections.join('\n\n')}\n`,
);
console.log(`\nWrote docs/benchmarks.md${failures ? ` (${failures} target(s) missed)` : ''}`);
process.exit(failures ? 1 : 0);
