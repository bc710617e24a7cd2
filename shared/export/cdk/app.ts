import { ecrRepository, findKind } from '../../catalog';
import type { DiagramDocument, DiagramNode } from '../../document/schema';
import { DiagramModel } from '../../model/diagram-model';
import { call, expr, newCall, obj, render } from './code';
import { EmitContext, type RepositoryStackRef } from './context';
import { emitEcsClusters, ECS_WORKLOAD_KINDS } from './emit/ecs-cluster';
import { emitEcsWorkloads } from './emit/ecs-workloads';
import { emitEksClusters } from './emit/eks';
import { emitImages, isCreatedRepository } from './emit/images';
import { emitLoadBalancers, LOAD_BALANCER_KINDS } from './emit/load-balancers';
import { emitVpcs } from './emit/network';
import { emitFileSystems } from './emit/storage';
import { FindingNotes } from './findings';
import { cdkJson, ESSENTIAL_FEATURE_FLAGS, GITIGNORE, packageJson, tsconfigJson } from './files/project';
import { readme, type ReadmeFacts } from './files/readme';
import { camelCase, commentId, pascalCase } from './literal';
import { constructIdBase, variableBase } from './names';
import { planRegions } from './plan/regions';
import { propsOf } from './props';
import { importStatement, StackBuilder } from './stack-builder';
import type { CdkAppOptions, CdkAppResult, GeneratedFile } from './types';

/**
 * Turns a diagram into a CDK app shaped like `cdk init app --language typescript`: one
 * workload stack per Region (plus a stack for the ECR repositories it creates), a bin entry,
 * package.json, cdk.json, tsconfig.json and a README. Pure and deterministic: the same
 * document and options always give the same files, byte for byte.
 */
export function generateCdkApp(document: DiagramDocument, options: CdkAppOptions): CdkAppResult {
  const errors = options.findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0 && !options.force) return { ok: false, reason: 'validation-errors', errors };

  const packageName = packageNameOf(options.appName);
  const appClass = pascalCase(packageName);
  const model = new DiagramModel(document);
  const regions = planRegions(model);
  const notes = new FindingNotes(document, options.findings);
  const multiRegion = regions.regions.length > 1;
  const title = document.metadata.title;

  const stacks = regions.regions.map((region) => {
    const infix = multiRegion && region ? pascalCase(region) : '';
    const fileInfix = multiRegion && region ? `-${region}` : '';
    const repositories = model.nodesOfKind('ecr-repository').filter((node) => isCreatedRepository({ regions }, node, region));
    return {
      region,
      className: `${appClass}${infix}Stack`,
      file: `lib/${packageName}${fileInfix}-stack.ts`,
      repositoryNodes: repositories,
      repositories:
        repositories.length > 0
          ? { className: `${appClass}${infix}RepositoriesStack`, file: `lib/${packageName}${fileInfix}-repositories-stack.ts` }
          : undefined,
    };
  });

  const files: GeneratedFile[] = [];
  const builders: StackBuilder[] = [];
  let hasEks = false;
  for (const stack of stacks) {
    let repositoryRef: RepositoryStackRef | undefined;
    if (stack.repositories) {
      const builder = new StackBuilder(stack.repositories.className, `The ECR repositories the diagram draws${stack.region ? ` in ${stack.region}` : ''}.`);
      repositoryRef = { builder, fields: new Map() };
      emitRepositories(builder, repositoryRef, stack.repositoryNodes, notes);
      files.push({ path: stack.repositories.file, content: builder.render() });
    }
    const builder = new StackBuilder(stack.className, `Everything else the diagram draws${stack.region ? ` in ${stack.region}` : ''}.`);
    if (stack.repositories) {
      builder.importLocal(`type { ${stack.repositories.className} }`, `./${baseName(stack.repositories.file)}`);
      builder.propsField(`repositories: ${stack.repositories.className}`, 'The stack with the ECR repositories the services pull from.');
    }
    const ctx = new EmitContext(model, regions, stack.region, builder, notes, repositoryRef);
    emitWorkloadStack(ctx);
    hasEks ||= ctx.nodes('eks-cluster').length > 0;
    builders.push(builder);
  }
  notes.writeRemaining(builders[0]!);
  stacks.forEach((stack, index) => files.push({ path: stack.file, content: builders[index]!.render() }));

  const binPath = `bin/${packageName}.ts`;
  files.push({ path: binPath, content: binFile(stacks, title) });
  files.push({ path: 'package.json', content: packageJson(packageName, options.versions, hasEks) });
  files.push({ path: 'cdk.json', content: cdkJson(packageName, options.featureFlags ?? ESSENTIAL_FEATURE_FLAGS) });
  files.push({ path: 'tsconfig.json', content: tsconfigJson() });
  files.push({ path: '.gitignore', content: GITIGNORE });
  if (options.diagramSvg !== undefined) files.push({ path: 'diagram.svg', content: options.diagramSvg });
  files.push({
    path: 'README.md',
    content: readme(readmeFacts(model, document, options, packageName, stacks, builders, hasEks)),
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ok: true, files };
}

