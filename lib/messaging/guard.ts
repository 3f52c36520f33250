/**
 * Who sent a message. Follows the Bitwarden approach: the sender must be this extension
 * (sender.id), an extension page is recognised by our own origin, and a content script by its tab
 * in the top frame. sender.url of a content script is the web page's URL, chosen by the page, so
 * it is never used to grant anything.
 */
import type { SenderKind } from './protocol';

/** The fields of runtime.MessageSender the guard reads. */
export interface SenderInfo {
  id?: string;
  origin?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface ExtensionIdentity {
  /** browser.runtime.id */
  id: string;
  /** browser.runtime.getURL(''), e.g. chrome-extension://abc/ */
  origin: string;
}

function startsWithOrigin(value: string | undefined, extensionOrigin: string): boolean {
  if (!value) return false;
  // Compare origins, not prefixes: chrome-extension://abc/ must not match chrome-extension://abcd/.
  const base = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  return value === base.slice(0, -1) || value.startsWith(base);
}

/** 'page', 'content', or null for anything we do not trust. */
export function classifySender(sender: SenderInfo, self: ExtensionIdentity): SenderKind | null {
  if (!sender || sender.id !== self.id) return null;
  // Chrome gives `origin`; where it is missing (older Firefox) the URL of an extension page is ours.
  const isExtensionPage = sender.origin !== undefined ? startsWithOrigin(sender.origin, self.origin) : startsWithOrigin(sender.url, self.origin);
  if (isExtensionPage) return 'page';
  if (sender.tab !== undefined && sender.frameId === 0) return 'content';
  return null;
}
