// Builds everything `npm start`, `npm run web` and `npm run dist` need into dist/:
//   dist/main.cjs     Electron main process (dependencies stay in node_modules)
//   dist/preload.cjs  the sandboxed preload: one self-contained file (sandboxed preloads cannot require)
//   dist/engine-utility.cjs  the mail engine in Electron's utility process (main.ts forks it)
//   dist/web.mjs      the browser shell (same core, WebSocket instead of IPC)
//   dist/engine.mjs   the mail engine in the browser shell's child process (web.mjs forks it)
//   dist/fetch-thread.cjs  an extra sync connection's thread, which either engine starts
//   dist/renderer/    the React UI, built by Vite
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync } from 'node:fs';
import { buildFetchThread } from './build-fetch-thread.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

const only = process.argv[2]; // optional: main | preload | web | renderer (main and web build their engine too)

// OAuth2 client ids of this build (README "OAuth2 client ids"): MAIL_OAUTH_<PROVIDER>_CLIENT_ID and
// _CLIENT_SECRET from the build's environment, baked into main and the browser shell
// (electron/shell/oauth-config.ts). Nothing else of the environment goes in.
const oauthClients = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key, value]) => /^MAIL_OAUTH_[A-Z0-9_]+_CLIENT_(?:ID|SECRET)$/.test(key) && value,
  ),
);
const oauthDefine = { __MAIL_OAUTH_CLIENTS__: JSON.stringify(JSON.stringify(oauthClients)) };

async function buildMain() {
  await esbuild({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/main.cjs',
    format: 'cjs',
    packages: 'external',
    // CommonJS has no import.meta: the core's import.meta.url (the header writer finds
    // better-sqlite3 for its thread with it) is this file's URL.
    define: { 'import.meta.url': '__mainFileUrl', ...oauthDefine },
    banner: { js: "const __mainFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  // the engine's utility process: CommonJS like main, for the same reason
  await esbuild({
    ...common,
    entryPoints: ['electron/engine-utility.ts'],
    outfile: 'dist/engine-utility.cjs',
    format: 'cjs',
    packages: 'external',
    define: { 'import.meta.url': '__mainFileUrl' },
    banner: { js: "const __mainFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  await buildFetchThread('dist');
}

async function buildPreload() {
  await esbuild({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  });
}

async function buildWeb() {
  await esbuild({
    ...common,
    entryPoints: ['electron/web.ts'],
    outfile: 'dist/web.mjs',
    format: 'esm',
    packages: 'external',
    define: oauthDefine,
  });
  // the OAuth2 client ids reach the engine as data from the shell: no define here
  await esbuild({
    ...common,
    entryPoints: ['electron/engine.ts'],
    outfile: 'dist/engine.mjs',
    format: 'esm',
    packages: 'external',
  });
  await buildFetchThread('dist');
}

async function buildRenderer() {
  await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
}

const steps = { main: buildMain, preload: buildPreload, web: buildWeb, renderer: buildRenderer };
for (const [name, step] of Object.entries(steps)) {
  if (only && only !== name) continue;
  if (name === 'renderer' && !existsSync('renderer/vite.config.ts')) continue;
  await step();
}
console.log(`built ${only ?? 'all'} into dist/`);
