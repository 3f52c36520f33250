/**
 * Fault injection on polls and reads (issue 8, sections 3, 4 and 8), in real Chromium with the
 * built extension (polling every 3 s), through the fault proxy in front of the real reference
 * server: connections reset during polls, a summary request that hangs while the user refreshes,
 * one malformed item in a list reply, 429/503 with Retry-After on the popup's list (nothing is
 * sent until the pause ends, approving included), and a token refused mid-session then replaced
 * in the options. Each test checks the badge and the popup, that cached rows are kept, recovery,
 * and that the server applied any action exactly once (on the server itself and in the proxy's log).
 * The user's actions whose replies are lost are in faults-actions.test.ts.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { eventually, screenshotPath } from './harness';
import { APPROVE, badgeWhen, record, RED, rowIds, seen, sorted, startFaultRig, SUMMARY, textOf, WIZARD, type FaultRig } from './fault-rig';

let rig: FaultRig;

beforeAll(async () => {
  rig = await startFaultRig('faults');
});
afterEach(async () => {
  rig.proxy.clear();
  await rig.closePages();
});
afterAll(async () => {
  await rig?.close();
});

const CLOCK = String.raw`\d{1,2}:\d{2}`;
const names = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag} ${i + 1}`);

/** Opens the popup once so the background's cache (and the popup's last paint) hold these rows. */
async function warmCache(ids: readonly string[]): Promise<void> {
  const page = await rig.openPopup(ids);
  await page.close();
  await badgeWhen(rig, (b) => b.text === String(ids.length), `the badge to count ${ids.length}`);
}

it('connections reset during polls: "?" with the cached rows; the popup says when it tries again and recovers on its own', async () => {
  const ids = await rig.freshItems('reset', 2);
  await warmCache(ids);
  rig.proxy.clearLog();
  rig.proxy.set({ path: '/api/v1/**', fault: 'refuse', how: 'reset' });

  // The next poll (the alarm, every 3 s) meets a reset connection.
  await rig.proxy.waitFor((r) => r.path === SUMMARY && r.outcome === 'reset');
  const down = await badgeWhen(rig, (b) => b.text === '?', 'the unreachable badge');
  expect(down!.title).toMatch(new RegExp(`cannot reach the sync service since ${CLOCK}`));

  const page = await rig.openPage('popup.html');
  await page.getByTestId('state-offline').waitFor();
  expect(sorted(await rowIds(page)), 'the cached rows are kept').toEqual(sorted(ids));
  const opened = Date.now();
  const retryNote = await eventually(() => textOf(page, 'next-retry'), (text) => new RegExp(`tries again on its own at ${CLOCK}`).test(text), 'when it tries again');
  // About 10 s from now, in the popup's clock format.
  const spaced = (text: string) => text.replace(/\s/g, ' ');
  const around = [8, 10, 12, 14].map((s) => spaced(new Date(opened + s * 1000).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })));
  expect(around.some((time) => spaced(retryNote).includes(time)), `${retryNote} names one of ${around.join(', ')}`).toBe(true);
  expect(rig.proxy.requests.every((r) => !r.forwarded), 'nothing reached the server').toBe(true);

  // The network is back: the popup notices without anybody pressing Try again (10 s).
  rig.proxy.clear();
  const back = Date.now();
  await eventually(() => page.getByTestId('state-offline').count(), (n) => n === 0, 'the popup to recover on its own', 20_000);
  expect(Date.now() - back).toBeLessThan(15_000);
  expect(sorted(await rowIds(page))).toEqual(sorted(ids));
  const up = await badgeWhen(rig, (b) => b.text === '2', 'the badge to recover');
  expect(up!.title).not.toMatch(/cannot reach/);
  expect(sorted(await rig.waitingIds()), 'the server kept its items').toEqual(sorted(ids));
});

