import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '@/lib/api/client';
import { newConnectionId, resolveKey, scopeId } from '@/lib/connections/company-key';
import { combineStatuses, failingWhileOthersWork } from '@/lib/connections/combine-status';
import { connectionName, followedCompanyList, isFollowed } from '@/lib/connections/connection';
import { scopeClient } from '@/lib/connections/scoped-client';
import type { ConnectionStatus } from '@/lib/messaging/protocol';

const ids = ['primary', 'sabc123', 'sxyz789'];

describe('company keys', () => {
  it('keeps the primary service\'s ids plain and prefixes the others', () => {
    expect(scopeId('primary', 'evergreen')).toBe('evergreen');
    expect(scopeId('sabc123', 'evergreen')).toBe('sabc123~evergreen');
  });

  it.each([
    ['evergreen', { connectionId: 'primary', id: 'evergreen' }],
    ['sabc123~evergreen', { connectionId: 'sabc123', id: 'evergreen' }],
    ['sabc123~a~b', { connectionId: 'sabc123', id: 'a~b' }],
    // A plain id that merely looks like a key of a service that is not connected stays the primary's.
    ['sqqq999~evergreen', { connectionId: 'primary', id: 'sqqq999~evergreen' }],
    ['sabc123~', { connectionId: 'primary', id: 'sabc123~' }],
  ])('resolves %j', (key, expected) => {
    expect(resolveKey(key, ids)).toEqual(expected);
  });

  it('resolves nothing to a missing primary service', () => {
    expect(resolveKey('evergreen', ['sabc123'])).toBeNull();
    expect(resolveKey('sabc123~evergreen', ['sabc123'])).toEqual({ connectionId: 'sabc123', id: 'evergreen' });
  });

  it('gives the first connection the primary id, later ones a fresh random id no known key starts with', () => {
    expect(newConnectionId([])).toBe('primary');
    expect(newConnectionId(['sabc123'])).toBe('primary');
    const rolls = [0, 0, 0, 0, 0, 0, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99];
    let i = 0;
    const random = () => rolls[i++ % rolls.length]!;
    // "s000000" is taken by a plain id of the primary service, so the next roll is used.
    expect(newConnectionId(['primary'], ['s000000~x'], random)).toBe('szzzzzz');
    expect(newConnectionId(['primary'], [], () => 0.5)).toMatch(/^s[0-9a-z]{6}$/);
  });
});

describe('follow lists per service', () => {
  const settings = {
    connections: [
      { id: 'primary', name: '', apiUrl: 'https://a.example.com', followedCompanyIds: [] },
      { id: 'sabc123', name: 'Oak Hill', apiUrl: 'https://b.example.com', followedCompanyIds: ['evergreen'] },
    ],
  };

  it('follows every company of a service with an empty list, and only the listed ones otherwise', () => {
    expect(isFollowed(settings, 'cedar-ridge')).toBe(true);
    expect(isFollowed(settings, 'sabc123~evergreen')).toBe(true);
    expect(isFollowed(settings, 'sabc123~cedar-ridge')).toBe(false);
    expect(isFollowed({ connections: [settings.connections[1]!] }, 'evergreen')).toBe(false); // no primary any more
  });

  it('falls back to every company when the follow lists match nothing', () => {
    const only = { connections: [{ ...settings.connections[0]!, followedCompanyIds: ['gone'] }] };
    expect(followedCompanyList(only, [{ id: 'a' }, { id: 'b' }]).map((c) => c.id)).toEqual(['a', 'b']);
    expect(followedCompanyList(settings, [{ id: 'a' }, { id: 'sabc123~x' }]).map((c) => c.id)).toEqual(['a']);
  });

  it('names a service by its label, else its host', () => {
    expect(connectionName(settings.connections[1]!)).toBe('Oak Hill');
    expect(connectionName(settings.connections[0]!)).toBe('a.example.com');
  });
});

