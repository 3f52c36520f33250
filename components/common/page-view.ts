/**
 * What the popup and the Sync Center show as a whole (a ready page, or one of the states that
 * replaces it), from the background's snapshot and the last error a whole-page request got.
 */
import { hasSeveralConnections, hasUsableConnection } from '@/lib/connections/connection';
import type { Snapshot } from '@/lib/messaging/protocol';
import type { ReplyError } from './client';

export type PageView = 'loading' | 'unconfigured' | 'signed-out' | 'offline' | 'error' | 'ready';

/** The reply codes that change what the whole page shows, not just one action's result. */
const VIEW_FOR_CODE: Partial<Record<ReplyError['code'], PageView>> = {
  unconfigured: 'unconfigured',
  'signed-out': 'signed-out',
  unreachable: 'offline',
};

export function pageView(snapshot: Snapshot | null, error: ReplyError | null): PageView {
  const errView = error ? VIEW_FOR_CODE[error.code] : undefined;
  // The settings decide "not configured": before its first poll the background reports the
  // status 'unconfigured' even when an address and token are saved.
  if (errView === 'unconfigured' || (snapshot && !hasUsableConnection(snapshot.settings))) return 'unconfigured';
  if (errView === 'signed-out' || snapshot?.status.state === 'signed-out') return 'signed-out';
  if (!snapshot) return error ? (errView ?? 'error') : 'loading';
  if (errView === 'offline' || snapshot.status.state === 'unreachable') return 'offline';
  if (snapshot.status.state === 'error') return 'error';
  return 'ready';
}

/**
 * Whether a failed company request speaks for the whole page. With several services it speaks
 * for one service only: the others keep working, and the snapshot's per-service status (shown as
 * a warning line) tells which one is failing.
 */
export function changesWholeView(error: ReplyError, snapshot: Snapshot | null): boolean {
  if (!VIEW_FOR_CODE[error.code]) return false;
  return error.code === 'unconfigured' || !hasSeveralConnections(snapshot?.settings ?? { connections: [] });
}
