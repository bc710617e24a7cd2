import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eksWorkload, propsAs } from '../../shared/catalog';
import { loadDocument, type DiagramDocument } from '../../shared/document';
import { runRules } from '../../shared/rules';
import { main } from '../main';
import { cdkManifest, cloudFormationTemplate, type CloudFormationTemplate } from '../../test/cdk-synth/manifests';
import { anything } from '../../test/matchers';

/**
 * End to end: `stowage export cdk` for every example and fixture diagram, then the generated
 * apps are type-checked (one TypeScript program for all of them) and synthesized offline
 * (`tsx bin/<app>.ts` with the cdk.json context, as the CDK CLI would run it, no AWS account),
 * and the CloudFormation templates are checked against what the diagrams draw.
 */

const repositoryRoot = resolve(import.meta.dirname, '../..');
const fixturesDir = join(repositoryRoot, 'shared/export/cdk/fixtures');
const examplesDir = join(repositoryRoot, 'examples');
const templatesDir = join(repositoryRoot, 'shared/templates');
const tsxCli = join(repositoryRoot, 'node_modules/tsx/dist/cli.mjs');

type Resource = CloudFormationTemplate['Resources'][string];

interface SynthesizedApp {
  source: string;
  name: string;
  dir: string;
  document: DiagramDocument;
  exitCode: number;
  output: string;
  /** Templates by stack name. */
  templates: Map<string, CloudFormationTemplate>;
  /** The Region of each stack, from the cloud assembly manifest. */
  environments: Map<string, string>;
  synthError?: string;
  /** The diagram has validation errors (exported with --force): its code compiles, but AWS or CDK may reject it at synth. */
  hasErrors: boolean;
}

function hasErrors(path: string): boolean {
  const loaded = loadDocument(readFileSync(path, 'utf8'));
  return loaded.ok && runRules(loaded.document).some((finding) => finding.severity === 'error');
}

function isBlank(path: string): boolean {
  const loaded = loadDocument(readFileSync(path, 'utf8'));
  return loaded.ok && loaded.document.nodes.length === 0;
}

function diagramFiles(): { source: string; path: string; forced: boolean }[] {
  const list = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((file) => file.endsWith('.stowage'))
          .sort()
      : [];
  return [
    // Examples without errors must export as they are; the deliberately broken workshop exercise only with --force.
    ...list(examplesDir).map((file) => ({
      source: `examples/${file}`,
      path: join(examplesDir, file),
      forced: hasErrors(join(examplesDir, file)),
    })),
    // The templates a new diagram starts from (the blank one draws nothing to deploy) export as they are.
    ...list(templatesDir)
      .filter((file) => !isBlank(join(templatesDir, file)))
      .map((file) => ({ source: `templates/${file}`, path: join(templatesDir, file), forced: false })),
    // The fixtures exercise the generator, forced mode included, whatever the rules say about them.
    ...list(fixturesDir).map((file) => ({ source: `fixtures/${file}`, path: join(fixturesDir, file), forced: true })),
  ];
}

const workRoot = mkdtempSync(join(tmpdir(), 'stowage-cdk-'));
const apps: SynthesizedApp[] = [];
let typeDiagnostics: string[] = [];

beforeAll(async () => {
  const diagrams = diagramFiles();
  for (const [index, diagram] of diagrams.entries()) {
    const name = `app-${index}-${diagram.source.replace(/^.*\//, '').replace(/\.stowage$/, '')}`;
    const dir = join(workRoot, name);
    const lines: string[] = [];
    const output = { out: (text: string) => lines.push(text), err: (text: string) => lines.push(text) };
    const args = ['export', 'cdk', diagram.path, '-o', dir, '--name', name, ...(diagram.forced ? ['--force'] : [])];
    const exitCode = await main(args, output);
    const loaded = loadDocument(readFileSync(diagram.path, 'utf8'));
    if (!loaded.ok) throw new Error(`${diagram.source} does not load: ${loaded.error.message}`);
    apps.push({
      source: diagram.source,
      name,
      dir,
      document: loaded.document,
      exitCode,
      output: lines.join('\n'),
      templates: new Map(),
      environments: new Map(),
      hasErrors: hasErrors(diagram.path),
    });
    if (exitCode === 0) symlinkSync(join(repositoryRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  }

  typeDiagnostics = typeCheck(apps.filter((app) => app.exitCode === 0));

  for (const app of apps.filter((candidate) => candidate.exitCode === 0 && !candidate.hasErrors)) synthesize(app);
}, 900_000);

afterAll(() => {
  rmSync(workRoot, { recursive: true, force: true });
});

/** One program for every app's tsconfig.json, so the CDK declarations are read once. */
function typeCheck(written: readonly SynthesizedApp[]): string[] {
  if (written.length === 0) return [];
  const roots: string[] = [];
  let options: ts.CompilerOptions = {};
  for (const app of written) {
    const configPath = join(app.dir, 'tsconfig.json');
    const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, app.dir);
    options = parsed.options;
    roots.push(...parsed.fileNames);
  }
  const program = ts.createProgram(roots, options);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) =>
    ts.formatDiagnostic(diagnostic, {
      getCanonicalFileName: (file) => file,
      getCurrentDirectory: () => workRoot,
      getNewLine: () => '\n',
    }),
  );
}

