/** The app version from package.json, injected at build time (vite define). */
declare const __APP_VERSION__: string;

/** CDK package versions and cdk init feature flags of the build (vite define). */
declare const __CDK_ENVIRONMENT__: {
  versions: import('../../shared/export/cdk').CdkVersions;
  featureFlags: Record<string, unknown> | null;
};
