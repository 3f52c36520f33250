/**
 * `npm run bench`: every speed and size target of the issues, measured, and written to
 * docs/benchmarks.md, with each row's headline figure stored in docs/benchmarks.json. The next
 * full run compares its figures with the stored ones and says, per figure, whether the two runs
 * agree within 15 %. Targets are checked here, never as timed assertions in the tests.
 *
 * One suite on its own (prints, compares with the stored figures, writes nothing):
 *   npx tsx bench/run.ts popup            (ids: popup, overlay, center, server, explain, qbo-online, qbwc, hosted)
 */
// First: the lookup's words come from chrome.i18n, read when wxt/browser is first imported.
import './i18n-shim';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { benchServer } from './server';
import { benchOverlay } from './overlay';
import { benchPopup } from './popup';
import { benchCenter } from './center';
import { benchExplain } from './explain';
import { benchQboOnline } from './qbo-online';
import { benchQbwc } from './qbwc';
import { benchHosted } from './hosted';
import { compareWithPrevious, type BenchRow, type StoredRun } from './report';

export type { BenchRow } from './report';

const MD = 'docs/benchmarks.md';
const JSON_FILE = 'docs/benchmarks.json';

// The browser suites go first: the server suite leaves a large heap behind (100,000-row databases)
// whose clean-up would otherwise compete with Chromium for the two cores.
const suites: { id: string; title: string; run: () => Promise<BenchRow[]> }[] = [
  { id: 'popup', title: 'Popup in Chromium', run: benchPopup },
  { id: 'overlay', title: 'QuickBooks Online overlay in Chromium', run: benchOverlay },
  { id: 'center', title: 'Sync Center in Chromium', run: benchCenter },
  { id: 'server', title: 'Reference server', run: benchServer },
  { id: 'explain', title: 'Explain a QuickBooks error (Node)', run: benchExplain },
  { id: 'qbo-online', title: 'QuickBooks Online over the wire (emulator)', run: benchQboOnline },
  { id: 'qbwc', title: 'QuickBooks Desktop through the Web Connector (simulator)', run: benchQbwc },
  { id: 'hosted', title: 'Hosted scale: SQLite and two instances on PostgreSQL', run: benchHosted },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !suites.some((s) => s.id === id));
if (unknown.length) {
  console.error(`Unknown suite(s): ${unknown.join(', ')}. Known: ${suites.map((s) => s.id).join(', ')}`);
  process.exit(2);
}
const selected = wanted.length ? suites.filter((s) => wanted.includes(s.id)) : suites;
const fullRun = selected.length === suites.length;

const previous: StoredRun | null = existsSync(JSON_FILE) ? (JSON.parse(readFileSync(JSON_FILE, 'utf8')) as StoredRun) : null;
const chromium = (() => {
  try {
    const out = execFileSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.match(/Chromium [\d.]+/)?.[0] ?? 'Chromium';
  } catch {
    return 'Chromium (version unknown)';
  }
})();
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${chromium}`;
// How busy the machine was when the run began (1-minute load average): shared machines vary.
const loadAtStart = loadavg()[0]!.toFixed(1);
const today = new Date().toISOString().slice(0, 10);
const figures: StoredRun['figures'] = {};
const sections: string[] = [];
let failures = 0;
let disagreements = 0;

for (const suite of selected) {
  console.log(`\n== ${suite.title}`);
  const rows = await suite.run();
  const lines: string[] = [];
  for (const row of rows) {
    const id = row.key ? `${suite.id}/${row.key}` : null;
    const agreement = compareWithPrevious(row, id ? previous?.figures[id] : undefined);
    if (id && row.figure) figures[id] = row.figure;
    if (agreement.agrees === false) disagreements++;
    if (!row.pass) failures++;
    const ratio = row.ratio !== undefined ? `${row.ratio.toFixed(2)}× ` : '';
    console.log(
      `${row.pass ? 'PASS' : 'FAIL'}  ${row.name}: ${ratio}${row.value}${row.baseline ? ` (baseline: ${row.baseline})` : ''} ` +
        `(target ${row.target}) [vs previous run: ${agreement.text.replace(/\*/g, '')}]`,
    );
    lines.push(
      `| ${row.name} | ${row.ratio !== undefined ? `**${row.ratio.toFixed(2)}×**` : '—'} | ${row.baseline ?? '—'} | ${row.value} | ${row.target} | ` +
        `${row.pass ? 'yes' : '**no**'} | ${agreement.text} |`,
    );
  }
  sections.push(
    `## ${suite.title}\n\n| measure | ratio to baseline | baseline (same run) | result | target | met | vs previous run |\n` +
      `|---|---|---|---|---|---|---|\n${lines.join('\n')}`,
  );
}

if (fullRun) {
  const prevLine = previous
    ? `Compared with the previous run stored in \`${JSON_FILE}\` (${previous.date}, ${previous.machine}): ` +
      (disagreements ? `**${disagreements} figure(s) moved by more than 15 %**.` : 'every compared figure agrees within 15 %.')
    : `No previous run stored in \`${JSON_FILE}\`: nothing to compare with yet.`;
  writeFileSync(
    MD,
    `# Benchmarks\n\nWritten by \`npm run bench\` on ${today} (${machine}; load average ${loadAtStart} when it began).\n\n` +
      `Timings are medians. Each timing stands beside a baseline measured in the same run on the same machine, ` +
      `and its target is a ratio to that baseline; the absolute figures are kept for reference. ` +
      `The last column compares each row's headline figure (the ratio where there is one) with the previous run: ` +
      `two consecutive runs agree when it moved by at most 15 %.\n\n${prevLine}\n\n${sections.join('\n\n')}\n`,
  );
  writeFileSync(JSON_FILE, `${JSON.stringify({ date: today, machine, figures } satisfies StoredRun, null, 2)}\n`);
  console.log(`\nWrote ${MD} and ${JSON_FILE}${failures ? ` (${failures} target(s) missed)` : ''}`);
} else {
  console.log(`\nOne suite run on its own: ${MD} and ${JSON_FILE} left as they are.`);
}
if (disagreements) console.log(`${disagreements} figure(s) differ from the previous run by more than 15 %.`);
process.exit(failures ? 1 : 0);
