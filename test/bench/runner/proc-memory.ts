// Resident memory of another process, read from /proc (Linux): the current RSS and the kernel's
// high-water mark (VmHWM), which catches a peak between two samples.
import { readFileSync } from 'node:fs';

export interface ProcMemory {
  rssMb: number;
  peakMb: number;
}

export function procMemory(pid: number): ProcMemory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Samples RSS every `intervalMs` until stopped; returns the samples (ms since start, MB). */
export function sampleRss(pid: number, intervalMs = 100): () => { t: number; rssMb: number }[] {
  const t0 = Date.now();
  const samples: { t: number; rssMb: number }[] = [];
  const take = () => {
    const memory = procMemory(pid);
    if (memory) samples.push({ t: Date.now() - t0, rssMb: Math.round(memory.rssMb * 10) / 10 });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return () => {
    clearInterval(timer);
    take();
    return samples;
  };
}
