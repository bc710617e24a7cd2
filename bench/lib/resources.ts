import type { Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchContext, SiteSpec } from '../types';
import { launchChromium } from './chromium';
import type { MachineInfo } from './machine';
import { REPO_ROOT, WEB_APP } from './sites';
import { serveDirectory, type StaticServer } from './static-server';

/** Progress goes to stderr so stdout stays the report. */
export const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** Shared, lazily created resources: built-and-served sites and one browser. */
export class RunResources {
  private readonly sites = new Map<string, Promise<string>>();
  private readonly servers: StaticServer[] = [];
  private browserPromise: Promise<Browser> | null = null;

  constructor(
    private readonly options: { build: boolean; webDir?: string },
    private readonly machine?: MachineInfo,
  ) {}

  context(prefix: string): BenchContext {
    return {
      site: (spec) => this.site(spec),
      browser: () => this.browser(),
      log: (message) => log(`${prefix}: ${message}`),
    };
  }

  private site(spec: SiteSpec): Promise<string> {
    let url = this.sites.get(spec.directory);
    if (!url) {
      url = this.startSite(spec);
      this.sites.set(spec.directory, url);
    }
    return url;
  }

  private async startSite(spec: SiteSpec): Promise<string> {
    const replaced = spec.directory === WEB_APP.directory ? this.options.webDir : undefined;
    const directory = replaced ? resolve(replaced) : join(REPO_ROOT, spec.directory);
    if (replaced) {
      if (!existsSync(join(directory, 'index.html')))
        throw new Error(`--web-dir ${replaced} has no index.html; point it at a built web app.`);
      log(`using ${directory} instead of ${spec.name}`);
    } else if (this.options.build) {
      log(`building ${spec.name}`);
      const start = performance.now();
      await spec.build();
      log(`built ${spec.name} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    } else if (!existsSync(directory)) {
      throw new Error(`${spec.directory}/ does not exist; run without --no-build to build ${spec.name}.`);
    }
    const server = await serveDirectory(directory);
    this.servers.push(server);
    log(`serving ${spec.name} at ${server.url}`);
    return server.url;
  }

  private browser(): Promise<Browser> {
    this.browserPromise ??= launchChromium().then((browser) => {
      if (this.machine) this.machine.chromium = `${browser.version()} (headless)`;
      return browser;
    });
    return this.browserPromise;
  }

  async close(): Promise<void> {
    if (this.browserPromise) await (await this.browserPromise.catch(() => null))?.close();
    await Promise.all(this.servers.map((server) => server.close()));
  }
}
