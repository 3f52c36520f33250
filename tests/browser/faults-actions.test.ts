/**
 * Fault injection on the user's actions (issue 8, sections 4, 5 and 8), in real Chromium with the
 * built extension, through the fault proxy in front of the real reference server. An approve
 * whose reply is lost (cut off after 200, connection dropped after the server applied it, a
 * captive portal's HTML, a 500) is an unknown outcome: the popup says it is confirming, the
 * background re-sends it with the same Idempotency-Key, and the popup ends with the counts. A
 * worker stopped mid-approve, and an approve that never gets an answer (shown as not done, then
 * tried again by the user), end the same way. Every time the server applied it exactly once:
 * checked on the server itself and in the proxy's log.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../support/fault-proxy';
import { eventually, screenshotPath } from './harness';
import { APPROVE, badgeWhen, record, rowIds, seen, sorted, startFaultRig, SUMMARY, textOf, type FaultRig } from './fault-rig';

let rig: FaultRig;

beforeAll(async () => {
  rig = await startFaultRig('faults-actions');
});
afterEach(async () => {
  rig.proxy.clear();
  await rig.closePages();
});
afterAll(async () => {
  await rig?.close();
});

const CONFIRMING = /No answer from the sync service yet/;
const names = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag} ${i + 1}`);

/** Every approve since the log was cleared went out under one key, and the server applied one. */
function expectOneKeyAppliedOnce(): void {
  const approves = rig.approves();
  expect(new Set(approves.map((r) => r.idempotencyKey)).size, 'one Idempotency-Key for every attempt').toBe(1);
  expect(approves[0]!.idempotencyKey).toMatch(/^[A-Za-z0-9-]{8,64}$/);
  expect(rig.proxy.applied('POST', APPROVE), 'applied once (replays aside)').toHaveLength(1);
}

describe('an approve whose reply is lost is confirmed, not reported as failed', () => {
  const LOST: { tag: string; what: string; rule: Rule; reachesServer: boolean }[] = [
    { tag: 'cut', what: 'a reply cut off after 200', rule: { method: 'POST', path: APPROVE, times: 1, fault: 'truncate', bytes: 12 }, reachesServer: true },
    { tag: 'dropped', what: 'the connection dropped after the server applied it', rule: { method: 'POST', path: APPROVE, times: 1, fault: 'drop-after-apply' }, reachesServer: true },
    { tag: 'portal', what: "a captive portal's HTML page with 200", rule: { method: 'POST', path: APPROVE, times: 1, fault: 'html' }, reachesServer: false },
    { tag: 'fivehundred', what: 'a 500, then success', rule: { method: 'POST', path: APPROVE, times: 1, fault: 'status', status: 500 }, reachesServer: false },
  ];

  it.each(LOST)('$what: confirming, re-sent with the same key, applied once, the counts shown', async ({ tag, rule, reachesServer }) => {
    const ids = await rig.freshItems(tag, 3);
    const page = await rig.openPopup(ids);
    await badgeWhen(rig, (b) => b.text === '3', 'the badge to count three items');
    await record(page);
    rig.proxy.clearLog();
    rig.proxy.add(rule);

    await page.getByTestId('approve-checked').click();
    const first = await rig.proxy.waitFor((r) => r.method === 'POST');
    expect(first.forwarded).toBe(reachesServer);
    if (reachesServer) expect(first.upstreamStatus).toBe(200);

    // The popup ends with what the server's replay (or the first real answer) said.
    await eventually(() => textOf(page, 'approve-result'), (text) => /^3 approved/.test(text), 'the counts of the confirmed approval', 20_000);
    const history = await seen(page);
    expect(history.results.some((text) => CONFIRMING.test(text)), `confirming was shown: ${JSON.stringify(history.results)}`).toBe(true);
    expect(history.results.join('\n')).not.toMatch(/Nothing was approved/);
    expect(await textOf(page, 'approve-result')).toBe('3 approved · 0 kept for next time · 0 cleared');

    // Re-sent with the same key; the server applied it once, and holds exactly these three.
    const approves = rig.approves();
    expect(approves.length).toBeGreaterThanOrEqual(2);
    expectOneKeyAppliedOnce();
    if (reachesServer) expect(approves.slice(1).every((r) => r.replayed), 'the re-sends were replays').toBe(true);
    expect(sorted(await rig.pendingNames(tag))).toEqual(names(tag, 3));
    expect(await rig.waitingIds()).toEqual([]);

    // Page and badge agree with the server; nothing is left waiting.
    expect(await rowIds(page)).toEqual([]);
    expect(await page.getByTestId('waiting-actions').count()).toBe(0);
    await badgeWhen(rig, (b) => b.text === '' && !/cannot reach/.test(b.title), 'the badge to drop the approved items');
  });
});

