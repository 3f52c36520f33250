/**
 * A small QuickBooks-Online-like web app on the emulator's own origin, so the SyncLens overlay can
 * be seen without an Intuit account (with a demo build that accepts this origin, lib/qbo/demo-origin.ts).
 * Pages sit on the routes QuickBooks Online uses (`/app/invoice?txnId=…`, `/app/customers`…),
 * are rendered on the server from the emulator's state, and are plain documents: every link is a
 * full page load, which re-runs the content script.
 *
 * Which company a page shows follows the `qbo.currentcompanyid` cookie, as in QuickBooks, and the
 * company switch (`/app/switchCompany?companyId=…`) sets it; the extension reads the same cookie
 * through the cookies API to decide the tab's company.
 */
import type { Context, Env, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { CURRENT_COMPANY_COOKIE } from '../../../lib/qbo/realm.ts';
import type { EmulatorState, Realm } from '../state.ts';
import { html } from './html.ts';
import { renderShell } from './layout.ts';
import { dashboardPage, listPage, newFormPage, notFoundPage, recordPage, type PageContent } from './pages.ts';
import { pageRoute, servedListRoutes, type ListPageRoute } from './routes.ts';

const SWITCH_ROUTES = new Set(['switchcompany', 'multientityswitchcompany']);
/** Where a company switch may send the tab next: an app route, optionally with a plain query. */
const NAVIGATION_TARGET = /^([A-Za-z_]{1,40})(\?[A-Za-z0-9_=&%.-]{0,200})?$/;
const ID = /^\d{1,18}$/;

const PAGE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  // The pages run no script of their own; SyncLens' content script runs in its own world.
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

/** Registers the web app's routes (`/`, `/app`, `/app/<route>`) on the emulator's Hono app. */
export function mountWebApp<E extends Env>(app: Hono<E>, state: EmulatorState): void {
  const listRoutes = servedListRoutes().map((name) => ({ name, route: pageRoute(name) as ListPageRoute }));

  // Registered after the emulator's own routes, so `/` only lands here if the emulator leaves it free.
  app.get('/', (c) => c.redirect('/app/homepage', 302));
  app.get('/app', (c) => c.redirect('/app/homepage', 302));
  app.get('/favicon.ico', (c) => c.body(null, 204)); // browsers ask on every page; say "none" quietly
  const page = (c: Context<E>) => {
    const name = (c.req.param('route') ?? '').toLowerCase();
    if (SWITCH_ROUTES.has(name)) return switchCompany(c, state);
    const realm = currentRealm(c, state);
    if (!realm) return send(c, state, null, name, notFoundPage('No company', 'This emulator holds no company yet. Create one through its admin endpoints.'));
    return send(c, state, realm, name, pageFor(c, state, realm, name, listRoutes));
  };
  app.get('/app/:route', page);
  app.get('/app/:route/', page);
}

function pageFor(c: Context, state: EmulatorState, realm: Realm, name: string, listRoutes: { name: string; route: ListPageRoute }[]): PageContent {
  if (name === 'homepage') return dashboardPage(state, realm, listRoutes);
  const route = pageRoute(name);
  if (!route) return notFoundPage('Page not emulated', html`The emulator has no <code>/app/${name}</code> page.`);
  if (route.kind === 'list') return listPage(state, realm, name, route);
  const ids = c.req.queries(route.idParam) ?? [];
  const [id, ...others] = [...new Set(ids.map((value) => value.trim()))];
  if (id === undefined || id.toLowerCase() === 'new') {
    return route.blankIsNew ? newFormPage(route) : notFoundPage('No record chosen', 'Open a record from a list.');
  }
  if (others.length > 0 || !ID.test(id)) return notFoundPage('Not a record id', html`"${id}" is not a QuickBooks record id.`);
  return recordPage(state, realm, route, id.replace(/^0+(?=\d)/, ''));
}

/** The company the cookie names; without a valid one, the first company, remembered in the cookie (as signing in would). */
function currentRealm(c: Context, state: EmulatorState): Realm | null {
  const named = getCookie(c, CURRENT_COMPANY_COOKIE);
  const realm = (named !== undefined && ID.test(named) ? state.realm(named) : undefined) ?? state.realmList()[0] ?? null;
  if (realm && realm.realmId !== named) rememberRealm(c, realm.realmId);
  return realm;
}

function rememberRealm(c: Context, realmId: string): void {
  setCookie(c, CURRENT_COMPANY_COOKIE, realmId, { path: '/', sameSite: 'Lax' });
}

/** `/app/switchCompany?companyId=<realm>[&navigationURL=<route>?<query>]`: sets the company, then opens the page. */
function switchCompany(c: Context, state: EmulatorState): Response {
  const companyId = c.req.query('companyId') ?? '';
  const realm = ID.test(companyId) ? state.realm(companyId) : undefined;
  if (!realm) {
    return send(c, state, currentRealm(c, state), 'switchcompany', notFoundPage('Company not found', html`No company with id "${companyId}" in this emulator.`));
  }
  rememberRealm(c, realm.realmId);
  const target = NAVIGATION_TARGET.exec(c.req.query('navigationURL') ?? '');
  const next = target && (target[1]!.toLowerCase() === 'homepage' || pageRoute(target[1]!)) ? `/app/${target[0]}` : '/app/homepage';
  return c.redirect(next, 302);
}

function send(c: Context, state: EmulatorState, realm: Realm | null, route: string, page: PageContent): Response {
  const body = renderShell({
    title: page.title,
    activeRoute: route,
    companies: state.realmList(),
    current: realm,
    content: page.content,
  });
  return c.html(body.value, page.status as 200 | 404, PAGE_HEADERS);
}
