// The V8 flags of the engine's own process, in one place: both shells' process spawns
// (engine-process.ts, main.ts) and the bench's engine workers take them from here, so the memory
// the bench measures is the memory the shipped engine uses (docs/architecture.md, "Memory").

/**
 * Always given to the engine's process. `--optimize-for-size` makes V8 grow its heap in smaller
 * steps and give pages back sooner: after a 100,000-message first sync the engine's heap holds
 * ~35 MB of live objects, but without it V8 keeps 70-95 MB committed (old space grown during
 * the FETCH parse, a young generation at full size), which is most of the RSS above target.
 */
export const ENGINE_V8_FLAGS: readonly string[] = ['--optimize-for-size'];

/**
 * The engine's flags, then MAIL_ENGINE_FLAGS="--cpu-prof --max-old-space-size=512", say: the
 * user's come last, so V8 lets them override a default (`--no-optimize-for-size`).
 */
export function engineFlags(env: Readonly<Record<string, string | undefined>>): string[] {
  const extra = (env.MAIL_ENGINE_FLAGS ?? '').split(/\s+/).filter((flag) => flag.startsWith('--'));
  return [...ENGINE_V8_FLAGS, ...extra];
}
