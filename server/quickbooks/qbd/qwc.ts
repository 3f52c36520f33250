/**
 * The .qwc file a bookkeeper adds to the Web Connector: where the service is, who logs in, which
 * company file it belongs to and how often to run. The Web Connector only accepts an https address,
 * except for a service on the same machine.
 */
import type { CompanyRow } from '../../store/rows.ts';
import { buildXml, el, opt } from './xml.ts';

/** One OwnerID for the SyncLens application (QuickBooks keys its private data by it); never change it. */
export const SYNCLENS_OWNER_ID = '{6B0F3C1E-2D4A-4E8B-9C57-5A1D2E3F4B60}';

export class PublicUrlProblem extends Error {}

/** The service address the Web Connector will call, or a PublicUrlProblem saying why it cannot be used. */
export function webConnectorUrl(publicUrl: string): URL {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new PublicUrlProblem('The server has no valid public address; start it with --public-url https://your-host.');
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new PublicUrlProblem(`The Web Connector only calls https addresses (plain http only on this machine); ${url.origin} is neither. `
      + 'Put the server behind https and start it with --public-url https://your-host.');
  }
  return new URL('qbwc', url.origin + url.pathname.replace(/\/*$/, '/'));
}

export function qwcFileName(company: CompanyRow): string {
  return `synclens-${company.id.replace(/[^A-Za-z0-9_-]/g, '_')}.qwc`;
}

export function buildQwc(opts: { company: CompanyRow; publicUrl: string; userName: string | null; fileId: string }): string {
  const appUrl = webConnectorUrl(opts.publicUrl);
  const support = new URL(`${appUrl.pathname}/support`, appUrl);
  const { company } = opts;
  return buildXml(el('QBWCXML', [
    el('AppName', `SyncLens – ${company.name}`),
    el('AppID', 'SyncLens'),
    el('AppURL', appUrl.href),
    el('AppDescription', `Sends approved job app changes to ${company.name} and brings QuickBooks changes back.`.slice(0, 80)),
    el('AppSupport', support.href),
    el('UserName', opts.userName ?? ''),
    el('OwnerID', SYNCLENS_OWNER_ID),
    el('FileID', opts.fileId),
    el('QBType', 'QBFS'),
    ...(company.interval_minutes ? [el('Scheduler', [el('RunEveryNMinutes', company.interval_minutes)])] : opt('Scheduler', null)),
    el('IsReadOnly', 'false'),
  ]));
}
