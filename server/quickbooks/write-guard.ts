/**
 * The check a QuickBooks client runs right before a write leaves. The clients know nothing of why a
 * write may have to stop; whoever runs the work installs the guard for its async call chain (the
 * sync layer's company lease, server/sync/company-leases.ts), so this boundary does not depend on
 * the layer above it. Outside guarded work the check does nothing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface WriteGuard {
  /** Throws when the work may no longer write to QuickBooks. */
  assertHeld(): void;
}

const currentGuard = new AsyncLocalStorage<WriteGuard>();

/** Runs `fn` with `guard` checked before every QuickBooks write made anywhere in its call chain. */
export function runWithWriteGuard<T>(guard: WriteGuard, fn: () => T): T {
  return currentGuard.run(guard, fn);
}

/** Called right before a write leaves for QuickBooks; throws what the installed guard throws. */
export function assertWriteAllowed(): void {
  currentGuard.getStore()?.assertHeld();
}
