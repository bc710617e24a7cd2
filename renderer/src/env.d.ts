import type { CdkVersions } from '../../shared/export/cdk';

declare global {
  /** The app version from package.json, injected at build time (vite define). */
  const __APP_VERSION__: string;

  /** CDK package versions and cdk init feature flags of the build (vite define). */
  const __CDK_ENVIRONMENT__: {
    versions: CdkVersions;
    featureFlags: Record<string, unknown> | null;
  };
}