function synthesize(app: SynthesizedApp): void {
  const cdkJson = cdkManifest(readFileSync(join(app.dir, 'cdk.json'), 'utf8'));
  const entry = cdkJson.app.replace(/^npx tsx /, '');
  const outdir = join(app.dir, 'cdk.out');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CDK_OUTDIR: outdir,
    CDK_CONTEXT_JSON: JSON.stringify(cdkJson.context),
    CDK_DISABLE_VERSION_CHECK: '1',
  };
  // No account or Region from the environment: the stacks synthesize as the diagram places them, with no lookups.
  delete env.CDK_DEFAULT_ACCOUNT;
  delete env.CDK_DEFAULT_REGION;
  delete env.AWS_PROFILE;
  const result = spawnSync(process.execPath, [tsxCli, entry], { cwd: app.dir, env, encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) {
    app.synthError = `${result.stderr}\n${result.stdout}`.trim() || String(result.error);
    return;
  }
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
    artifacts: Record<string, { type: string; environment?: string; properties?: { templateFile?: string } }>;
  };
  for (const [stack, artifact] of Object.entries(manifest.artifacts)) {
    if (artifact.type !== 'aws:cloudformation:stack' || !artifact.properties?.templateFile) continue;
    app.templates.set(stack, cloudFormationTemplate(readFileSync(join(outdir, artifact.properties.templateFile), 'utf8')));
    app.environments.set(stack, artifact.environment?.split('/').pop() ?? '');
  }
}

function resources(app: SynthesizedApp, type?: string): Resource[] {
  return [...app.templates.values()]
    .flatMap((template) => Object.values(template.Resources))
    .filter((resource) => !type || resource.Type === type);
}

function count(app: SynthesizedApp, type: string): number {
  return resources(app, type).length;
}

function nodes(app: SynthesizedApp, kind: string) {
  return app.document.nodes.filter((node) => node.kind === kind);
}

function appFor(source: string): SynthesizedApp {
  const app = apps.find((candidate) => candidate.source === source);
  if (!app) throw new Error(`No app for ${source}`);
  return app;
}

