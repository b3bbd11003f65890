// `npm run bench -- [--size N] [--rounds N] [--no-browser] [--browser-only] [--only c,d,e,g,h,m,p,r,s,u] [--cpu-prof]`
export interface BenchArgs {
  /** Messages in the test INBOX. */
  size: number;
  /** The Chromium measurements (g, r) run: no --no-browser, and g or r in --only if that was given (u, the app's own first sync, is asked for on its own). */
  browser: boolean;
  /** --only was given: the phases left out are reported as not asked for. */
  only: boolean;
  /** Only the Chromium measurements (g, r, u): sync the profile, skip every engine figure. */
  browserOnly: boolean;
  /** Write V8 CPU profiles of the engine worker to .tmp/bench-profiles/. */
  cpuProf: boolean;
  /** Alternating rounds of figure a (default 5); fewer makes a 1M run take minutes, not an hour. */
  rounds: number;
  /**
   * The phases after the first sync that run (resync c, bodies d, window e, browser g, search h). The first
   * sync (a, b, f) runs whenever one of them does: they work on the profile it leaves behind.
   */
  phases: ReadonlySet<OptionalPhase>;
  /**
   * The first sync (a, b, f) and the INBOX it needs are measured. Not with --only p alone: the POP3
   * download fills a mailbox of its own, and waiting minutes for a 50k sync nobody asked for made
   * its figure dear to measure.
   */
  firstSync: boolean;
}

export const OPTIONAL_PHASES = ['c', 'd', 'e', 'g', 'h', 'm', 'p', 'r', 's', 'u'] as const;
export type OptionalPhase = (typeof OPTIONAL_PHASES)[number];

function parseOnly(value: string | undefined): { phases: Set<OptionalPhase>; sync: boolean } {
  const phases = new Set<OptionalPhase>();
  let sync = false;
  for (const item of (value ?? '').split(',')) {
    const name = item.trim();
    // a, b and f are the first sync's figures: asking for them alone is asking for no other phase
    if (name === 'a' || name === 'b' || name === 'f') {
      sync = true;
      continue;
    }
    if (!(OPTIONAL_PHASES as readonly string[]).includes(name))
      throw new Error(
        `--only takes figure letters from a, b, c, d, e, f, g, h, m, p, r, s, u (comma separated), not "${item}"`,
      );
    phases.add(name as OptionalPhase);
  }
  return { phases, sync };
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  let size = 50_000;
  let browser = true;
  let cpuProf = false;
  let only: Set<OptionalPhase> | null = null;
  let syncAsked = false;
  let browserOnly = false;
  let rounds = 5;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    if (flag === '--size') {
      const value = Number(inline ?? argv[++i]);
      if (!Number.isInteger(value) || value < 1_000)
        throw new Error(`--size needs a whole number ≥ 1000, not ${value}`);
      size = value;
    } else if (flag === '--rounds') {
      rounds = Number(inline ?? argv[++i]);
      if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds needs a whole number ≥ 1, not ${rounds}`);
    } else if (flag === '--only') ({ phases: only, sync: syncAsked } = parseOnly(inline ?? argv[++i]));
    else if (arg === '--no-browser') browser = false;
    else if (arg === '--browser-only') browserOnly = true;
    else if (arg === '--cpu-prof') cpuProf = true;
    else
      throw new Error(
        `unknown option ${arg} (use --size N, --rounds N, --no-browser, --browser-only, --only c,d,e,g,h,m,p,r,s,u, --cpu-prof)`,
      );
  }
  if (browserOnly && !browser) throw new Error('--browser-only and --no-browser exclude each other');
  const inChromium = ['g', 'm', 'r', 'u'] as const;
  if (browserOnly && only && [...only].some((p) => !(inChromium as readonly string[]).includes(p)))
    throw new Error(
      '--browser-only is --only g,m,r,u without the engine figures: with it, --only takes g, m, r or u alone',
    );
  const phases = new Set<OptionalPhase>(browserOnly ? (only ?? inChromium) : (only ?? OPTIONAL_PHASES));
  if (!browser) for (const phase of inChromium) phases.delete(phase);
  return {
    size,
    browser: phases.has('g') || phases.has('m') || phases.has('r'),
    browserOnly,
    only: only !== null || browserOnly,
    cpuProf,
    rounds,
    phases,
    firstSync: !browserOnly && !(only !== null && !syncAsked && phases.size === 1 && phases.has('p')),
  };
}
