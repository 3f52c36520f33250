/** Pure: the summaries of several sync services as one (companies side by side, totals summed). */
import type { Summary } from '../api/schema';

export function mergeSummaries(summaries: readonly Summary[]): Summary | null {
  if (summaries.length === 0) return null;
  if (summaries.length === 1) return summaries[0]!;
  const sum = (pick: (s: Summary) => number) => summaries.reduce((n, s) => n + pick(s), 0);
  return {
    pendingApprovals: { export: sum((s) => s.pendingApprovals.export), import: sum((s) => s.pendingApprovals.import) },
    pendingSyncs: sum((s) => s.pendingSyncs),
    failedSyncs: sum((s) => s.failedSyncs),
    unsynced: sum((s) => s.unsynced),
    companies: summaries.flatMap((s) => s.companies),
    generatedAt: summaries.map((s) => s.generatedAt).reduce((a, b) => (b > a ? b : a)),
  };
}
