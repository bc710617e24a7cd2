import type { CdkVersions } from '../types';

/**
 * The project files `cdk init app --language typescript` writes, adapted: the app runs through
 * tsx (no compile step before `cdk synth`), and tsconfig only type-checks.
 */

/** Tool versions used when the caller does not pass them (the CLI passes what node_modules has). */
export const DEFAULT_TOOL_VERSIONS = {
  cdkCli: '^2.1148.1',
  typescript: '~5.9.3',
  tsx: '^4.20.0',
  typesNode: '^20.19.0',
} as const;

/**
 * Feature flags for cdk.json when the caller passes none: the ones that change what this
 * generator's constructs synthesize to. `cdk init` writes the full recommended set.
 */
export const ESSENTIAL_FEATURE_FLAGS: Readonly<Record<string, unknown>> = {
  '@aws-cdk/aws-ec2:restrictDefaultSecurityGroup': true,
  '@aws-cdk/aws-ecs:arnFormatIncludesClusterName': true,
  '@aws-cdk/aws-ecs:disableExplicitDeploymentControllerForCircuitBreaker': true,
  '@aws-cdk/aws-ecs:removeDefaultDeploymentAlarm': true,
  '@aws-cdk/aws-ecs:reduceEc2FargateCloudWatchPermissions': true,
  '@aws-cdk/aws-efs:denyAnonymousAccess': true,
  '@aws-cdk/aws-efs:mountTargetOrderInsensitiveLogicalId': true,
  '@aws-cdk/aws-eks:nodegroupNameAttribute': true,
  '@aws-cdk/aws-eks:useNativeOidcProvider': true,
  '@aws-cdk/aws-eks:defaultToAL2023': true,
  '@aws-cdk/aws-elasticloadbalancingv2:networkLoadBalancerWithSecurityGroupByDefault': true,
  '@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig': true,
  '@aws-cdk/aws-ec2:launchTemplateDefaultUserData': true,
  '@aws-cdk/core:enablePartitionLiterals': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
};

export function packageJson(packageName: string, versions: CdkVersions, withKubectlLayer: boolean): string {
  const dependencies: Record<string, string> = {
    'aws-cdk-lib': versions.awsCdkLib,
    constructs: versions.constructs,
  };
  if (withKubectlLayer) dependencies['@aws-cdk/lambda-layer-kubectl-v33'] = versions.kubectlLayer ?? '^2.0.0';
  const devDependencies: Record<string, string> = {
    '@types/node': versions.typesNode ?? DEFAULT_TOOL_VERSIONS.typesNode,
    'aws-cdk': versions.cdkCli ?? DEFAULT_TOOL_VERSIONS.cdkCli,
    tsx: versions.tsx ?? DEFAULT_TOOL_VERSIONS.tsx,
    typescript: versions.typescript ?? DEFAULT_TOOL_VERSIONS.typescript,
  };
  return json({
    name: packageName,
    version: '0.1.0',
    private: true,
    scripts: {
      typecheck: 'tsc',
      synth: 'cdk synth',
      diff: 'cdk diff --all',
      deploy: 'cdk deploy --all',
      cdk: 'cdk',
    },
    dependencies: sortKeys(dependencies),
    devDependencies: sortKeys(devDependencies),
  });
}

export function cdkJson(packageName: string, featureFlags: Readonly<Record<string, unknown>>): string {
  return json({
    app: `npx tsx bin/${packageName}.ts`,
    watch: {
      include: ['**'],
      exclude: [
        'README.md',
        'cdk*.json',
        '**/*.d.ts',
        '**/*.js',
        'tsconfig.json',
        'package*.json',
        'node_modules',
        'diagram.svg',
        'simulation.svg',
      ],
    },
    context: featureFlags,
  });
}

export function tsconfigJson(): string {
  return json({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['es2022'],
      types: ['node'],
      strict: true,
      noImplicitReturns: true,
      noFallthroughCasesInSwitch: true,
      skipLibCheck: true,
      noEmit: true,
    },
    include: ['bin/**/*.ts', 'lib/**/*.ts'],
    exclude: ['node_modules', 'cdk.out'],
  });
}

export const GITIGNORE = ['node_modules/', 'cdk.out/', '.cdk.staging/', '*.js', '*.d.ts', ''].join('\n');

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
