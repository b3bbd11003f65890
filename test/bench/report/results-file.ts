// bench/results.json (at the repository root, not committed): the same figures as the table, for tools and for comparing runs.
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
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
