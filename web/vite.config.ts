// Builds the console into dist/web, which the server serves at /.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  plugins: [react()],
  build: { outDir: path.resolve(here, '../dist/web'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // `npx vite --config web/vite.config.ts` during development, with the server on :8080.
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/health': 'http://127.0.0.1:8080',
      '/notices/v1': 'http://127.0.0.1:8080',
    },
  },
});
