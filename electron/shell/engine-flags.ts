// The V8 flags of the engine's own process, in one place: both shells' process spawns
// (engine-process.ts, main.ts) and the bench's engine workers take them from here, so the memory
// the bench measures is the memory the shipped engine uses (docs/architecture.md, "Memory").

/**
 * Always given to the engine's process; empty for now. `--optimize-for-size` would meet the
 * memory budget (RSS after a 100,000-message sync 188-224 MB -> 140-152 MB: V8 keeps ~38 MB of
 * heap committed instead of 70-97 MB for ~35 MB of live objects) but costs the first sync 10-50 %
 * more CPU per header, and figure a may not get slower (docs/architecture.md, "Memory"). A user
 * short of memory turns it on with MAIL_ENGINE_FLAGS=--optimize-for-size.
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
