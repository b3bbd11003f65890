// test/bench/results.json: the same figures as the table, for tools and for comparing runs.
import { writeFileSync } from 'node:fs';
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
  const file = path.join(root, 'test', 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
