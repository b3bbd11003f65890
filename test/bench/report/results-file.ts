// bench/results.json and bench/results-<size>.json (at the repository root, not committed): the same
// figures as the table, for tools and for comparing runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MachineInfo } from '../runner/machine';
import type { Figure } from './figures';

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  size: number;
  machine: MachineInfo;
  figures: Figure[];
  /** Raw samples and intermediate numbers, per measurement. */
  details: Record<string, unknown>;
}

export function writeResults(root: string, results: BenchResults): string {
  const dir = path.join(root, 'bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'results.json');
  const text = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(file, text);
  // kept per size as well: the scale rows (s) of a larger run compare with the 100k run's figures
  writeFileSync(resultsFileFor(root, results.size), text);
  return file;
}

/** Where the last run of `size` messages left its results. */
export function resultsFileFor(root: string, size: number): string {
  return path.join(root, 'bench', `results-${size}.json`);
}
