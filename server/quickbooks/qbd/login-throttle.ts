/**
 * Failed Web Connector logins, per user name. The Web Connector's password is all that stands
 * between the internet and a company's QuickBooks Desktop queue, and every check costs a password
 * hash: after MAX_FAILURES failures within WINDOW_MS, a user name is refused without a check until
 * the oldest of them is older than the window, so at most that many guesses get through per window.
 * A correct login clears the count. Unknown user names count the same way, so the answers say
 * nothing about which names exist. Kept in memory by each server instance: with several instances,
 * each allows that many (see docs/deployment.md).
 */
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;
/** User names followed at once; the oldest is forgotten beyond this, so a flood of names cannot grow memory. */
const MAX_TRACKED = 10_000;
/** Longer names cannot be valid (64 characters at most); only this much of one is kept as its key. */
const KEY_LENGTH = 128;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** True when this user name has used up its failures and must not be checked now. */
  refuses(userName: string): boolean {
    return this.recent(keyOf(userName)).length >= MAX_FAILURES;
  }

  failed(userName: string): void {
    const key = keyOf(userName);
    const list = [...this.recent(key), this.now()];
    this.failures.delete(key); // re-inserted last: the map's order is then oldest activity first
    this.failures.set(key, list);
    if (this.failures.size > MAX_TRACKED) this.failures.delete(this.failures.keys().next().value!);
  }

  succeeded(userName: string): void {
    this.failures.delete(keyOf(userName));
  }

  /** The failures still inside the window (older ones are dropped). */
  private recent(key: string): number[] {
    const list = this.failures.get(key);
    if (!list) return [];
    const cutoff = this.now() - WINDOW_MS;
    const kept = list.filter((at) => at > cutoff);
    if (kept.length === 0) this.failures.delete(key);
    else if (kept.length !== list.length) this.failures.set(key, kept);
    return kept;
  }
}

const keyOf = (userName: string) => userName.slice(0, KEY_LENGTH);
