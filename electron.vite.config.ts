import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { installedVersions, recommendedFeatureFlags } from './cli/cdk-environment.ts';
import { devServerCsp } from './scripts/dev-server-csp.ts';
import { defineConfig } from 'electron-vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;

/** Desktop build: main, preload and renderer into out/. The renderer is the same one `npm run web` serves. */
export default defineConfig({
  main: {
    define: {
      // The generic update feed, fixed when the app is built; updates are off without one (electron/main/updates.ts).
      __STOWAGE_UPDATE_URL__: JSON.stringify(process.env.STOWAGE_UPDATE_URL ?? ''),
    },
    build: {
      outDir: 'out/main',
      // Bundle zod and shared/ into main: the packaged app then needs no node_modules at runtime.
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron' and a few Node built-ins, so zod must be bundled in.
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/preload/index.ts') },
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), devServerCsp()],
    define: {
      __APP_VERSION__: JSON.stringify(version),
      // The CDK export pins the packages Stowage was built with; the app has no node_modules to read them from.
      __CDK_ENVIRONMENT__: JSON.stringify({ versions: installedVersions(), featureFlags: recommendedFeatureFlags() ?? null }),
    },
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
