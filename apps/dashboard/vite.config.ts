import { defaultClientConditions, defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

/** The API server (packages/server) listens on 5174 in development; the built app is served by it. */
const API = 'http://127.0.0.1:5174';

/**
 * /api through the dev server. The API takes requests naming it in Host, and changes only from its own
 * origin: Host becomes the API's (changeOrigin), and so does the Origin of this dev server's own pages;
 * any other Origin is passed on as it is, for the API to refuse.
 */
const api: ProxyOptions = {
  target: API,
  changeOrigin: true,
  configure: (proxy) => {
    proxy.on('proxyReq', (proxyReq, req) => {
      if (req.headers.origin !== undefined && req.headers.origin === `http://${req.headers.host ?? ''}`) proxyReq.setHeader('origin', API);
    });
  },
};

export default defineConfig({
  plugins: [react()],
  base: './',
  // Bundle the workspace packages' TypeScript sources (the engine's "mixwise-source" export), not a built dist/.
  resolve: { conditions: ['mixwise-source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  server: { port: 5173, proxy: { '/api': api } },
  preview: { port: 4173, proxy: { '/api': api } },
});
