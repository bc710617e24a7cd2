import { describe, expect, it } from 'vitest';
import { addEdges, addNodes, createDocument, createEdge, createNode, loadDocument, serializeDocument } from '../../document';
import { generateCdkApp, packageNameOf } from './app';
import { fileText, finding, fixtureNames, generate, loadFixture, TEST_VERSIONS } from '../../../test/cdk-synth/fixtures';
import { cdkManifest, packageManifest } from '../../../test/cdk-synth/manifests';
import { sampleDocument } from '../../catalog/sample-document.test-support';

describe('generateCdkApp', () => {
  it.each(fixtureNames())('%s: the same diagram gives the same bytes', (name) => {
    const document = loadFixture(name);
    const first = generate(document);
    const second = generate(loadFixture(name));
    const reloaded = loadDocument(serializeDocument(document));
    if (!reloaded.ok) throw new Error('reload');
    expect(second).toEqual(first);
    expect(generate(reloaded.document)).toEqual(first);
  });

  it.each([...fixtureNames(), 'every kind'])('%s: imports only the modules its code uses', (name) => {
    const document = name === 'every kind' ? sampleDocument().document : loadFixture(name);
    for (const file of generate(document, { force: true }).filter((candidate) => candidate.path.startsWith('lib/'))) {
      for (const [, alias] of file.content.matchAll(/^import \* as (\w+) from /gm)) {
        expect(file.content, `${file.path}: ${alias!}`).toMatch(new RegExp(`(?<![\\w$.])${alias!}\\.`));
      }
    }
  });

  it('sets the native OIDC provider flag in stacks with an EKS cluster, before any construct, whatever cdk.json says', () => {
    const stack = fileText(generate(loadFixture('eks-platform.stowage')), 'lib/test-app-stack.ts');
    const flag = stack.indexOf('this.node.setContext(cdk.cx_api.EKS_USE_NATIVE_OIDC_PROVIDER, true);');
    expect(flag).toBeGreaterThan(0);
    expect(stack.indexOf('new ')).toBeGreaterThan(flag);
  });

  it('refuses a diagram with errors unless forced, and lists the errors', () => {
    const document = loadFixture('fargate-alb-efs.stowage');
    const error = finding('fargate-requires-awsvpc', ['n-web'], 'error', 'Service "web" runs on Fargate, which only supports awsvpc.');
    const warning = finding('dockerhub-anonymous', ['n-nginx'], 'warning');
    const refused = generateCdkApp(document, { appName: 'shop', findings: [warning, error], force: false, versions: TEST_VERSIONS });
    expect(refused).toEqual({ ok: false, reason: 'validation-errors', errors: [error] });

    const warned = generateCdkApp(document, { appName: 'shop', findings: [warning], force: false, versions: TEST_VERSIONS });
    expect(warned.ok).toBe(true);
  });

  it('writes each forced problem as a TODO and a synth warning next to its construct', () => {
    const document = loadFixture('fargate-alb-efs.stowage');
    const error = finding('fargate-requires-awsvpc', ['n-web'], 'error', 'Service "web" */ breaks');
    const files = generate(document, { findings: [error, finding('orphan-rule', [], 'warning', 'Nothing to point at.')], force: true });
    const stack = fileText(files, 'lib/test-app-stack.ts');
    const lines = stack.split('\n').map((line) => line.trim());
    const header = lines.indexOf('// ECS service n-web');
    expect(lines[header + 1]).toBe('// TODO(stowage): fargate-requires-awsvpc (n-web), error');
    expect(lines[header + 2]).toBe(
      "cdk.Annotations.of(this).addWarningV2('stowage:fargate-requires-awsvpc', 'Service \"web\" */ breaks');",
    );
    expect(stack).toContain('// TODO(stowage): orphan-rule, warning');
    expect(fileText(files, 'README.md')).toContain('2 problems found in the diagram');
  });

  it('lays out a cdk init style project', () => {
    const files = generate(loadFixture('fargate-alb-efs.stowage'), {
      appName: 'My Shop!',
      diagramSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    expect(files.map((file) => file.path)).toEqual([
      '.gitignore',
      'README.md',
      'bin/my-shop.ts',
      'cdk.json',
      'diagram.svg',
      'lib/my-shop-repositories-stack.ts',
      'lib/my-shop-stack.ts',
      'package.json',
      'simulation.svg',
      'tsconfig.json',
    ]);
    const manifest = packageManifest(fileText(files, 'package.json'));
    expect(manifest.name).toBe('my-shop');
    expect(manifest.dependencies).toEqual({ 'aws-cdk-lib': '2.276.0', constructs: '^10.8.1' });
    expect(cdkManifest(fileText(files, 'cdk.json')).app).toBe('npx tsx bin/my-shop.ts');
    expect(fileText(files, 'README.md')).toContain('![The diagram this app was generated from](diagram.svg)');
    expect(fileText(files, 'bin/my-shop.ts')).toContain("new MyShopStack(app, 'MyShopStack', { env, description, repositories });");
  });

  it('lists the kubectl layer only for apps with an EKS cluster', () => {
    const eks = packageManifest(fileText(generate(loadFixture('eks-platform.stowage')), 'package.json'));
    expect(eks.dependencies['@aws-cdk/lambda-layer-kubectl-v33']).toBe('^2.2.2');
    const ecs = packageManifest(fileText(generate(loadFixture('ec2-clb-nlb.stowage')), 'package.json'));
    expect(ecs.dependencies['@aws-cdk/lambda-layer-kubectl-v33']).toBeUndefined();
  });

  it('writes one stack per Region and imports repositories across Regions', () => {
    const files = generate(loadFixture('multi-region.stowage'));
    expect(files.map((file) => file.path).filter((path) => path.startsWith('lib/'))).toEqual([
      'lib/test-app-eu-north-1-stack.ts',
      'lib/test-app-us-west-2-repositories-stack.ts',
      'lib/test-app-us-west-2-stack.ts',
    ]);
    const bin = fileText(files, 'bin/test-app.ts');
    expect(bin).toContain("const usWest2 = { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'us-west-2' };");
    expect(bin).toContain("const euNorth1 = { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'eu-north-1' };");
    const north = fileText(files, 'lib/test-app-eu-north-1-stack.ts');
    expect(north).toContain('ecr.Repository.fromRepositoryAttributes');
    expect(north).toContain("region: 'us-west-2'");
    expect(fileText(files, 'lib/test-app-us-west-2-stack.ts')).toContain('props.repositories.ecrRepositoryNRepo');
  });

  it('makes the repositories stack deploy before stacks of other Regions that pull from it', () => {
    const bin = fileText(generate(loadFixture('multi-region.stowage')), 'bin/test-app.ts');
    expect(bin.indexOf('const usWest2Repositories')).toBeLessThan(bin.indexOf('new TestAppEuNorth1Stack'));
    expect(bin).toContain('testAppEuNorth1Stack.addDependency(usWest2Repositories);');
  });

  it('gives each VPC of a Region its own stack, and treats repositories of one name as one', () => {
    const node = (id: string, kind: string, parentId?: string, props: Record<string, unknown> = {}) =>
      createNode(kind, { id, position: { x: 0, y: 0 }, ...(parentId ? { parentId } : {}), props });
    let document = addNodes(createDocument('Two networks'), [
      node('region', 'region', undefined, { regionCode: 'eu-west-1' }),
      node('prod', 'vpc', 'region'),
      node('staging', 'vpc', 'region', { cidr: '10.1.0.0/16' }),
      node('prod-cluster', 'ecs-cluster', 'prod'),
      node('prod-web', 'ecs-service', 'prod-cluster'),
      node('staging-cluster', 'ecs-cluster', 'staging'),
      node('staging-web', 'ecs-service', 'staging-cluster'),
      node('repo-1', 'ecr-repository', 'region', { repositoryName: 'web' }),
      node('repo-2', 'ecr-repository', 'region', { repositoryName: 'web' }),
    ]);
    document = addEdges(document, [
      createEdge('e-1', { source: 'prod-web', target: 'repo-1' }, {}),
      createEdge('e-2', { source: 'staging-web', target: 'repo-2' }, {}),
    ]);
    const files = generate(document);
    expect(files.map((file) => file.path).filter((path) => path.startsWith('lib/'))).toEqual([
      'lib/test-app-repositories-stack.ts',
      'lib/test-app-vpc-prod-stack.ts',
      'lib/test-app-vpc-staging-stack.ts',
    ]);
    const repositories = fileText(files, 'lib/test-app-repositories-stack.ts');
    expect(repositories.match(/new ecr\.Repository\(/g)).toHaveLength(1);
    expect(fileText(files, 'lib/test-app-vpc-staging-stack.ts')).toContain('props.repositories.ecrRepositoryRepo1');
    expect(fileText(files, 'lib/test-app-vpc-prod-stack.ts')).not.toContain('staging');
  });

  it('gives resources drawn outside any VPC or cluster a generated VPC and cluster', () => {
    const stack = fileText(generate(loadFixture('sketch.stowage')), 'lib/test-app-stack.ts');
    expect(stack).toContain("const vpc = new ec2.Vpc(this, 'Vpc', {");
    expect(stack).toContain("const ecsCluster = new ecs.Cluster(this, 'EcsCluster', {");
    expect(stack).toContain('new ecs.ExternalService(');
  });

  it('turns any app name into a package name', () => {
    expect(packageNameOf('My Shop!')).toBe('my-shop');
    expect(packageNameOf('  ')).toBe('stowage-app');
    expect(packageNameOf('2024 plan')).toBe('app-2024-plan');
    expect(packageNameOf('Café Ünïcode')).toBe('cafe-unicode');
    expect(packageNameOf('x'.repeat(300))).toHaveLength(60);
  });
});

describe('the README cost and load sections', () => {
  it('tables the estimate per component and what the spike does, with its chart', () => {
    const files = generate(loadFixture('fargate-alb-efs.stowage'), { appName: 'shop' });
    const readme = fileText(files, 'README.md');
    expect(readme).toContain('## What it costs');
    expect(readme).toMatch(/\| Component \| What \| Region \| Hourly \| Monthly \|/);
    expect(readme).toMatch(/\| \*\*Total\*\* \| \| \| \*\*\$\d+\.\d{4}\*\* \| \*\*\$\d+\.\d{2}\*\* \|/);
    expect(readme).toContain('as of 2026-03-01');
    expect(readme).toContain('## Under load');
    expect(readme).toContain('![Running tasks under the spike profile](simulation.svg)');
    expect(fileText(files, 'simulation.svg')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
