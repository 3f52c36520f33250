/**
 * What every suite hands back, the small statistics they share, and the comparison with the
 * previous run's stored medians (docs/benchmarks.json).
 *
 * A timing is reported as a ratio to a baseline measured in the same run on the same machine, with
 * both absolute figures kept for reference: absolute times on a shared machine say more about the
 * machine than about the code.
 */

export interface BenchRow {
  /** What is measured and how (the probe, the number of runs). */
  name: string;
  /** The absolute figure(s), as shown. */
  value: string;
  /** The target, as a ratio to the baseline where the row has one. */
  target: string;
  pass: boolean;
  /** Stable id of the row in docs/benchmarks.json; rows without one are not compared between runs. */
  key?: string;
  /** The same-run baseline: what it is and its figure. */
  baseline?: string;
  /** value ÷ baseline, when the row has a baseline. */
  ratio?: number;
  /**
   * The figure compared with the previous run: the ratio when there is one, otherwise the absolute
   * median in the unit given.
   */
  figure?: { value: number; unit: string };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Nearest-rank percentile (p in 0..100). */
export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

export const times = (ratio: number): string => `${ratio.toFixed(2)}×`;

/** Consecutive runs agree when the figure moved by at most this fraction of the previous one. */
export const AGREEMENT = 0.15;

export interface StoredFigure { value: number; unit: string }
export interface StoredRun {
  date: string;
  machine: string;
  /** `suite/key` → the row's figure. */
  figures: Record<string, StoredFigure>;
}

export interface Agreement { text: string; agrees: boolean | null }

export function compareWithPrevious(row: BenchRow, previous: StoredFigure | undefined): Agreement {
  if (!row.figure) return { text: '—', agrees: null };
  if (!previous || previous.unit !== row.figure.unit) return { text: 'no previous figure', agrees: null };
  const now = row.figure.value;
  const before = previous.value;
  const change = before === 0 ? (now === 0 ? 0 : Infinity) : (now - before) / before;
  const shown = (v: number) => (row.figure!.unit === '×' ? times(v) : `${formatNumber(v)} ${row.figure!.unit}`);
  const pct = Number.isFinite(change) ? `${change >= 0 ? '+' : '−'}${Math.abs(change * 100).toFixed(0)} %` : 'from 0';
  const agrees = Math.abs(change) <= AGREEMENT;
  return { text: `${agrees ? 'agrees' : '**differs**'}: ${shown(before)} → ${shown(now)} (${pct})`, agrees };
}

export function formatNumber(v: number): string {
  if (Math.abs(v) >= 100) return v.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/**
 * Runs in a page (a string: tsx would wrap a function with helpers the page lacks) and resolves
 * with its frame interval: the median gap between consecutive animation frames over 61 frames.
 */
export const FRAME_INTERVAL = `new Promise((resolve) => {
  const stamps = [];
  const tick = (t) => { stamps.push(t); if (stamps.length < 61) requestAnimationFrame(tick); else {
    const gaps = stamps.slice(1).map((s, i) => s - stamps[i]).sort((a, b) => a - b);
    resolve(gaps[Math.floor(gaps.length / 2)]);
  } };
  requestAnimationFrame(tick);
})`;