it('the service worker stopped while an approve is in flight: the page asks by key and learns the outcome; applied once', async () => {
  const ids = await rig.freshItems('stopped', 2);
  const page = await rig.openPopup(ids);
  await record(page);
  rig.proxy.clearLog();
  // The server applies the approve; its reply is held in the proxy while the worker is stopped.
  const hold = rig.proxy.add({ method: 'POST', path: APPROVE, fault: 'delay', phase: 'reply' });
  await page.getByTestId('approve-checked').click();
  const held = await rig.proxy.waitFor((r) => r.method === 'POST' && r.upstreamStatus === 200, { pending: true });
  expect(sorted(await rig.pendingNames('stopped')), 'applied on the server before the worker stopped').toEqual(names('stopped', 2));

  await rig.stopWorker(page);
  hold.remove();
  await eventually(async () => held.outcome, (outcome) => outcome !== 'pending', 'the held request to end');
  expect(held.outcome).toBe('client-gone');

  // The page lost its reply: it never says nothing was approved; it asks the restarted worker by
  // the action's key, the outbox re-sends with that key, and the replay gives the counts.
  await eventually(() => textOf(page, 'approve-result'), (text) => /^2 approved/.test(text), 'the outcome learnt by key', 20_000);
  const history = await seen(page);
  expect(history.results.join('\n')).not.toMatch(/Nothing was approved|did not answer/);
  expect(history.results, 'the page knew it lost its reply').toContain('SyncLens is checking whether your approval reached the sync service…');
  expectOneKeyAppliedOnce();
  expect(rig.approves().length).toBeGreaterThanOrEqual(2);
  expect(rig.approves().slice(1).every((r) => r.replayed)).toBe(true);
  expect(sorted(await rig.pendingNames('stopped'))).toEqual(names('stopped', 2));

  // The applied items are not listed as waiting, in the popup or on the badge.
  expect(await rowIds(page)).toEqual([]);
  await eventually(() => page.getByTestId('waiting-actions').count(), (n) => n === 0, 'no waiting actions');
  await badgeWhen(rig, (b) => b.text === '', 'the badge without the approved items');
});

it('an approve that never gets an answer is shown as not done after 8 attempts, and Try again applies it once', async () => {
  const ids = await rig.freshItems('unanswered', 2);
  const page = await rig.openPopup(ids);
  await page.setViewportSize({ width: 400, height: 600 });
  await record(page);
  rig.proxy.clearLog();
  // Every attempt reaches the server (the first applies it, the others are replays); no answer gets back.
  const drop = rig.proxy.add({ method: 'POST', path: APPROVE, fault: 'drop-after-apply' });
  await page.getByTestId('approve-checked').click();

  await eventually(() => textOf(page, 'approve-result'), (text) => CONFIRMING.test(text), 'the confirming note');
  await page.getByTestId('waiting-action').first().waitFor();
  expect(await textOf(page, 'approve-result')).toBe(
    'No answer from the sync service yet. SyncLens is confirming your approval and will show the result here.',
  );
  expect(await textOf(page, 'waiting-actions')).toMatch(/Waiting to reach the sync service.*Approve 2 items/);
  await page.screenshot({ path: screenshotPath('faults-popup-confirming.png') });

  // Every poll re-sends it with its key (the refresh button asks for one now), until SyncLens stops.
  await eventually(
    async () => {
      const refresh = page.getByTestId('refresh');
      if (await refresh.isEnabled()) await refresh.click();
      return (await page.getByTestId('waiting-action').first().getAttribute('data-state')) ?? '';
    },
    (state) => state === 'not-done',
    'the action to be shown as not done',
    40_000,
  );
  const attempts = rig.approves();
  expect(attempts).toHaveLength(8);
  expectOneKeyAppliedOnce();
  expect(attempts.every((r) => r.outcome === 'dropped')).toBe(true);
  // The server did apply it (the first attempt): the popup must not say it was not approved.
  expect(sorted(await rig.pendingNames('unanswered'))).toEqual(names('unanswered', 2));
  expect(await textOf(page, 'approve-result')).toMatch(
    /^Not confirmed: SyncLens stopped trying on its own \(the sync service did not answer\) and does not know whether the sync service received this approval\. Use Try again below: it is never applied twice\.$/,
  );
  // Said in plain words: no address, no browser error text.
  expect(await textOf(page, 'waiting-action')).toMatch(/not confirmed: the sync service did not answer/);
  expect(await textOf(page, 'approve-result-box')).not.toMatch(/http|Failed to fetch/);
  await expect(page.getByTestId('action-retry').isVisible()).resolves.toBe(true);
  await expect(page.getByTestId('action-discard').isVisible()).resolves.toBe(true);
  await page.screenshot({ path: screenshotPath('faults-popup-not-done.png') });

  // Given up: polls go on, the action is not sent again on its own.
  const lastSeq = attempts.at(-1)!.seq;
  await rig.proxy.waitFor((r) => r.path === SUMMARY && r.seq > lastSeq + 1);
  expect(rig.approves()).toHaveLength(8);

  // The user tries again once the network is fine: the replay says what happened.
  drop.remove();
  await page.getByTestId('action-retry').click();
  await eventually(() => textOf(page, 'approve-result'), (text) => /^2 approved/.test(text), 'the counts after Try again');
  await eventually(() => page.getByTestId('waiting-actions').count(), (n) => n === 0, 'no waiting actions');
  expect(rig.approves()).toHaveLength(9);
  expect(rig.approves().at(-1)!.replayed).toBe(true);
  expectOneKeyAppliedOnce();
  expect(sorted(await rig.pendingNames('unanswered'))).toEqual(names('unanswered', 2));
  expect(await rig.waitingIds()).toEqual([]);
  await badgeWhen(rig, (b) => b.text === '', 'the badge without the approved items');
});
