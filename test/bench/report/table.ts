// The markdown the bench prints: the machine, then one row per figure with its target and verdict,
// then the notes that explain a row (why a figure is an error, what a baseline was).
import type { Figure } from './figures';
import type { MachineInfo } from '../runner/machine';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderTable(figures: readonly Figure[]): string {
  const lines = ['| figure | measurement | value | target | result |', '| --- | --- | --: | --: | :-: |'];
  for (const f of figures)
    lines.push(`| ${f.id} | ${cell(f.label)} | ${cell(f.shown)} | ${cell(f.target)} | ${f.status} |`);
  return lines.join('\n');
}

export function renderNotes(figures: readonly Figure[]): string {
  const notes = figures.filter((f) => f.note).map((f) => `- ${f.id}: ${f.note}`);
  return notes.length ? `Notes:\n${notes.join('\n')}` : '';
}

export function renderMachine(machine: MachineInfo, size: number): string {
  return [
    `## Mail benchmark: ${size.toLocaleString('en-US')} messages`,
    '',
    `Machine: ${machine.cpus} CPU (${machine.cpuModel}), ${machine.memoryGb} GB RAM, Node ${machine.node}, ${machine.platform}`,
    `Load average at start: ${machine.loadAverage.map((x) => x.toFixed(2)).join(' ')} (1, 5, 15 min)` +
      (machine.loadAverage[0]! > machine.cpus * 0.5
        ? ' — the machine is shared and busy: absolute times are noisy'
        : ''),
    'Sync is judged as a ratio against a bare imapflow fetch of the same fields run just before and just after it, ' +
      'so machine load affects both sides; latencies are absolute and carry that noise.',
  ].join('\n');
}
