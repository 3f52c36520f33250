/**
 * Failures a test asks for: the next matching request(s) either run and then lose their reply (the
 * connection is cut: did the write happen?), or get a chosen error status without running at all.
 */
export interface FaultRule {
  realmId?: string;
  match: { method?: string; pathContains?: string };
  action: 'drop-after-apply' | 'status';
  status?: number;
  retryAfter?: number;
  times: number;
}

export interface ArmedFault extends FaultRule {
  id: number;
  remaining: number;
}

export class FaultInjector {
  private rules: ArmedFault[] = [];
  private nextId = 1;

  add(rule: FaultRule): ArmedFault {
    const armed: ArmedFault = { ...rule, id: this.nextId++, remaining: rule.times };
    this.rules.push(armed);
    return armed;
  }

  clear(): void {
    this.rules = [];
  }

  list(): ArmedFault[] {
    return this.rules;
  }

  /** The first armed rule this request matches, used up by one. */
  take(realmId: string | null, method: string, path: string): ArmedFault | null {
    const rule = this.rules.find((r) =>
      (r.realmId === undefined || r.realmId === realmId)
      && (r.match.method === undefined || r.match.method.toUpperCase() === method.toUpperCase())
      && (r.match.pathContains === undefined || path.includes(r.match.pathContains)));
    if (!rule) return null;
    rule.remaining--;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }
}
