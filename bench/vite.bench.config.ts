import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Builds the benchmark's own pages (the plain React Flow baseline) into bench/dist. */
export default defineConfig({
  root: resolve(here, 'pages'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: { input: { baseline: resolve(here, 'pages/baseline.html') } },
  },
});
