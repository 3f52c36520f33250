/**
 * "Explain a QuickBooks error" on big pastes: a 20 KB Web Connector log with codes, a 20 KB text
 * whose only clues are QuickBooks' wordings, and a typical one-fault paste. Runs the lookup the
 * extension runs (explainText), in Node, after a warm-up (the wording index is built on first use,
 * and that first call is reported on its own).
 */
import { explainText } from '../lib/errors/explanation-view.ts';
import { ALL_ENTRIES } from '../lib/errors/catalog/index.ts';
import type { BenchRow } from './server.ts';

const TARGET_MS = 5;
const RUNS = 60;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function fill(lines: string[], bytes: number): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = lines[i % lines.length]!.replace('#', String(1000 + i));
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n').slice(0, bytes);
}

/** A Web Connector log: mostly routine lines, a few failures with codes. */
const LOG = fill(
  [
    '20261202.09:01:0#  I  4812  RequestProcessor: Connection opened by app named "Tree Care Sync"',
    '20261202.09:01:0#  I  4812  QBWebConnector.SOAPWebService.do_sendRequestXML(): Request # sent to QuickBooks.',
    '20261202.09:01:0#  I  4812  QBWebConnector.SOAPWebService.do_receiveResponseXML(): Response received, 100% done.',
    '<CustomerAddRs requestID="#" statusCode="3100" statusSeverity="Error" statusMessage="The name &quot;Oak Hollow HOA&quot; of the list element is already in use." />',
    '20261202.09:01:0#  I  4812  QBWebConnector.WebServiceManager.DoUpdateSelected(): Update completed with errors.',
    '<InvoiceModRs requestID="#" statusCode="3200" statusSeverity="Error" statusMessage="The provided edit sequence &quot;16142#&quot; is out-of-date." />',
  ],
  20_000,
);

/** No code at all: what someone copies out of an app's error list, padded with ordinary text. */
const WORDINGS = fill(
  [
    'Sync failed for invoice #: Duplicate Document Number Error',
    'Crew notes: mulch delivery moved to Thursday, client asked for an estimate on the oak removal #.',
    'Customer # could not be saved: The name supplied already exists.',
    'Payment # rejected: Account Period Closed, Cannot Update Through Services API',
  ],
  20_000,
);

const FAULT = JSON.stringify({
  Fault: {
    Error: [{ Message: 'Duplicate Document Number Error', Detail: 'Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1042 is assigned to TxnType=Invoice with TxnId=812', code: '6140', element: '' }],
    type: 'ValidationFault',
  },
  time: '2026-12-02T09:01:00.000-08:00',
});

function time(text: string): { first: number; median: number; found: number } {
  const start = performance.now();
  const found = explainText(text).length;
  const first = performance.now() - start;
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    explainText(text);
    runs.push(performance.now() - t0);
  }
  return { first, median: median(runs), found };
}

export async function benchExplain(): Promise<BenchRow[]> {
  // The wording index is built on the first lookup of a worker's life: measured on its own.
  const t0 = performance.now();
  explainText('Duplicate Document Number Error');
  const indexMs = performance.now() - t0;
  const log = time(LOG);
  const wordings = time(WORDINGS);
  const fault = time(FAULT);
  const row = (name: string, r: { median: number; found: number }, bytes: number): BenchRow => ({
    name: `${name} (${(bytes / 1024).toFixed(0)} KB, median of ${RUNS}; ${r.found} explained)`,
    value: `${r.median.toFixed(2)} ms`,
    target: `≤ ${TARGET_MS} ms`,
    pass: r.median <= TARGET_MS && r.found > 0,
  });
  return [
    { name: `Catalog size (entries)`, value: String(ALL_ENTRIES.length), target: '≥ 350', pass: ALL_ENTRIES.length >= 350 },
    { name: 'First lookup of a worker, building the wording index', value: `${indexMs.toFixed(1)} ms`, target: 'for reference', pass: true },
    row('Web Connector log with codes', log, LOG.length),
    row('Text with QuickBooks wordings and no code', wordings, WORDINGS.length),
    row('One QuickBooks Online fault', fault, FAULT.length),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await import('./i18n-shim.ts');
  for (const r of await benchExplain()) console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${r.value} (target ${r.target})`);
}
