import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.ts';

// The screens are one React app with a lazily loaded chunk per route, so a citizen's phone on the
// tracking page downloads only what that page needs.
export default defineConfig({
  root: 'renderer',
  base: '/',
  publicDir: false,
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    target: 'es2022',
    assetsInlineLimit: 0,
    // The reports chunk carries the chart library; it loads only on the admin's reports page.
    chunkSizeWarningLimit: 900,
  },
  // gzip and brotli beside every text asset, sent by the host as the browser accepts them.
  plugins: [precompress()],
  oxc: { jsx: { runtime: 'automatic' } },
  server: { proxy: { '/api': { target: 'http://localhost:8080', ws: true }, '/audio': 'http://localhost:8080' } },
});
