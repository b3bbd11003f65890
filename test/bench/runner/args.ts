// `npm run bench -- [--size N] [--no-browser] [--browser-only] [--cpu-prof]`
export interface BenchArgs {
  /** Messages in the test INBOX. */
  size: number;
  /** Skip the Chromium measurements (g). */
  browser: boolean;
  /** Only the Chromium measurements (g): sync the profile, skip every engine figure. */
  browserOnly: boolean;
  /** Write V8 CPU profiles of the engine worker to .tmp/bench-profiles/. */
  cpuProf: boolean;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { size: 50_000, browser: true, browserOnly: false, cpuProf: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    if (flag === '--size') {
      const value = Number(inline ?? argv[++i]);
      if (!Number.isInteger(value) || value < 1_000)
        throw new Error(`--size needs a whole number ≥ 1000, not ${value}`);
      args.size = value;
    } else if (arg === '--no-browser') args.browser = false;
    else if (arg === '--browser-only') args.browserOnly = true;
    else if (arg === '--cpu-prof') args.cpuProf = true;
    else throw new Error(`unknown option ${arg} (use --size N, --no-browser, --browser-only, --cpu-prof)`);
  }
  if (args.browserOnly && !args.browser) throw new Error('--browser-only and --no-browser exclude each other');
  return args;
}
