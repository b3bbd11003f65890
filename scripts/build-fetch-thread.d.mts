/** Bundles the extra sync connection's thread as fetch-thread.cjs into `outdir` (build-fetch-thread.mjs). */
export function buildFetchThread(outdir: string): Promise<void>;
