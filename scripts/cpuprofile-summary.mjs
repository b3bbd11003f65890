// `node scripts/cpuprofile-summary.mjs <file.cpuprofile> [--by function|file] [--top N] [--during NAME]`
// Sums a V8 CPU profile's self time by function (or by script), largest first, to compare two
// profiles (the bench's --cpu-prof: the engine's threads beside a bare imapflow fetch's) function
// by function. --during NAME counts only the samples from the first to the last one with a
// function called NAME on the stack (e.g. toHeaderRecord: the header sync, not the settling after it).
import { readFileSync } from 'node:fs';

function parseArgs(argv) {
  const options = { by: 'function', top: 40, during: null, file: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--by') options.by = argv[++i];
    else if (arg === '--top') options.top = Number(argv[++i]);
    else if (arg === '--during') options.during = argv[++i];
    else options.file = arg;
  }
  if (!options.file || !['function', 'file'].includes(options.by) || !(options.top > 0))
    throw new Error('usage: cpuprofile-summary.mjs <file.cpuprofile> [--by function|file] [--top N] [--during NAME]');
  return options;
}

/** node_modules paths from the package on, this checkout's from its top folder. */
const shortUrl = (url) => url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(?=[^/]+\.m?js$)/, '');

function summarize({ file, by, top, during }) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const onStack = (id, name) => {
    for (let at = id; at !== undefined; at = parent.get(at))
      if (nodes.get(at).callFrame.functionName === name) return true;
    return false;
  };
  // a sample's time is the delta to the next one
  const { samples, timeDeltas } = profile;
  const spent = samples.map((_, i) => timeDeltas[i + 1] ?? 0);
  let first = 0;
  let last = samples.length - 1;
  if (during) {
    const marked = samples.flatMap((id, i) => (onStack(id, during) ? [i] : []));
    if (!marked.length) throw new Error(`no sample has ${during} on its stack`);
    [first, last] = [marked[0], marked.at(-1)];
  }
  const sums = new Map();
  let total = 0;
  let idle = 0;
  for (let i = first; i <= last; i++) {
    const { functionName, url, lineNumber } = nodes.get(samples[i]).callFrame;
    const ms = spent[i] / 1000;
    if (functionName === '(idle)') {
      idle += ms;
      continue;
    }
    total += ms;
    const key =
      by === 'file'
        ? shortUrl(url) || '(native)'
        : `${functionName || '(anonymous)'}  ${shortUrl(url)}:${lineNumber + 1}`;
    sums.set(key, (sums.get(key) ?? 0) + ms);
  }
  console.log(`${file}: busy ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms${during ? ` (during ${during})` : ''}`);
  for (const [key, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${ms.toFixed(1).padStart(9)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
}

summarize(parseArgs(process.argv.slice(2)));
