/**
 * Webhook notifications, as Intuit sends them: a POST to each connected app's webhook URL, the raw
 * body signed with HMAC-SHA256 under the app's verifier token (header `intuit-signature`, base64),
 * as CloudEvents (an array) or in the legacy eventNotifications shape. Events may be held for a
 * moment and sent together; failed deliveries are recorded and retried a few times, never thrown.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { EmulatorClock } from './clock.ts';
import type { AppRegistration } from './oauth-store.ts';
import type { ChangeEvent, ChangeOperation } from './operations.ts';

export type WebhookFormat = 'legacy' | 'cloudevents';

export interface WebhookDelivery {
  url: string;
  clientId: string;
  format: WebhookFormat;
  attempt: number;
  /** HTTP status the receiver answered, or null when it could not be reached. */
  status: number | null;
  error: string | null;
  body: unknown;
  signature: string | null;
  at: string;
}

export interface WebhookSenderOptions {
  clock: EmulatorClock;
  /** Hold events this long and send them in one notification (0 = on the next tick). */
  delayMs: number;
  defaultFormat: WebhookFormat;
  /** Waits before each retry of a failed delivery. */
  retryDelaysMs: readonly number[];
  /** The apps to notify for a company. */
  appsFor: (realmId: string) => AppRegistration[];
}

const DELIVERY_TIMEOUT_MS = 5_000;
const MAX_RECORDED = 1_000;

const PAST_TENSE: Record<ChangeOperation, string> = { Create: 'created', Update: 'updated', Delete: 'deleted', Void: 'voided', Merge: 'merged' };

export function signWebhookBody(verifierToken: string, rawBody: string): string {
  return createHmac('sha256', verifierToken).update(rawBody, 'utf8').digest('base64');
}

export function cloudEventsPayload(events: readonly ChangeEvent[]): unknown[] {
  return events.map((e) => ({
    specversion: '1.0',
    id: randomUUID(),
    source: 'intuit.emulator',
    type: `qbo.${e.entity.toLowerCase()}.${PAST_TENSE[e.operation]}.v1`,
    datacontenttype: 'application/json',
    time: e.lastUpdated,
    intuitentityid: e.id,
    intuitaccountid: e.realmId,
    data: {},
  }));
}

export function legacyPayload(events: readonly ChangeEvent[]): unknown {
  const byRealm = new Map<string, ChangeEvent[]>();
  for (const e of events) byRealm.set(e.realmId, [...(byRealm.get(e.realmId) ?? []), e]);
  return {
    eventNotifications: [...byRealm].map(([realmId, list]) => ({
      realmId,
      dataChangeEvent: { entities: list.map((e) => ({ name: e.entity, id: e.id, operation: e.operation, lastUpdated: e.lastUpdated })) },
    })),
  };
}

interface Pending { app: AppRegistration; format: WebhookFormat; events: ChangeEvent[]; timer: NodeJS.Timeout }

export class WebhookSender {
  private readonly opts: WebhookSenderOptions;
  private readonly pending = new Map<string, Pending>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stop = new AbortController();
  private recorded: WebhookDelivery[] = [];

  constructor(opts: WebhookSenderOptions) {
    this.opts = opts;
  }

  /** Queues notifications of these changes for every app connected to their companies. */
  publish(events: readonly ChangeEvent[], format: WebhookFormat = this.opts.defaultFormat): void {
    if (this.stop.signal.aborted) return;
    for (const event of events) {
      for (const app of this.opts.appsFor(event.realmId)) {
        if (!app.webhookUrl) continue;
        const key = `${app.clientId}\n${format}`;
        const queued = this.pending.get(key);
        if (queued) {
          queued.events.push(event);
          continue;
        }
        const timer = setTimeout(() => this.flush(key), this.opts.delayMs);
        this.pending.set(key, { app, format, events: [event], timer });
      }
    }
  }

  deliveries(): WebhookDelivery[] {
    return this.recorded;
  }

  clearDeliveries(): void {
    this.recorded = [];
  }

  /** Stops sending: queued notifications are dropped, deliveries under way are aborted. */
  async close(): Promise<void> {
    this.stop.abort();
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private flush(key: string): void {
    const queued = this.pending.get(key);
    if (!queued) return;
    this.pending.delete(key);
    const payload = queued.format === 'legacy' ? legacyPayload(queued.events) : cloudEventsPayload(queued.events);
    const run = this.deliver(queued.app, queued.format, JSON.stringify(payload), payload, 1);
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  private async deliver(app: AppRegistration, format: WebhookFormat, rawBody: string, body: unknown, attempt: number): Promise<void> {
    const url = app.webhookUrl!;
    const signature = app.webhookVerifier ? signWebhookBody(app.webhookVerifier, rawBody) : null;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'qbo-emulator-webhooks' };
    if (signature) headers['intuit-signature'] = signature;
    let status: number | null = null;
    let error: string | null = null;
    const attemptAbort = new AbortController();
    const onStop = () => attemptAbort.abort();
    this.stop.signal.addEventListener('abort', onStop);
    const timeout = setTimeout(() => attemptAbort.abort(new Error(`no reply within ${DELIVERY_TIMEOUT_MS / 1000} s`)), DELIVERY_TIMEOUT_MS);
    try {
      const reply = await fetch(url, { method: 'POST', headers, body: rawBody, signal: attemptAbort.signal });
      status = reply.status;
      await reply.body?.cancel();
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      error = attemptAbort.signal.aborted && attemptAbort.signal.reason instanceof Error
        ? attemptAbort.signal.reason.message
        : `${(err as Error).message}${cause ? ` (${cause})` : ''}`;
    } finally {
      clearTimeout(timeout);
      this.stop.signal.removeEventListener('abort', onStop);
    }
    this.record({ url, clientId: app.clientId, format, attempt, status, error, body, signature, at: this.opts.clock.iso() });
    const delivered = status !== null && status >= 200 && status < 300;
    const wait = this.opts.retryDelaysMs[attempt - 1];
    if (delivered || wait === undefined || this.stop.signal.aborted) return;
    await this.pause(wait);
    if (!this.stop.signal.aborted) await this.deliver(app, format, rawBody, body, attempt + 1);
  }

  /** Waits before a retry; close() ends the wait at once. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.stop.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.stop.signal.addEventListener('abort', done);
    });
  }

  private record(delivery: WebhookDelivery): void {
    this.recorded.push(delivery);
    if (this.recorded.length > MAX_RECORDED) this.recorded = this.recorded.slice(-MAX_RECORDED);
  }
}
