import { findKind, propsOf, type KindId } from '../../catalog';
import type { DiagramDocument } from '../../document/schema';
import { DiagramModel } from '../../model/diagram-model';
import { expr, newCall, obj, render } from './code';
import { EmitContext, type RepositoryStackRef } from './context';
import { CDK_EXPORTERS, REPOSITORY_EMITTERS, STACK_EMITTERS, type KindExporter, type NotExported } from './exporters';
import { FindingNotes } from './findings';
import { cdkJson, ESSENTIAL_FEATURE_FLAGS, GITIGNORE, packageJson, tsconfigJson } from './files/project';
import { costReadme, SIMULATION_CHART_FILE } from './files/cost-readme';
import { readme, type ReadmeFacts } from './files/readme';
import { camelCase, pascalCase } from './literal';
import { variableBase } from './names';
import { planApp, type RegionFiles } from './plan/app';
import { planStacks } from './plan/stacks';
import { importStatement, StackBuilder } from './stack-builder';
import type { CdkAppOptions, CdkAppResult, GeneratedFile } from './types';

/**
 * Turns a diagram into a CDK app shaped like `cdk init app --language typescript`: a workload
 * stack per Region and VPC (plus a stack per Region for the ECR repositories it creates), a bin
 * entry, package.json, cdk.json, tsconfig.json and a README. Pure and deterministic: the same
 * document and options always give the same files, byte for byte.
 */
