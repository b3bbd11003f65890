// Order statistics for timing samples: nearest-rank percentiles, no interpolation.
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);
export const p95 = (samples: readonly number[]): number => percentile(samples, 95);
export const max = (samples: readonly number[]): number => (samples.length ? Math.max(...samples) : Number.NaN);
export const mean = (samples: readonly number[]): number =>
  samples.length ? samples.reduce((sum, x) => sum + x, 0) / samples.length : Number.NaN;

/** Median, p95 and max, rounded for the results file. */
export function summary(samples: readonly number[]): { n: number; median: number; p95: number; max: number } {
  const round = (x: number) => Math.round(x * 100) / 100;
  return { n: samples.length, median: round(median(samples)), p95: round(p95(samples)), max: round(max(samples)) };
}
