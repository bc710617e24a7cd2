import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import electronViteConfig from '../electron.vite.config';
import { FILE_EXTENSION, MEDIA_TYPE } from '../shared/document/schema';

/**
 * The packaging configuration, checked without packaging (which downloads Electron): the
 * electron-builder file passes electron-builder's own schema validation, and the build writes
 * main, preload and renderer where electron/main/index.ts looks for them.
 */

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: unknown;
  fileAssociations?: Array<{ ext: string; name: string; mimeType?: string }>;
  mac?: { icon?: string };
  win?: { icon?: string };
  linux?: { icon?: string; target?: unknown; mimeTypes?: string[] };
  electronFuses?: Record<string, boolean>;
}

async function loadBuilderConfig(): Promise<BuilderConfig> {
  // electron-builder's own loader and validator (app-builder-lib ships with electron-builder).
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    getConfig: (projectDir: string, configPath: string, options: null) => Promise<BuilderConfig>;
    validateConfiguration: (config: BuilderConfig, logger: unknown) => Promise<void>;
  };
  const { DebugLogger } = require('builder-util/out/DebugLogger.js') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it('is valid and names the app, its icon and its file association', async () => {
    const config = await loadBuilderConfig();
    expect(config.appId).toBe('dev.stowage.app');
    expect(config.productName).toBe('Stowage');
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: FILE_EXTENSION, name: 'Stowage diagram', mimeType: MEDIA_TYPE }),
    ]);
    for (const icon of [config.mac?.icon, config.win?.icon, config.linux?.icon]) expect(icon && existsSync(join(root, icon))).toBe(true);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.electronFuses).toMatchObject({ runAsNode: false, grantFileProtocolExtraPrivileges: false, onlyLoadAppFromAsar: true });
  });
});

describe('build output locations', () => {
  const config = electronViteConfig as {
    main: { build: { outDir: string; lib: { entry: string } } };
    preload: { build: { outDir: string; externalizeDeps: boolean; rollupOptions: { output: { format: string; entryFileNames: string } } } };
    renderer: { build: { outDir: string } };
  };

  it('puts main where package.json points and preload and renderer where main loads them', () => {
    const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(packageJson.main).toBe(`${config.main.build.outDir}/index.js`);
    // electron/main/index.ts: join(mainDirectory, '../preload/index.cjs') and '../renderer'.
    expect(relative(config.main.build.outDir, config.preload.build.outDir)).toBe(join('..', 'preload'));
    expect(config.preload.build.rollupOptions.output).toEqual({ format: 'cjs', entryFileNames: '[name].cjs' });
    expect(relative(join(root, config.main.build.outDir), config.renderer.build.outDir)).toBe(join('..', 'renderer'));
  });

  it('bundles the preload’s dependencies, as the sandbox cannot require them', () => {
    expect(config.preload.build.externalizeDeps).toBe(false);
  });
});
