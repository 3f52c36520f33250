/**
 * npx tsx server/qbwc-sim/parse-timing.ts [megabytes]
 * Builds a qbXML response of about N MB (default 5) from the emulated company file and times
 * parsing it with the simulator's safe parser (entities and DTDs off). Prints, never asserts:
 * the bar is 500 ms for 5 MB.
 */
import { createCompanyFile } from './company-file.ts';
import { parseXml } from './xml.ts';

export function bigInvoiceResponse(targetBytes: number): { xml: string; invoices: number } {
  const file = createCompanyFile({ now: () => new Date('2026-03-01T12:00:00Z') });
  file.add('Customer', { Name: 'Big & Busy Customer' });
  file.add('ItemService', { Name: 'Mowing <weekly>' });
  const request = '<?xml version="1.0"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="continueOnError">'
    + '<InvoiceQueryRq requestID="1"><IncludeLineItems>true</IncludeLineItems></InvoiceQueryRq></QBXMLMsgsRq></QBXML>';
  let invoices = 0;
  const addInvoices = (count: number) => {
    for (let i = 0; i < count; i++, invoices++) {
      file.add('Invoice', {
        CustomerRef: { FullName: 'Big & Busy Customer' }, TxnDate: '2026-02-15', RefNumber: `R-${invoices}`, Memo: 'Spring "cleanup" & mulch',
        InvoiceLineAdd: [1, 2, 3].map((n) => ({ ItemRef: { FullName: 'Mowing <weekly>' }, Desc: `Visit ${n}`, Quantity: String(n), Rate: '45.00' })),
      });
    }
  };
  // Size one batch, then add what the target needs in one go.
  addInvoices(200);
  const perInvoice = file.process(request).length / 200;
  addInvoices(Math.ceil(targetBytes / perInvoice) - 200 + 10);
  const xml = file.process(request);
  return { xml, invoices };
}

/** Wall-clock and CPU milliseconds of one parse (CPU time is steadier on a shared machine). */
export function timeParse(xml: string): { wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  parseXml(xml);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

if (process.argv[1]?.endsWith('parse-timing.ts')) {
  const mb = Number(process.argv[2] ?? 5);
  const { xml, invoices } = bigInvoiceResponse(mb * 1024 * 1024);
  timeParse(xml); // warm-up
  const { wallMs, cpuMs } = timeParse(xml);
  console.log(`${(xml.length / 1024 / 1024).toFixed(2)} MB qbXML response (${invoices} invoices) parsed in ${wallMs.toFixed(0)} ms (${cpuMs.toFixed(0)} ms CPU)`);
}