it('a summary request that hangs does not hold back the user\'s refresh', async () => {
  const ids = await rig.freshItems('hang', 2);
  const page = await rig.openPopup(ids);
  await badgeWhen(rig, (b) => b.text === '2', 'the badge to count two');
  rig.proxy.clearLog();
  const hang = rig.proxy.add({ method: 'GET', path: SUMMARY, fault: 'delay', times: 1 });
  // (The proxy tells waiters about a request before it picks its rule: look for the held one in the log.)
  const stuck = (await eventually(async () => rig.proxy.requests.find((r) => r.path === SUMMARY && r.fault === 'delay'), Boolean, 'a poll to hang'))!;
  // A poll stuck for longer than a refresh would wait to join it.
  await eventually(async () => Date.now() - stuck.startedAt, (ms) => ms > 2_200, 'the stuck poll to be a few seconds old');
  const [third] = await rig.addItems('hang', 1, 3);

  const pressed = Date.now();
  await page.getByTestId('refresh').click();
  await eventually(() => rowIds(page), (shown) => shown.includes(third!), 'the new item after the refresh', 10_000);
  await eventually(() => page.getByTestId('refresh').isEnabled(), Boolean, 'the refresh to finish', 10_000);
  await badgeWhen(rig, (b) => b.text === '3', 'the badge to count three', 10_000);
  const took = Date.now() - pressed;
  expect(took, `the refresh took ${took} ms`).toBeLessThan(5_000);
  expect(stuck.outcome, 'the stuck request was still hanging').toBe('pending');
  await expect(page.getByTestId('state-offline').count()).resolves.toBe(0);

  // Released, the old poll changes nothing the newer one wrote.
  hang.remove();
  await eventually(async () => stuck.outcome, (o) => o !== 'pending', 'the stuck request to end');
  await rig.proxy.waitFor((r) => r.path === SUMMARY && r.seq > stuck.seq + 1);
  expect((await rig.badge())!.text).toBe('3');
  expect(sorted(await rowIds(page))).toEqual(sorted([...ids, third!]));
});

it('one malformed item in a list reply: the others show, a note says so, and approving still works once', async () => {
  const ids = await rig.freshItems('shape', 3);
  const at = new Date().toISOString();
  rig.proxy.add({
    method: 'GET',
    path: WIZARD,
    when: (r) => r.url.includes('direction=export'),
    fault: 'shape',
    map: (body) => {
      const page = body as { items: Record<string, unknown>[] };
      page.items[0]!.name = 'x'.repeat(100_000);
      page.items.push({ id: 'bogus-1', companyId: 'acme-qbo', direction: 'export', entityType: 'Customer', name: 'Broken', change: 'explode', detectedAt: at });
      return page;
    },
  });
  const page = await rig.openPopup(ids);
  expect(await textOf(page, 'list-note-damaged')).toBe('2 items from the sync service had fields SyncLens could not show; they are shortened or left out.');
  const longRow = (await page.getByTestId('wizard-row').first().textContent()) ?? '';
  expect(longRow.length).toBeLessThan(1_000);
  expect(longRow).toContain('…');
  expect(await page.locator('.inline-error').count()).toBe(0);
  const badge = await badgeWhen(rig, (b) => b.text === '3', 'the badge to count three');
  expect(badge!.color).not.toEqual(RED);

  rig.proxy.clearLog();
  await page.getByTestId('approve-checked').click();
  await eventually(() => textOf(page, 'approve-result'), (text) => /^3 approved/.test(text), 'the counts');
  expect(rig.proxy.applied('POST', APPROVE)).toHaveLength(1);
  expect(JSON.parse(rig.approves()[0]!.body).approveIds.sort()).toEqual(sorted(ids));
  expect(sorted(await rig.pendingNames('shape'))).toEqual(names('shape', 3));
});

