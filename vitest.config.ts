import { defineConfig } from 'vitest/config';

export default defineConfig({
  // What electron.vite.config.ts defines for the main process: tests build without an update feed.
  define: { __STOWAGE_UPDATE_URL__: JSON.stringify('') },
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'cli/**/*.test.ts',
      'renderer/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
  },
});