export function generateCdkApp(document: DiagramDocument, options: CdkAppOptions): CdkAppResult {
  const errors = options.findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0 && !options.force) return { ok: false, reason: 'validation-errors', errors };

  const packageName = packageNameOf(options.appName);
  const appClass = pascalCase(packageName);
  const model = new DiagramModel(document);
  const planning = planStacks(model);
  const notes = new FindingNotes(document, options.findings);
  const regions = planApp(model, planning, packageName, appClass);

  const files: GeneratedFile[] = [];
  let firstBuilder: StackBuilder | undefined;
  for (const region of regions) {
    let repositoryRef: RepositoryStackRef | undefined;
    if (region.repositories) {
      const builder = new StackBuilder(
        region.repositories.className,
        `The ECR repositories the diagram draws${region.region ? ` in ${region.region}` : ''}.`,
      );
      repositoryRef = { builder, fields: new Map() };
      const nodes = region.repositories.nodes;
      for (const { emitter, kinds } of REPOSITORY_EMITTERS) {
        emitter.emit(
          { b: builder, fields: repositoryRef.fields, notes },
          nodes.filter((node) => (kinds as readonly string[]).includes(node.kind)),
        );
      }
      files.push({ path: region.repositories.file, content: builder.render() });
    }
    for (const stack of region.stacks) {
      const builder = new StackBuilder(stack.className, stack.description);
      stack.builder = builder;
      if (region.repositories) {
        builder.importLocal(`type { ${region.repositories.className} }`, `./${baseName(region.repositories.file)}`);
        builder.propsField(`repositories: ${region.repositories.className}`, 'The stack with the ECR repositories the services pull from.');
      }
      emitWorkloadStack(new EmitContext(model, planning, stack.slot, stack.plan, builder, notes, repositoryRef));
      firstBuilder ??= builder;
    }
  }
  notes.writeRemaining(firstBuilder!);
  const hasEks = regions.some((region) => region.stacks.some((stack) => stack.plan.eks.clusters.length > 0));
  // A stack with nothing in it is left out, unless it is the only one (an empty diagram still gives an app).
  const allStacks = regions.flatMap((region) => region.stacks);
  for (const region of regions) {
    region.stacks = region.stacks.filter((stack) => stack.builder!.hasStatements || (allStacks.length === 1 && !region.repositories));
    for (const stack of region.stacks) files.push({ path: stack.file, content: stack.builder!.render() });
  }

  files.push({ path: `bin/${packageName}.ts`, content: binFile(regions, document.metadata.title) });
  files.push({ path: 'package.json', content: packageJson(packageName, options.versions, hasEks) });
  files.push({ path: 'cdk.json', content: cdkJson(packageName, options.featureFlags ?? ESSENTIAL_FEATURE_FLAGS) });
  files.push({ path: 'tsconfig.json', content: tsconfigJson() });
  files.push({ path: '.gitignore', content: GITIGNORE });
  if (options.diagramSvg !== undefined) files.push({ path: 'diagram.svg', content: options.diagramSvg });
  const cost = costReadme(model);
  if (cost.chart !== undefined) files.push({ path: SIMULATION_CHART_FILE, content: cost.chart });
  files.push({
    path: 'README.md',
    content: readme({ ...readmeFacts(model, document, options, packageName, regions, hasEks), costSection: cost.markdown }),
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

function emitWorkloadStack(ctx: EmitContext): void {
  for (const { emitter, kinds } of STACK_EMITTERS) {
    emitter.emit(
      ctx,
      ctx.model.document.nodes.filter((node) => (kinds as readonly string[]).includes(node.kind) && ctx.inStack(node)),
    );
  }
}

function binFile(regions: readonly RegionFiles[], title: string): string {
  const lines = ['#!/usr/bin/env node', importStatement('* as cdk', 'aws-cdk-lib')];
  for (const region of regions) {
    if (region.repositories)
      lines.push(importStatement(`{ ${region.repositories.className} }`, `../${region.repositories.file.replace(/\.ts$/, '')}`));
    for (const stack of region.stacks) lines.push(importStatement(`{ ${stack.className} }`, `../${stack.file.replace(/\.ts$/, '')}`));
  }
  lines.push('', 'const app = new cdk.App();');
  const hasTitle = title.trim() !== '';
  if (hasTitle) lines.push(`const description = ${render(title, 0, 20)};`);
  const multi = regions.length > 1;
  const envNameOf = (region: RegionFiles) => (multi && region.region ? camelCase(region.region) : 'env');
  const repositoriesNameOf = (region: RegionFiles) => (multi && region.region ? `${envNameOf(region)}Repositories` : 'repositories');
  const commonOf = (region: RegionFiles) => [
    envNameOf(region) === 'env' ? 'env' : `env: ${envNameOf(region)}`,
    ...(hasTitle ? ['description'] : []),
  ];
  // Environments and repositories first: a stack may pull images from another Region's repositories.
  for (const region of regions) {
    const regionCode = region.region !== undefined ? render(region.region, 0) : 'process.env.CDK_DEFAULT_REGION';
    lines.push('');
    if (multi && region.region) lines.push(`// ${region.region}`);
    lines.push(`const ${envNameOf(region)} = { account: process.env.CDK_DEFAULT_ACCOUNT, region: ${regionCode} };`);
    if (region.repositories) {
      lines.push(
        statement(
          `const ${repositoriesNameOf(region)} = new ${region.repositories.className}`,
          `'${region.repositories.className}'`,
          commonOf(region),
        ),
      );
    }
  }
  lines.push('');
  for (const region of regions) {
    const repositories = region.repositories
      ? [repositoriesNameOf(region) === 'repositories' ? 'repositories' : `repositories: ${repositoriesNameOf(region)}`]
      : [];
    for (const stack of region.stacks) {
      const props = [...commonOf(region), ...repositories];
      const sources = regions.filter(
        (other) => other !== region && other.repositories && stack.plan.images.repositoryRegions.includes(other.region),
      );
      if (sources.length === 0) {
        lines.push(statement(`new ${stack.className}`, `'${stack.className}'`, props));
        continue;
      }
      const variable = `${stack.className.charAt(0).toLowerCase()}${stack.className.slice(1)}`;
      lines.push(statement(`const ${variable} = new ${stack.className}`, `'${stack.className}'`, props));
      // Its images come from another Region's repositories, which must exist first.
      for (const source of sources) lines.push(`${variable}.addDependency(${repositoriesNameOf(source)});`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `[const x = ]new Stack(app, 'Stack', { env, description, … });` from `key: variable` pairs. */
function statement(head: string, id: string, props: readonly string[]): string {
  const [declaration, className] = head.startsWith('const ')
    ? [head.slice(0, head.indexOf('new ')), head.slice(head.indexOf('new ') + 4)]
    : ['', head.slice(4)];
  const entries = Object.fromEntries(
    props.map((prop) => {
      const [key, value] = prop.includes(': ') ? prop.split(': ') : [prop, prop];
      return [key!, expr(value!)];
    }),
  );
  return `${declaration}${render(newCall(className, expr('app'), expr(id), obj(entries)), 0, declaration.length)};`;
}

function readmeFacts(
  model: DiagramModel,
  document: DiagramDocument,
  options: CdkAppOptions,
  packageName: string,
  regions: readonly RegionFiles[],
  hasEks: boolean,
): Omit<ReadmeFacts, 'costSection'> {
  const exporters = Object.entries(CDK_EXPORTERS) as [KindId, KindExporter | NotExported][];
  const counts = exporters
    .filter(([, exporter]) => 'readme' in exporter && exporter.readme?.counted)
    .map(([kind]) => ({ label: findKind(kind).label, count: model.nodesOfKind(kind).length }))
    .filter((entry) => entry.count > 0);
  const dockerHub = model.nodesOfKind('dockerhub-image');
  const exampleNode = exporters
    .flatMap(([kind, exporter]) =>
      'readme' in exporter && exporter.readme?.example !== undefined ? [{ kind, rank: exporter.readme.example }] : [],
    )
    .sort((a, b) => a.rank - b.rank)
    .map(({ kind }) => model.nodesOfKind(kind)[0])
    .find(Boolean);
  return {
    title: document.metadata.title,
    description: document.metadata.description,
    packageName,
    hasDiagram: options.diagramSvg !== undefined,
    regions: regions.map((region) => ({
      ...(region.region ? { region: region.region } : {}),
      ...(region.repositories ? { repositories: { id: region.repositories.className, file: region.repositories.file } } : {}),
      stacks: region.stacks.map((stack) => ({ id: stack.className, file: stack.file, description: stack.description })),
    })),
    counts,
    ...(exampleNode && /^[A-Za-z0-9_-]+$/.test(exampleNode.id)
      ? {
          example: {
            variable: variableBase(exampleNode.kind, exampleNode.id),
            kind: findKind(exampleNode.kind)?.label ?? exampleNode.kind,
            id: exampleNode.id,
          },
        }
      : {}),
    parameters: regions.flatMap((region) =>
      region.stacks.flatMap((stack) => stack.builder!.parameters.map((parameter) => ({ stack: stack.className, ...parameter }))),
    ),
    hasEks,
    hasRepositories: regions.some((region) => region.repositories !== undefined),
    dockerHubSecrets: dockerHub.some((node) => propsOf(node).credentialsSecret !== ''),
    pullThroughCache: dockerHub.some((node) => propsOf(node).pullThroughCache),
    onDemandTasks: model.nodesOfKind('ecs-task').some((node) => !propsOf(node).schedule),
    externalCapacity: model.nodesOfKind('ecs-external-capacity').length > 0,
    problems: options.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').length,
    forced: options.force && options.findings.some((finding) => finding.severity === 'error'),
  };
}
