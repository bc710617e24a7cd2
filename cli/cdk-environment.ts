import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
// Explicit .ts paths: the Vite configs import this module while they load.
import { KUBECTL_LAYER_PACKAGE } from '../shared/export/cdk/packages.ts';
import type { CdkVersions } from '../shared/export/cdk/types.ts';

/**
 * What the CDK export needs from the machine: the installed CDK package versions and the
 * feature flags `cdk init` would write. The CLI reads them when it runs; the app's builds
 * (vite configs) read them at build time and embed them, since the app has no node_modules.
 */

const require = createRequire(import.meta.url);

function packageVersion(name: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The versions of the CDK packages installed with Stowage: the generated code is written
 * against this aws-cdk-lib, so the app pins it exactly.
 */
export function installedVersions(): CdkVersions {
  const awsCdkLib = packageVersion('aws-cdk-lib');
  const constructs = packageVersion('constructs');
  if (!awsCdkLib || !constructs) throw new Error('aws-cdk-lib and constructs must be installed (npm install) to export a CDK app.');
  const optional = (name: string, range: (version: string) => string) => {
    const version = packageVersion(name);
    return version ? range(version) : undefined;
  };
  const versions: CdkVersions = { awsCdkLib, constructs: `^${constructs}` };
  const kubectlLayer = optional(KUBECTL_LAYER_PACKAGE, (version) => `^${version}`);
  const typescript = optional('typescript', (version) => `~${version}`);
  const tsx = optional('tsx', (version) => `^${version}`);
  const typesNode = optional('@types/node', (version) => `^${version}`);
  if (kubectlLayer) versions.kubectlLayer = kubectlLayer;
  if (typescript) versions.typescript = typescript;
  if (tsx) versions.tsx = tsx;
  if (typesNode) versions.typesNode = typesNode;
  return versions;
}

/** The feature flags `cdk init` writes into cdk.json for the installed aws-cdk-lib. */
export function recommendedFeatureFlags(): Record<string, unknown> | undefined {
  try {
    const path = join(dirname(require.resolve('aws-cdk-lib/package.json')), 'recommended-feature-flags.json');
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