describe('combined status', () => {
  const st = (state: ConnectionStatus['state'], over: Partial<ConnectionStatus> = {}): ConnectionStatus => ({
    state, lastSuccessAt: null, failingSince: null, message: null, nextPollAt: null, ...over,
  });

  it('is one service\'s own status when there is one', () => {
    const one = st('unreachable', { lastSuccessAt: '2026-11-26T08:00:00.000Z', failingSince: '2026-11-26T08:05:00.000Z', message: 'down' });
    expect(combineStatuses([one])).toEqual(one);
    expect(combineStatuses([])).toMatchObject({ state: 'unconfigured' });
  });

  it('is ok while any service answers, with the newest success', () => {
    const combined = combineStatuses([
      st('ok', { lastSuccessAt: '2026-11-26T09:00:00.000Z', nextPollAt: '2026-11-26T09:05:00.000Z' }),
      st('signed-out', { lastSuccessAt: '2026-11-26T07:00:00.000Z', nextPollAt: '2026-11-26T09:01:00.000Z' }),
    ]);
    expect(combined).toEqual({ state: 'ok', lastSuccessAt: '2026-11-26T09:00:00.000Z', failingSince: null, message: null, nextPollAt: '2026-11-26T09:01:00.000Z' });
  });

  it('puts a refused sign-in before an outage when every service fails', () => {
    const combined = combineStatuses([st('unreachable', { failingSince: '2026-11-26T08:00:00.000Z' }), st('signed-out', { message: 'refused', failingSince: '2026-11-26T08:30:00.000Z' })]);
    expect(combined).toMatchObject({ state: 'signed-out', message: 'refused', failingSince: '2026-11-26T08:00:00.000Z' });
  });

  it('lists the failing services only during a partial outage', () => {
    const list = [{ name: 'A', status: st('ok') }, { name: 'B', status: st('unreachable') }, { name: 'C', status: st('unconfigured') }];
    expect(failingWhileOthersWork(list).map((c) => c.name)).toEqual(['B']);
    expect(failingWhileOthersWork(list.slice(1))).toEqual([]);
  });
});

describe('scoped client', () => {
  it('never sends a key of another service, and sends nothing at all then', async () => {
    const fetchFn = vi.fn(async () => new Response('{}', { status: 200 }));
    const client = scopeClient(createApiClient({ baseUrl: 'https://b.example.com', token: 't', fetch: fetchFn as unknown as typeof fetch }), 'sabc123', ids);
    await expect(client.unsyncedAll('evergreen')).rejects.toThrow(/does not belong to sync service sabc123/);
    await expect(client.resync('sabc123~evergreen', 'sxyz789~u1')).rejects.toThrow(/does not belong/);
    expect(fetchFn).not.toHaveBeenCalled();
  });
});

describe('scoped client replies', () => {
  const company = (id: string) => ({ id, name: 'Evergreen', system: 'qbo', connector: { kind: 'qbo-api', state: 'ok', lastContactAt: null, lastRunAt: null } });
  const serving = (items: unknown[]) =>
    vi.fn(async () => new Response(JSON.stringify({ items }), { status: 200, headers: { 'Content-Type': 'application/json' } })) as unknown as typeof fetch;

  it('turns plain ids into keys for a second service, and refuses an id too long to carry a prefix', async () => {
    const b = scopeClient(createApiClient({ baseUrl: 'https://b.example.com', token: 't', fetch: serving([company('evergreen')]) }), 'sabc123', ids);
    expect((await b.companies()).map((c) => c.id)).toEqual(['sabc123~evergreen']);
    const long = 'x'.repeat(125);
    const tooLong = scopeClient(createApiClient({ baseUrl: 'https://b.example.com', token: 't', fetch: serving([company(long)]) }), 'sabc123', ids);
    await expect(tooLong.companies()).rejects.toMatchObject({ code: 'bad-reply', message: expect.stringMatching(/longer than 120 characters/) });
    // The primary service keeps plain ids, so the same id is fine there.
    const primary = scopeClient(createApiClient({ baseUrl: 'https://a.example.com', token: 't', fetch: serving([company(long)]) }), 'primary', ids);
    expect((await primary.companies())[0]!.id).toBe(long);
  });
});
