/**
 * The page shell every emulator page shares: the banner saying this is not Intuit's product, a top
 * bar with the company switcher, the left navigation, and the page's own content.
 */
import { Html, html } from './html.ts';

export interface ShellCompany {
  realmId: string;
  companyName: string;
}

export interface ShellInput {
  /** The document title (the tab's name). */
  title: string;
  /** The `/app/<route>` segment shown, to mark its navigation entry. */
  activeRoute: string;
  companies: readonly ShellCompany[];
  current: ShellCompany | null;
  content: Html;
}

const NAV: readonly { route: string; label: string; also?: readonly string[] }[] = [
  { route: 'homepage', label: 'Dashboard' },
  { route: 'invoices', label: 'Invoices', also: ['invoice', 'recvpayment', 'sales'] },
  { route: 'estimates', label: 'Estimates', also: ['estimate'] },
  { route: 'customers', label: 'Customers', also: ['customerdetail'] },
  { route: 'items', label: 'Products and services', also: ['item'] },
  { route: 'bills', label: 'Bills', also: ['bill', 'expenses'] },
  { route: 'purchaseorders', label: 'Purchase orders', also: ['purchaseorder'] },
  { route: 'vendors', label: 'Vendors', also: ['vendordetail'] },
  { route: 'employees', label: 'Employees', also: ['employeedetail'] },
  { route: 'chartofaccounts', label: 'Chart of accounts', also: ['register'] },
];

/** Our own constant stylesheet, inserted as is (escaping would break its quoted font names). */
const STYLE = new Html(`
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 "Segoe UI", Arial, "Liberation Sans", sans-serif; color: #242424; background: #f4f5f8; }
  a { color: #0b63b6; }
  .emu-banner { background: #fff3bf; color: #5c3c00; border-bottom: 1px solid #f2c94c; padding: 6px 16px; font-size: 13px; }
  .emu-banner strong { font-weight: 700; }
  .topbar { display: flex; align-items: center; gap: 16px; background: #fff; border-bottom: 1px solid #dcdfe4; padding: 8px 16px; }
  .brand { font-weight: 700; color: #2ca01c; font-size: 16px; }
  .company { margin-left: auto; display: flex; align-items: center; gap: 8px; }
  .company select, .company button { font: inherit; padding: 4px 8px; }
  .company button { background: #2ca01c; border: 0; color: #fff; border-radius: 4px; cursor: pointer; }
  .shell { display: flex; min-height: calc(100vh - 90px); }
  nav.side { width: 200px; flex: none; background: #23272b; padding: 12px 0; }
  nav.side a { display: block; color: #e9ecef; text-decoration: none; padding: 7px 18px; }
  nav.side a[aria-current="page"] { background: #2ca01c; color: #fff; font-weight: 600; }
  main { flex: 1; padding: 20px 28px; min-width: 0; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  .subtitle { color: #5f6b7a; margin: 0 0 16px; }
  .card { background: #fff; border: 1px solid #dcdfe4; border-radius: 6px; padding: 16px 20px; margin: 0 0 16px; max-width: 900px; }
  table.rows { border-collapse: collapse; background: #fff; width: 100%; max-width: 900px; border: 1px solid #dcdfe4; }
  table.rows th, table.rows td { text-align: left; padding: 7px 10px; border-bottom: 1px solid #e9ecef; vertical-align: top; }
  table.rows th { background: #f8f9fa; font-weight: 600; color: #4a5563; }
  table.rows td.num, table.rows th.num { text-align: right; font-variant-numeric: tabular-nums; }
  dl.fields { display: grid; grid-template-columns: 180px 1fr; gap: 6px 16px; margin: 0; }
  dl.fields dt { color: #5f6b7a; }
  dl.fields dd { margin: 0; }
  .total { font-size: 18px; font-weight: 700; }
  .tag { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; background: #e9ecef; }
  .tag.deleted { background: #ffe3e3; color: #a61e1e; }
  .tag.inactive { background: #f1f3f5; color: #5f6b7a; }
  .meta { color: #5f6b7a; font-size: 12px; }
  .tiles { display: flex; flex-wrap: wrap; gap: 12px; max-width: 900px; }
  .tile { background: #fff; border: 1px solid #dcdfe4; border-radius: 6px; padding: 12px 16px; min-width: 150px; text-decoration: none; color: inherit; }
  .tile b { display: block; font-size: 22px; }
  .empty { color: #5f6b7a; font-style: italic; }
`);

export function renderShell(input: ShellInput): Html {
  const active = input.activeRoute.toLowerCase();
  const companyLabel = input.current ? input.current.companyName : 'No company';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} · ${companyLabel} · QuickBooks Online emulator</title>
<style>${STYLE}</style>
</head>
<body>
<div class="emu-banner" role="note" data-testid="emulator-banner"><strong>QuickBooks Online emulator — not Intuit.</strong> A local stand-in for trying SyncLens: nothing shown here comes from or goes to QuickBooks.</div>
<header class="topbar">
  <span class="brand">QBO emulator</span>
  ${renderSwitcher(input.companies, input.current, active)}
</header>
<div class="shell">
  <nav class="side" aria-label="Pages">
    ${NAV.map(
      (entry) =>
        html`<a href="/app/${entry.route}"${entry.route === active || entry.also?.includes(active) ? html` aria-current="page"` : ''}>${entry.label}</a>`,
    )}
  </nav>
  <main id="main">${input.content}</main>
</div>
</body>
</html>`;
}

/** A plain GET form onto /app/switchCompany, as QuickBooks' own switch link works. */
function renderSwitcher(companies: readonly ShellCompany[], current: ShellCompany | null, active: string): Html {
  if (companies.length === 0) return html``;
  // A record id means another record in another company, so a switch from a record page lands on the dashboard.
  const stay = pageKeepsAcrossCompanies(active) ? active : 'homepage';
  return html`<form class="company" method="get" action="/app/switchCompany" data-testid="company-switcher">
    <label for="companyId">Company</label>
    <select id="companyId" name="companyId">
      ${companies.map(
        (c) => html`<option value="${c.realmId}"${c.realmId === current?.realmId ? html` selected` : ''}>${c.companyName} (${c.realmId})</option>`,
      )}
    </select>
    <input type="hidden" name="navigationURL" value="${stay}">
    <button type="submit">Switch</button>
  </form>`;
}

function pageKeepsAcrossCompanies(route: string): boolean {
  return NAV.some((entry) => entry.route === route);
}