it.each([429, 503])('a %i with Retry-After on the popup\'s list: nothing is sent until the pause ends, the popup says so and keeps the rows', async (status) => {
  const tag = `pause${status}`;
  const ids = await rig.freshItems(tag, 2);
  await warmCache(ids);
  rig.proxy.clearLog();
  rig.proxy.add({ method: 'GET', path: WIZARD, times: 1, fault: 'status', status, retryAfter: 5 });

  const page = await rig.openPage('popup.html');
  const limited = await rig.proxy.waitFor((r) => r.status === status);
  const pauseEnds = limited.endedAt! + 5_000;
  await record(page);
  await eventually(() => textOf(page, 'list-note-paused'), (text) => new RegExp(`asked SyncLens to wait until ${CLOCK}`).test(text), 'the pause note');
  expect(sorted(await rowIds(page)), 'the cached rows are kept').toEqual(sorted(ids));
  await page.setViewportSize({ width: 400, height: 600 });
  await page.screenshot({ path: screenshotPath(`faults-popup-paused-${status}.png`) });
  const paused = await badgeWhen(rig, (b) => /asked to be left alone until/.test(b.title), 'the pause in the tooltip');
  expect(paused!.title).toMatch(new RegExp(`asked to be left alone until ${CLOCK}`));
  expect(paused!.text).toBe('2');

  // Approving during the pause: kept, not sent.
  await page.getByTestId('approve-checked').click();
  await eventually(async () => (await seen(page)).results.length, (n) => n > 0, 'an approve result');
  expect(rig.approves()).toHaveLength(0);

  // After the pause: the approve goes out once, the popup shows its counts.
  await eventually(() => textOf(page, 'approve-result'), (text) => /^2 approved/.test(text), 'the approve after the pause', 20_000);
  const afterLimit = rig.proxy.requests.filter((r) => r.seq > limited.seq && r.startedAt > limited.endedAt! + 500);
  const early = afterLimit.filter((r) => r.startedAt < pauseEnds - 100);
  expect(early.map((r) => `${r.method} ${r.url} at +${r.startedAt - limited.endedAt!} ms`), 'nothing was sent during the pause').toEqual([]);
  expect(afterLimit.length).toBeGreaterThan(0);
  expect(rig.proxy.applied('POST', APPROVE)).toHaveLength(1);
  expect(sorted(await rig.pendingNames(tag))).toEqual(names(tag, 2));
  expect(await rig.waitingIds()).toEqual([]);
  expect((await seen(page)).results.join('\n')).not.toMatch(/Nothing was approved/);

  // The note and the tooltip end with the pause.
  await page.getByTestId('refresh').click();
  await eventually(() => page.getByTestId('list-note-paused').count(), (n) => n === 0, 'the pause note to go');
  await badgeWhen(rig, (b) => !/left alone/.test(b.title) && b.text === '', 'the tooltip without the pause');
});

it('a token refused mid-session: rows kept with their age, approving off, red "!"; a new token in the options brings it back', async () => {
  const ids = await rig.freshItems('token', 2);
  const page = await rig.openPopup(ids);
  // The service's token is changed: the real server now refuses the one SyncLens has.
  await rig.restartServer('rotated-fault-suite-token');
  rig.proxy.clearLog();
  const refused = await badgeWhen(rig, (b) => b.text === '!', 'the red "!"');
  expect(refused!.color).toEqual(RED);
  expect(refused!.title).toMatch(/refused the token/);
  expect(rig.proxy.requests.some((r) => r.upstreamStatus === 401)).toBe(true);

  await page.getByTestId('refresh').click();
  await page.getByTestId('state-signed-out').waitFor();
  expect(sorted(await rowIds(page)), 'the rows are kept').toEqual(sorted(ids));
  expect(await textOf(page, 'list-note-age')).toMatch(/^This list is from .+ and may be out of date\.$/);
  await expect(page.getByTestId('approve-checked').isDisabled()).resolves.toBe(true);
  expect(await textOf(page, 'approve-blocked')).toMatch(/Approving is off until the sync service accepts the token again/);
  expect(rig.approves()).toHaveLength(0);

  const options = await rig.openPage('options.html');
  const card = options.getByTestId('connection-card').first();
  await card.getByTestId('settings-token').fill(rig.token);
  // The suite's 3-second period is a test build's; the options offer whole minutes.
  await options.getByTestId('settings-interval').selectOption('1');
  await options.getByTestId('settings-save').click();
  await eventually(() => textOf(options, 'settings-save-result'), (text) => /saved/i.test(text), 'the save confirmation');
  await badgeWhen(rig, (b) => b.text === '2', 'the badge to count again');

  await page.getByTestId('refresh').click();
  await eventually(() => page.getByTestId('state-signed-out').count(), (n) => n === 0, 'the sign-in banner to go');
  await eventually(() => page.getByTestId('approve-checked').isEnabled(), Boolean, 'approving to be back');
  expect(await page.getByTestId('list-note-age').count()).toBe(0);
  expect(sorted(await rowIds(page))).toEqual(sorted(ids));
  await page.getByTestId('approve-checked').click();
  await eventually(() => textOf(page, 'approve-result'), (text) => /^2 approved/.test(text), 'the counts');
  expect(rig.proxy.applied('POST', APPROVE)).toHaveLength(1);
  expect(sorted(await rig.pendingNames('token'))).toEqual(names('token', 2));
});