describe('stowage export cdk, type-checked and synthesized', () => {
  it('exports every example, template and fixture', () => {
    expect(apps.length).toBeGreaterThanOrEqual(5);
    for (const app of apps) expect(app.exitCode, `${app.source}:\n${app.output}`).toBe(0);
  });

  it('refuses the broken workshop example without --force, naming its errors', async () => {
    const lines: string[] = [];
    const exitCode = await main(['export', 'cdk', join(examplesDir, 'workshop-broken.stowage'), '-o', join(workRoot, 'refused')], {
      out: (text) => lines.push(text),
      err: (text) => lines.push(text),
    });
    expect(exitCode).toBe(1);
    expect(lines.join('\n')).toContain('clb-awsvpc');
    expect(existsSync(join(workRoot, 'refused'))).toBe(false);
  });

  it('writes apps that type-check', () => {
    expect(typeDiagnostics).toEqual([]);
  });

  it('writes apps that synthesize (every diagram without validation errors)', () => {
    for (const app of apps.filter((candidate) => !candidate.hasErrors)) {
      expect(app.synthError, app.source).toBeUndefined();
      expect(app.templates.size, app.source).toBeGreaterThan(0);
    }
  });

  it('gives every diagram the resources it draws', () => {
    for (const app of apps.filter((candidate) => !candidate.hasErrors)) {
      const where = app.source;
      const ecsServices = nodes(app, 'ecs-service');
      expect(count(app, 'AWS::ECS::Service'), where).toBe(ecsServices.length);
      expect(count(app, 'AWS::EKS::Cluster'), where).toBe(nodes(app, 'eks-cluster').length);
      expect(count(app, 'AWS::EKS::Nodegroup'), where).toBe(nodes(app, 'eks-managed-node-group').length);
      expect(count(app, 'AWS::EFS::FileSystem'), where).toBe(nodes(app, 'efs').length);
      expect(count(app, 'AWS::ECR::Repository'), where).toBe(nodes(app, 'ecr-repository').filter((node) => !node.props.account).length);
      expect(count(app, 'AWS::EC2::VPC'), where).toBeGreaterThanOrEqual(nodes(app, 'vpc').length);
      expect(count(app, 'AWS::ECS::Cluster'), where).toBeGreaterThanOrEqual(nodes(app, 'ecs-cluster').length);
      const capacityProviders = nodes(app, 'ecs-ec2-capacity').filter((node) => node.props.capacityProvider !== false);
      expect(count(app, 'AWS::ECS::CapacityProvider'), where).toBe(capacityProviders.length);
      const fronting = (kind: string) =>
        nodes(app, kind).filter((lb) =>
          app.document.edges.some((edge) => edge.source === lb.id && ecsServices.some((service) => service.id === edge.target)),
        );
      const loadBalancers = resources(app, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
      expect(loadBalancers.filter((lb) => lb.Properties?.Type === 'network').length, where).toBeGreaterThanOrEqual(fronting('nlb').length);
      expect(loadBalancers.length - loadBalancers.filter((lb) => lb.Properties?.Type === 'network').length, where).toBeGreaterThanOrEqual(
        fronting('alb').length,
      );
      expect(count(app, 'AWS::ElasticLoadBalancing::LoadBalancer'), where).toBeGreaterThanOrEqual(fronting('clb').length);
      const manifests = JSON.stringify(resources(app, 'Custom::AWSCDK-EKS-KubernetesResource'));
      const hasEksCluster = app.document.nodes.some((node) => node.kind === 'eks-cluster');
      for (const workload of hasEksCluster ? nodes(app, 'eks-workload') : []) {
        const { workloadType } = propsAs(eksWorkload, workload.props);
        expect(manifests, `${where}: ${workload.id}`).toContain(`\\"kind\\":\\"${workloadType}\\"`);
      }
    }
  });

  it('Fargate behind an ALB: capacity provider strategy, ip target groups, EFS volume, scaling policies, a schedule', () => {
    const app = appFor('fixtures/fargate-alb-efs.stowage');
    const services = resources(app, 'AWS::ECS::Service');
    expect(services.map((service) => service.Properties?.CapacityProviderStrategy ?? service.Properties?.LaunchType)).toEqual([
      [
        { Base: 1, CapacityProvider: 'FARGATE', Weight: 1 },
        { CapacityProvider: 'FARGATE_SPOT', Weight: 3 },
      ],
      'FARGATE',
    ]);
    expect(resources(app, 'AWS::ElasticLoadBalancingV2::TargetGroup').map((group) => group.Properties?.TargetType)).toEqual([
      'ip',
      'ip',
      'ip',
    ]);
    expect(resources(app, 'AWS::ElasticLoadBalancingV2::ListenerRule')).toHaveLength(1);
    const listeners = resources(app, 'AWS::ElasticLoadBalancingV2::Listener').map((listener) => [
      listener.Properties?.Port,
      listener.Properties?.Protocol,
    ]);
    expect(listeners).toEqual([
      [80, 'HTTP'],
      [443, 'HTTPS'],
    ]);
    const parameters = [...app.templates.values()].flatMap((template) => Object.keys(template.Parameters ?? {}));
    expect(parameters).toContain('AlbNAlbCertificateArn443');
    const volumes = resources(app, 'AWS::ECS::TaskDefinition').flatMap(
      (task) => (task.Properties?.Volumes as Record<string, unknown>[] | undefined) ?? [],
    );
    expect(volumes[0]?.EFSVolumeConfiguration).toMatchObject({
      TransitEncryption: 'ENABLED',
      AuthorizationConfig: { IAM: 'ENABLED', AccessPointId: anything() },
    });
    expect(count(app, 'AWS::EFS::AccessPoint')).toBe(1);
    const policies = resources(app, 'AWS::ApplicationAutoScaling::ScalingPolicy');
    const metrics = policies.map((policy) => {
      const tracking = policy.Properties?.TargetTrackingScalingPolicyConfiguration as
        { PredefinedMetricSpecification?: { PredefinedMetricType?: string } } | undefined;
      return tracking?.PredefinedMetricSpecification?.PredefinedMetricType ?? policy.Properties?.PolicyType;
    });
    expect(metrics).toEqual([
      'ECSServiceAverageCPUUtilization',
      'ECSServiceAverageMemoryUtilization',
      'ALBRequestCountPerTarget',
      'StepScaling',
      'StepScaling',
    ]);
    const target = resources(app, 'AWS::ApplicationAutoScaling::ScalableTarget')[0]!;
    expect(target.Properties).toMatchObject({ MinCapacity: 2, MaxCapacity: 20, ScheduledActions: [{ Schedule: 'cron(0 8 * * ? *)' }] });
    expect(resources(app, 'AWS::Events::Rule')[0]?.Properties).toMatchObject({ ScheduleExpression: 'cron(0 3 * * ? *)' });
    expect(count(app, 'AWS::EC2::VPCEndpoint')).toBe(2);
    expect(app.environments.get('AppStack') ?? [...app.environments.values()][0]).toBe('us-east-1');
  });

  it('EC2 with capacity providers: ASG capacity providers, a Classic Load Balancer in bridge mode, an NLB, scheduled ASG scaling', () => {
    const app = appFor('fixtures/ec2-clb-nlb.stowage');
    expect(count(app, 'AWS::ECS::CapacityProvider')).toBe(2);
    const providers = resources(app, 'AWS::ECS::CapacityProvider').map((provider) => provider.Properties?.AutoScalingGroupProvider);
    expect(providers[0]).toMatchObject({
      ManagedScaling: { Status: 'ENABLED', TargetCapacity: 90 },
      ManagedTerminationProtection: 'ENABLED',
    });
    expect(count(app, 'AWS::ElasticLoadBalancing::LoadBalancer')).toBe(1);
    const networkModes = resources(app, 'AWS::ECS::TaskDefinition').map((task) => task.Properties?.NetworkMode);
    expect(networkModes).toEqual(['bridge', 'awsvpc', 'host', 'bridge']);
    const services = resources(app, 'AWS::ECS::Service');
    expect(services[0]?.Properties?.LoadBalancers).toEqual([{ ContainerName: 'app', ContainerPort: 80, LoadBalancerName: anything() }]);
    expect(services[0]?.Properties?.CapacityProviderStrategy).toEqual([{ CapacityProvider: anything(), Weight: 1 }]);
    expect(services[2]?.Properties).toMatchObject({ SchedulingStrategy: 'DAEMON', LaunchType: 'EC2' });
    expect(resources(app, 'AWS::ElasticLoadBalancingV2::LoadBalancer')[0]?.Properties).toMatchObject({
      Type: 'network',
      Scheme: 'internal',
    });
    expect(count(app, 'AWS::AutoScaling::ScheduledAction')).toBe(1);
    expect(count(app, 'AWS::ECR::PullThroughCacheRule')).toBe(1);
    expect(count(app, 'AWS::AutoScaling::AutoScalingGroup')).toBe(3);
  });

  it('EKS: cluster, node group, Fargate profile, self-managed nodes, manifests and an Ingress', () => {
    const app = appFor('fixtures/eks-platform.stowage');
    expect(count(app, 'AWS::EKS::Cluster')).toBe(1);
    expect(resources(app, 'AWS::EKS::Nodegroup')[0]?.Properties).toMatchObject({
      AmiType: 'AL2023_x86_64_STANDARD',
      ScalingConfig: { MinSize: 2, MaxSize: 6, DesiredSize: 3 },
    });
    expect(resources(app, 'AWS::EKS::FargateProfile')[0]?.Properties).toMatchObject({
      Selectors: [{ Namespace: 'jobs', Labels: [{ Key: 'tier', Value: 'batch' }] }],
    });
    expect(count(app, 'AWS::AutoScaling::AutoScalingGroup')).toBe(1);
    const manifests = JSON.stringify(resources(app, 'Custom::AWSCDK-EKS-KubernetesResource'));
    for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet', 'Ingress', 'Namespace', 'PersistentVolume', 'StorageClass']) {
      expect(manifests).toContain(`\\"kind\\":\\"${kind}\\"`);
    }
    expect(manifests).toContain('aws-load-balancer-nlb-target-type');
    expect(manifests).toContain('alb.ingress.kubernetes.io/certificate-arn');
    expect(resources(app, 'AWS::EKS::AccessEntry').filter((entry) => entry.Properties?.Type === 'EC2_LINUX')).toHaveLength(1);
    expect(count(app, 'Custom::AWSCDK-EKS-HelmChart')).toBe(1);
    expect(resources(app, 'AWS::EKS::Addon').map((addon) => addon.Properties?.AddonName)).toEqual([
      'aws-efs-csi-driver',
      'aws-ebs-csi-driver',
    ]);
  });

  it('a sketch without VPC or Region: generated VPC and cluster, ECS Anywhere, an on-demand task', () => {
    const app = appFor('fixtures/sketch.stowage');
    expect(count(app, 'AWS::EC2::VPC')).toBe(1);
    expect(count(app, 'AWS::ECS::Cluster')).toBe(2);
    expect(resources(app, 'AWS::ECS::Service').map((service) => service.Properties?.LaunchType)).toEqual(['FARGATE', 'EXTERNAL']);
    expect(resources(app, 'AWS::EFS::FileSystem')[0]?.Properties).toMatchObject({ AvailabilityZoneName: anything() });
  });

  it('two Regions: one stack each, the repository pulled across Regions', () => {
    const app = appFor('fixtures/multi-region.stowage');
    expect([...app.environments.values()].sort()).toEqual(['eu-north-1', 'us-west-2', 'us-west-2']);
    expect(count(app, 'AWS::ECS::Service')).toBe(2);
  });
});
