import solid from 'vite-plugin-solid';
import { defineConfig } from 'vite';

// The citizen client: built into web/dist, which the Worker serves as static assets.
const api = 'http://127.0.0.1:8787'; // `wrangler dev`

export default defineConfig({
  root: 'web',
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The CSP allows no inline script; the polyfill would be inlined into index.html.
    modulePreload: { polyfill: false },
    // dist/.vite/manifest.json: which files each route needs (test/bench/form-size.mjs).
    manifest: true,
  },
  server: {
    proxy: {
      '/api': { target: api, ws: true },
      '/open311': api,
    },
  },
});