/** An npm package name from any text: lowercase letters, digits and dashes, starting with a letter. */
export function packageNameOf(appName: string): string {
  const name = appName
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  if (name === '') return 'stowage-app';
  return /^[a-z]/.test(name) ? name : `app-${name}`;
}

function baseName(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.ts$/, '');
}

function emitRepositories(builder: StackBuilder, ref: RepositoryStackRef, repositories: DiagramNode[], notes: FindingNotes): void {
  const ecr = builder.use('ecr');
  const cdk = builder.use('cdk');
  for (const repository of repositories) {
    const settings = propsOf(ecrRepository, repository);
    const field = builder.variables.unique(variableBase(repository.kind, repository.id));
    const constructId = builder.constructIds.unique(constructIdBase(repository.kind, repository.id));
    builder.field(`${field}: ${ecr}.Repository`, `${findKind(repository.kind)?.label ?? 'ECR repository'} ${commentId(repository.id)}.`);
    builder.blank();
    builder.comment(`ECR repository ${commentId(repository.id)}`);
    notes.writeFor(repository.id, builder);
    builder.assign(
      `this.${field}`,
      newCall(
        `${ecr}.Repository`,
        expr('this'),
        constructId,
        obj(
          {
            repositoryName: settings.repositoryName,
            imageTagMutability: expr(`${ecr}.TagMutability.${settings.imageTagMutability}`),
            imageScanOnPush: settings.scanOnPush,
          },
          { expanded: true },
        ),
      ),
    );
    if (repository.label.trim() !== '') {
      builder.usesNameTag = true;
      builder.statement(call('nameTag', expr(`this.${field}`), repository.label));
    }
    builder.statement(newCall(`${cdk}.CfnOutput`, expr('this'), builder.constructIds.unique(`${constructId}Uri`), obj({ value: expr(`this.${field}.repositoryUri`) })));
    ref.fields.set(repository.id, field);
  }
}

function emitWorkloadStack(ctx: EmitContext): void {
  const document = ctx.model.document;
  const ecsWorkloads = document.nodes.filter((node) => ECS_WORKLOAD_KINDS.includes(node.kind) && ctx.inStack(node));
  const eksWorkloads = ctx.nodes('eks-workload');
  const loadBalancers = LOAD_BALANCER_KINDS.flatMap((kind) => ctx.nodes(kind)).filter((lb) => {
    const targets = ctx.model.targets(lb.id, 'routes-traffic');
    return targets.length === 0 || targets.some((target) => target.kind === 'ecs-service');
  });
  const orphanEcs = ecsWorkloads.filter((workload) => !ctx.model.nearest(workload.id, 'ecs-cluster'));
  ctx.planVpcs([...ctx.nodes('ecs-cluster'), ...ctx.nodes('eks-cluster'), ...ctx.nodes('efs'), ...loadBalancers, ...orphanEcs]);

  for (const region of ctx.nodes('region')) ctx.notes.writeFor(region.id, ctx.b);
  emitVpcs(ctx);
  emitImages(ctx, [...ecsWorkloads, ...eksWorkloads]);
  emitFileSystems(ctx);
  emitLoadBalancers(ctx);
  emitEcsClusters(ctx, ecsWorkloads);
  emitEcsWorkloads(ctx, ecsWorkloads);
  emitEksClusters(ctx);
}

interface StackPlanSummary {
  region: string | undefined;
  className: string;
  file: string;
  repositories?: { className: string; file: string };
}

