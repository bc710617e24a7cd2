import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { installedVersions, recommendedFeatureFlags } from './cli/cdk-environment.ts';
import { devServerCsp } from './scripts/dev-server-csp.ts';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Browser build: the same renderer as the desktop app, running against the browser host
 * (renderer/host/browser-host.ts). `npm run web` serves it on localhost; e2e tests and the
 * benchmark drive the built copy in dist-web/.
 */
export default defineConfig({
  root: resolve(root, 'renderer'),
  base: './',
  plugins: [react(), devServerCsp()],
  define: {
    __APP_VERSION__: JSON.stringify(version),
    // The CDK export pins the packages Stowage was built with; the app has no node_modules to read them from.
    __CDK_ENVIRONMENT__: JSON.stringify({ versions: installedVersions(), featureFlags: recommendedFeatureFlags() ?? null }),
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4317, strictPort: true },
  build: {
    outDir: resolve(root, 'dist-web'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        main: resolve(root, 'renderer/index.html'),
      },
    },
  },
});
