import type { Finding } from '../../rules/types';

/** Package versions written into the generated package.json. The CLI reads them from node_modules. */
export interface CdkVersions {
  /** aws-cdk-lib, pinned exactly: the generated code is written against this version's API. */
  awsCdkLib: string;
  constructs: string;
  /** @aws-cdk/lambda-layer-kubectl-v33; listed only when the diagram has an EKS cluster. */
  kubectlLayer?: string;
  /** The aws-cdk CLI package. */
  cdkCli?: string;
  typescript?: string;
  tsx?: string;
  typesNode?: string;
}

export interface CdkAppOptions {
  /** Any text; sanitized to an npm package name (and from that, file and class names). */
  appName: string;
  /** Findings of the rules for this document (runRules). Errors refuse the export unless `force`. */
  findings: readonly Finding[];
  /** Export despite errors: each problem becomes a TODO comment and a synth-time warning near its construct. */
  force: boolean;
  versions: CdkVersions;
  /** The diagram as SVG (shared/export/svg), written as diagram.svg and shown in the README. */
  diagramSvg?: string;
  /**
   * The `context` of cdk.json: the feature flags `cdk init` writes for this aws-cdk-lib version
   * (aws-cdk-lib/recommended-feature-flags.json). Defaults to the flags the generated code relies on.
   */
  featureFlags?: Readonly<Record<string, unknown>>;
}

export interface GeneratedFile {
  /** Relative, forward slashes: `lib/shop-stack.ts`. */
  path: string;
  content: string;
}

export type CdkAppResult = { ok: true; files: GeneratedFile[] } | { ok: false; reason: 'validation-errors'; errors: Finding[] };