function binFile(stacks: readonly StackPlanSummary[], title: string): string {
  const lines = ['#!/usr/bin/env node', importStatement('* as cdk', 'aws-cdk-lib')];
  for (const stack of stacks) {
    if (stack.repositories) lines.push(importStatement(`{ ${stack.repositories.className} }`, `../${stack.repositories.file.replace(/\.ts$/, '')}`));
    lines.push(importStatement(`{ ${stack.className} }`, `../${stack.file.replace(/\.ts$/, '')}`));
  }
  lines.push('', 'const app = new cdk.App();');
  const hasTitle = title.trim() !== '';
  if (hasTitle) lines.push(`const description = ${render(title, 0, 20)};`);
  const multi = stacks.length > 1;
  for (const stack of stacks) {
    const envName = multi && stack.region ? camelCase(stack.region) : 'env';
    const region = stack.region !== undefined ? render(stack.region, 0) : 'process.env.CDK_DEFAULT_REGION';
    lines.push('');
    if (multi && stack.region) lines.push(`// ${stack.region}`);
    lines.push(`const ${envName} = { account: process.env.CDK_DEFAULT_ACCOUNT, region: ${region} };`);
    const envArg = envName === 'env' ? 'env' : `env: ${envName}`;
    const common = hasTitle ? [envArg, 'description'] : [envArg];
    let extra: string[] = [];
    if (stack.repositories) {
      const repositoriesName = multi && stack.region ? `${envName}Repositories` : 'repositories';
      lines.push(
        `const ${repositoriesName} = new ${stack.repositories.className}(app, '${stack.repositories.className}', { ${common.join(', ')} });`,
      );
      extra = [repositoriesName === 'repositories' ? 'repositories' : `repositories: ${repositoriesName}`];
    }
    const args = [...common, ...extra].join(', ');
    const statement = `new ${stack.className}(app, '${stack.className}', { ${args} });`;
    lines.push(statement.length <= 100 ? statement : `new ${stack.className}(app, '${stack.className}', {\n${[...common, ...extra].map((arg) => `  ${arg},`).join('\n')}\n});`);
  }
  return `${lines.join('\n')}\n`;
}

function readmeFacts(
  model: DiagramModel,
  document: DiagramDocument,
  options: CdkAppOptions,
  packageName: string,
  stacks: readonly StackPlanSummary[],
  builders: readonly StackBuilder[],
  hasEks: boolean,
): ReadmeFacts {
  const counted = ['vpc', 'ecr-repository', 'ecs-cluster', 'ecs-service', 'ecs-task', 'eks-cluster', 'eks-workload', 'alb', 'nlb', 'clb', 'efs'];
  const counts = counted
    .map((kind) => ({ label: findKind(kind)?.label ?? kind, count: model.nodesOfKind(kind).length }))
    .filter((entry) => entry.count > 0);
  const dockerHub = model.nodesOfKind('dockerhub-image');
  return {
    title: document.metadata.title,
    description: document.metadata.description,
    packageName,
    hasDiagram: options.diagramSvg !== undefined,
    stacks: stacks.map((stack) => ({
      className: stack.className,
      constructId: stack.className,
      file: stack.file,
      ...(stack.region ? { region: stack.region } : {}),
      ...(stack.repositories
        ? { repositories: { className: stack.repositories.className, constructId: stack.repositories.className, file: stack.repositories.file } }
        : {}),
    })),
    counts,
    parameters: stacks.flatMap((stack, index) => builders[index]!.parameters.map((parameter) => ({ stack: stack.className, ...parameter }))),
    hasEks,
    hasRepositories: stacks.some((stack) => stack.repositories !== undefined),
    dockerHubSecrets: dockerHub.some((node) => typeof node.props.credentialsSecret === 'string' && node.props.credentialsSecret !== ''),
    pullThroughCache: dockerHub.some((node) => node.props.pullThroughCache === true),
    onDemandTasks: model.nodesOfKind('ecs-task').some((node) => !node.props.schedule),
    externalCapacity: model.nodesOfKind('ecs-external-capacity').length > 0,
    problems: options.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').length,
    forced: options.force && options.findings.some((finding) => finding.severity === 'error'),
  };
}

