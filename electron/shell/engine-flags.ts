// The V8 flags of the engine's own process, in one place: both shells' process spawns
// (engine-process.ts, main.ts) and the bench's engine workers take them from here, so the memory
// the bench measures is the memory the shipped engine uses (docs/architecture.md, "Memory").

/**
 * Always given to the engine's process; empty for now. `--optimize-for-size` from the start would
 * meet the memory budget but costs the first sync 10-50 % more CPU per header (figure a may not
 * get slower): the engine switches it on at run time instead, whenever no large sync runs
 * (engine-memory.ts), which meets the budget without that cost (docs/architecture.md, "Memory").
 * A user who sets it in MAIL_ENGINE_FLAGS keeps it for the whole run.
 */
export const ENGINE_V8_FLAGS: readonly string[] = [];

/**
 * The engine's flags, then MAIL_ENGINE_FLAGS="--cpu-prof --max-old-space-size=512", say: the
 * user's come last, so V8 lets them override a default (`--no-<flag>`).
 */
export function engineFlags(env: Readonly<Record<string, string | undefined>>): string[] {
  const extra = (env.MAIL_ENGINE_FLAGS ?? '').split(/\s+/).filter((flag) => flag.startsWith('--'));
  return [...ENGINE_V8_FLAGS, ...extra];
}
