import { fileURLToPath } from 'node:url';
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
    // The largest chunk is exceljs's own prebuilt browser bundle (exceljs.min.js, 929 kB, 254 kB
    // gzipped): one minified file that cannot be split, loaded only when the admin imports or exports
    // a spreadsheet. Next come the reports page with its chart library (≈ 550 kB) and the shared entry
    // (≈ 290 kB). 1 MB lets exceljs through and still warns when anything else grows past it.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // The office's screens, and the province hub's (served by the hub at /hub/, issue #29); they share assets.
      input: {
        main: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        province: fileURLToPath(new URL('./renderer/province.html', import.meta.url)),
        // The hub's public booking page (#30): its own small entry for citizens' phones, served at /book.
        book: fileURLToPath(new URL('./renderer/book.html', import.meta.url)),
      },
      onwarn(warning, warn) {
        // lucide-react marks its modules "use client" for React Server Components; this app has none,
        // so the directive means nothing here and dropping it while bundling is right. Only that
        // known warning is filtered; any other module-level directive is still reported.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /[\\/]node_modules[\\/]lucide-react[\\/]/.test(warning.id ?? warning.message) && warning.message.includes('"use client"')) return;
        warn(warning);
      },
    },
  },
  // gzip and brotli beside every text asset, sent by the host as the browser accepts them.
  plugins: [precompress()],
  oxc: { jsx: { runtime: 'automatic' } },
  server: { proxy: { '/api': { target: 'http://localhost:8080', ws: true }, '/audio': 'http://localhost:8080' } },
});
