/**
 * The content script's memory of record statuses (a first paint only): fresh for as long as the
 * background's own link cache, counted from when the sync service said it; bounded; forgettable.
 */
import { describe, expect, it } from 'vitest';
import type { RecordStatus } from '@/lib/messaging/overlay-commands';
import { createStatusMemory, STATUS_MEMORY_TTL_MS, type StatusRef } from '@/lib/overlay/status-memory';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const ref = (qbId: string, companyId = 'evergreen'): StatusRef => ({ companyId, entityType: 'Invoice', qbId });
const status = (qbId: string, fetchedAt: number): RecordStatus => ({
  companyId: 'evergreen',
  system: 'qbo',
  connector: { kind: 'qbo-api', state: 'ok', lastContactAt: null, lastRunAt: null },
  link: { entityType: 'Invoice', qbId, localId: null, name: null, status: 'not-linked' },
  explanation: null,
  fetchedAt: new Date(fetchedAt).toISOString(),
});

describe('status memory', () => {
  it('answers per company and record, until the status is as old as the background’s cache allows', () => {
    let now = T0;
    const memory = createStatusMemory(() => now);
    memory.put(ref('1'), status('1', T0));
    expect(memory.get(ref('1'))?.link.qbId).toBe('1');
    expect(memory.get(ref('1', 'other-company'))).toBeNull();
    expect(memory.get(ref('2'))).toBeNull();
    now = T0 + STATUS_MEMORY_TTL_MS - 1;
    expect(memory.get(ref('1'))).not.toBeNull();
    now = T0 + STATUS_MEMORY_TTL_MS;
    expect(memory.get(ref('1'))).toBeNull();
  });

  it('counts age from when the sync service said it, not from when the background repeated it', () => {
    const now = T0;
    const memory = createStatusMemory(() => now);
    // The background answered from a cache entry fetched 50 s ago: 10 s of freshness are left.
    memory.put(ref('1'), status('1', T0 - 50_000));
    expect(memory.get(ref('1'))).not.toBeNull();
    const later = createStatusMemory(() => T0 + 10_000);
    later.put(ref('1'), status('1', T0 - 50_000));
    expect(later.get(ref('1'))).toBeNull();
  });

  it('forgets one record, or everything, and keeps only the newest entries', () => {
    const memory = createStatusMemory(() => T0, STATUS_MEMORY_TTL_MS, 2);
    memory.put(ref('1'), status('1', T0));
    memory.put(ref('2'), status('2', T0));
    memory.forget(ref('1'));
    expect(memory.get(ref('1'))).toBeNull();
    expect(memory.get(ref('2'))).not.toBeNull();
    memory.put(ref('1'), status('1', T0));
    memory.put(ref('2'), status('2', T0)); // seen again: now the newest
    memory.put(ref('3'), status('3', T0)); // over the bound: the oldest (1) goes
    expect(memory.get(ref('1'))).toBeNull();
    expect(memory.get(ref('2'))).not.toBeNull();
    expect(memory.get(ref('3'))).not.toBeNull();
    memory.clear();
    expect(memory.get(ref('2'))).toBeNull();
    expect(memory.get(ref('3'))).toBeNull();
  });
});
