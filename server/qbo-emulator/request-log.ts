/**
 * The log of API and OAuth requests the emulator received, so tests can count calls and check how
 * many ran at once. Token-bearing parameters are never recorded.
 */
export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  realmId: string | null;
  status: number | null;
  at: string;
  /** The most requests of this company in flight together while this one was (0 when refused before running). */
  inFlightPeak: number;
}

const MAX_ENTRIES = 10_000;
const SECRET_PARAMS = new Set(['code', 'refresh_token', 'access_token', 'token', 'client_secret', 'id_token']);

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private readonly active = new Map<string, Set<LoggedRequest>>();

  begin(method: string, url: URL, realmId: string | null, at: string): LoggedRequest {
    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams) query[key] = SECRET_PARAMS.has(key.toLowerCase()) ? '[hidden]' : value;
    const entry: LoggedRequest = { method, path: url.pathname, query, realmId, status: null, at, inFlightPeak: 0 };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries = this.entries.slice(-MAX_ENTRIES);
    return entry;
  }

  /** The request passed the limits and now runs: it counts toward the company's concurrency. */
  admit(entry: LoggedRequest): void {
    const key = entry.realmId ?? '';
    let running = this.active.get(key);
    if (!running) {
      running = new Set();
      this.active.set(key, running);
    }
    running.add(entry);
    for (const other of running) other.inFlightPeak = Math.max(other.inFlightPeak, running.size);
  }

  finish(entry: LoggedRequest, status: number): void {
    entry.status = status;
    this.active.get(entry.realmId ?? '')?.delete(entry);
  }

  list(): LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
