import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server (packages/server) listens on 5174 in development; the built app is served by it.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:5174' } },
  preview: { port: 4173, proxy: { '/api': 'http://127.0.0.1:5174' } },
});
