// Progress lines on stderr (stdout carries only the results table), with the time since start.
const t0 = Date.now();

export function log(message: string): void {
  process.stderr.write(`bench [${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
}
