// Builds the renderer into dist/renderer with relative URLs, so the same files load from
// file:// in Electron and from the browser shell's HTTP server.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** A file: URL as a path (renderer/ may not import node:url, see eslint/layers.js). */
function pathOf(url: URL): string {
  return decodeURIComponent(url.pathname).replace(/^\/([A-Za-z]:)/, '$1');
}

export default defineConfig({
  root: pathOf(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: pathOf(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The CSP allows same-origin scripts only; no inline preload polyfill.
    modulePreload: { polyfill: false },
    // A desktop app loads its one bundle from disk or loopback; size warnings are noise here.
    chunkSizeWarningLimit: 1024,
  },
});
