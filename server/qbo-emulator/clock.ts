/**
 * The emulator's clock: the injected `now` plus whatever the admin endpoint moved it forward by, so
 * tests can expire tokens, codes and rate windows without waiting.
 */
export class EmulatorClock {
  private offsetMs = 0;
  private readonly base: () => Date;

  constructor(base: () => Date = () => new Date()) {
    this.base = base;
  }

  nowMs(): number {
    return this.base().getTime() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  iso(): string {
    return this.now().toISOString();
  }

  /** Today's date (UTC) as YYYY-MM-DD, the default TxnDate. */
  today(): string {
    return this.iso().slice(0, 10);
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}
