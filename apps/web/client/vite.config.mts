import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The analysts' workspace: Preact with the automatic JSX runtime, built into dist/web-client. */
export default defineConfig({
  root,
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    outDir: fileURLToPath(new URL('../../../dist/web-client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api/core': { target: 'http://127.0.0.1:3000', rewrite: (p) => p.replace(/^\/api\/core/, '') },
      '/api/ingest': { target: 'http://127.0.0.1:3001', rewrite: (p) => p.replace(/^\/api\/ingest/, '') },
      '/api/alerts': { target: 'http://127.0.0.1:3004', rewrite: (p) => p.replace(/^\/api\/alerts/, '') },
    },
  },
});
