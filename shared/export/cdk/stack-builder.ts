import { render, type Code } from './code';
import { tsString } from './literal';
import { Names } from './names';
import { KUBECTL_LAYER_PACKAGE } from './packages';

/** A module the generated code imports whole, as `* as alias`, from its `path`. */
export interface CdkModule {
  readonly alias: string;
  readonly path: string;
}

/**
 * A module generated code may import. An emitter that needs a module no other emitter uses
 * declares it next to its code (`const apprunner = cdkModule('apprunner', 'aws-cdk-lib/aws-apprunner')`)
 * and passes it to `use`; the stack file imports it when, and only when, code uses it.
 */
export function cdkModule(alias: string, path: string): CdkModule {
  if (!/^[a-z][a-z0-9_]*$/.test(alias)) throw new Error(`Module alias "${alias}" is not a plain lowercase identifier.`);
  return { alias, path };
}

/** The aws-cdk-lib modules several emitters use, with the alias generated code gives each. */
export const MODULES = {
  cdk: cdkModule('cdk', 'aws-cdk-lib'),
  appscaling: cdkModule('appscaling', 'aws-cdk-lib/aws-applicationautoscaling'),
  autoscaling: cdkModule('autoscaling', 'aws-cdk-lib/aws-autoscaling'),
  ec2: cdkModule('ec2', 'aws-cdk-lib/aws-ec2'),
  ecr: cdkModule('ecr', 'aws-cdk-lib/aws-ecr'),
  ecs: cdkModule('ecs', 'aws-cdk-lib/aws-ecs'),
  ecs_patterns: cdkModule('ecs_patterns', 'aws-cdk-lib/aws-ecs-patterns'),
  efs: cdkModule('efs', 'aws-cdk-lib/aws-efs'),
  eks: cdkModule('eks', 'aws-cdk-lib/aws-eks-v2'),
  elb: cdkModule('elb', 'aws-cdk-lib/aws-elasticloadbalancing'),
  elbv2: cdkModule('elbv2', 'aws-cdk-lib/aws-elasticloadbalancingv2'),
  iam: cdkModule('iam', 'aws-cdk-lib/aws-iam'),
  secretsmanager: cdkModule('secretsmanager', 'aws-cdk-lib/aws-secretsmanager'),
} as const;

export { KUBECTL_LAYER_PACKAGE };
export const KUBECTL_LAYER_CLASS = 'KubectlV33Layer';

/** Identifiers the stack file declares itself; generated variables never take them. */
const RESERVED = [
  ...Object.values(MODULES).map((module) => module.alias),
  'Construct',
  'IConstruct',
  KUBECTL_LAYER_CLASS,
  'scope',
  'id',
  'props',
  'nameTag',
  'repositories',
];

export const BODY_INDENT = 4;

/**
 * Collects the statements of one stack class's constructor and renders the whole file:
 * imports (only those used, in a fixed order), the props interface, public fields and the
 * constructor body, and the `nameTag` helper when a label was written.
 */
export class StackBuilder {
  readonly variables = new Names(RESERVED);
  /** Construct ids of constructs created directly in the stack (`this`). */
  readonly constructIds = new Names();
  /** Modules the file imports, by alias. */
  private readonly imports = new Map<string, CdkModule>([['cdk', MODULES.cdk]]);
  private kubectlLayer = false;
  private readonly body: string[] = [];
  private readonly sectionTitles = new Set<number>();
  private readonly prologue: string[] = [];
  private readonly fields: string[] = [];
  private readonly propsFields: string[] = [];
  private readonly extraImports: string[] = [];
  usesNameTag = false;
  /** CloudFormation parameters the stack declares, for the README. */
  readonly parameters: { name: string; purpose: string }[] = [];

  constructor(
    readonly className: string,
    readonly description: string,
  ) {}

  /** Records that the file uses `module` and returns its alias. */
  use(module: CdkModule): string {
    const imported = this.imports.get(module.alias);
    if (imported) {
      if (imported.path !== module.path)
        throw new Error(`Two modules want the alias ${module.alias}: ${imported.path} and ${module.path}.`);
      return module.alias;
    }
    // A module of an emitter's own is not reserved up front: it claims its alias when first used.
    if (!RESERVED.includes(module.alias) && !this.variables.claim(module.alias)) {
      throw new Error(`The module alias ${module.alias} is already a variable of ${this.className}.`);
    }
    this.imports.set(module.alias, module);
    return module.alias;
  }

  useKubectlLayer(): string {
    this.kubectlLayer = true;
    return KUBECTL_LAYER_CLASS;
  }

  /** An import of a sibling file of the app, such as the repositories stack. */
  importLocal(what: string, module: string): void {
    const line = importStatement(what, module);
    if (!this.extraImports.includes(line)) this.extraImports.push(line);
  }

  /** A `// …` line. Only the generator's own words and element ids may go here, never diagram text. */
  comment(text: string): void {
    if (/[\r\n\u2028\u2029]|\*\//.test(text)) throw new Error('A generated comment must be one plain line.');
    this.body.push(`// ${text}`);
  }

  declare(name: string, code: Code, keyword: 'const' | 'let' = 'const'): string {
    const head = `${keyword} ${name} = `;
    this.body.push(`${head}${render(code, BODY_INDENT, BODY_INDENT + head.length)};`);
    return name;
  }

  /** `this.field = …;` for a public field declared with `field`. */
  assign(target: string, code: Code): void {
    const head = `${target} = `;
    this.body.push(`${head}${render(code, BODY_INDENT, BODY_INDENT + head.length)};`);
  }

  statement(code: Code): void {
    this.body.push(`${render(code, BODY_INDENT)};`);
  }

  /** Raw lines of trusted code (an `if` around a statement), one indentation step per level. */
  lines(...lines: string[]): void {
    this.body.push(...lines);
  }

  blank(): void {
    const last = this.body[this.body.length - 1];
    if (last !== undefined && last !== '' && !this.sectionTitles.has(this.body.length - 1)) this.body.push('');
  }

  /** A titled group of statements, separated from the previous one by a blank line. */
  section(title: string): void {
    this.blank();
    this.comment(`${title} ${'─'.repeat(Math.max(3, 60 - title.length))}`);
    this.sectionTitles.add(this.body.length - 1);
  }

  /** Lines placed at the start of the constructor body (problems not tied to one construct). */
  addPrologue(lines: readonly string[]): void {
    this.prologue.push(...lines);
  }

  /** `public readonly name: type;` on the stack class. */
  field(declaration: string, doc?: string): void {
    if (doc) this.fields.push(`/** ${doc} */`);
    this.fields.push(`public readonly ${declaration};`);
  }

  /** A field of the stack's props interface (beyond cdk.StackProps). */
  propsField(declaration: string, doc: string): void {
    this.propsFields.push(`/** ${doc} */`, `readonly ${declaration};`);
  }

  get hasStatements(): boolean {
    return [...this.prologue, ...this.body].some((line) => line !== '' && !line.startsWith('//'));
  }

  render(): string {
    const propsType = this.propsFields.length > 0 ? `${this.className}Props` : 'cdk.StackProps';
    const body = trimBlankLines([...this.prologue, ...(this.prologue.length > 0 ? [''] : []), ...withoutUnusedDeclarations(this.body)]);
    const out: string[] = [];
    out.push(...this.renderImports([...this.fields, ...this.propsFields, ...body].join('\n')), '');
    if (this.propsFields.length > 0) {
      out.push(`export interface ${propsType} extends cdk.StackProps {`);
      out.push(...this.propsFields.map((line) => `  ${line}`));
      out.push('}', '');
    }
    out.push(`/** ${this.description} */`);
    out.push(`export class ${this.className} extends cdk.Stack {`);
    if (this.fields.length > 0) {
      out.push(...this.fields.map((line) => `  ${line}`), '');
    }
    const optional = this.propsFields.length > 0 ? '' : '?';
    out.push(`  constructor(scope: Construct, id: string, props${optional}: ${propsType}) {`);
    out.push('    super(scope, id, props);');
    if (body.length > 0) out.push('');
    for (const line of body) out.push(line === '' ? '' : `${' '.repeat(BODY_INDENT)}${line}`);
    out.push('  }', '}');
    if (this.usesNameTag) out.push('', ...NAME_TAG_HELPER);
    return `${out.join('\n')}\n`;
  }

  /** The imports of the modules `code` refers to: an emitter may ask for a module and then write nothing that uses it. */
  private renderImports(code: string): string[] {
    const lines = [importStatement('* as cdk', MODULES.cdk.path)];
    const statements = code
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('//'))
      .join('\n');
    const used = new Set([...statements.matchAll(/(?<![A-Za-z0-9_$.])([A-Za-z_$][A-Za-z0-9_$]*)\./g)].map((match) => match[1]!));
    const modules = [...this.imports.values()]
      .filter((module) => module !== MODULES.cdk && used.has(module.alias))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    for (const module of modules) lines.push(importStatement(`* as ${module.alias}`, module.path));
    if (this.kubectlLayer) lines.push(importStatement(`{ ${KUBECTL_LAYER_CLASS} }`, KUBECTL_LAYER_PACKAGE));
    lines.push(...this.extraImports);
    lines.push(importStatement(this.usesNameTag ? '{ Construct, type IConstruct }' : '{ Construct }', 'constructs'));
    return lines;
  }
}

/**
 * An import statement of the generated code. Assembled from parts so that this
 * source holds no import-like text (shared/architecture.test.ts scans for it).
 */
export function importStatement(what: string, module: string): string {
  return `${['import', what, 'from', tsString(module)].join(' ')};`;
}

const NAME_TAG_HELPER = [
  '/**',
  ' * Shows a diagram label as the Name tag in the AWS console. Tag values allow only letters,',
  ' * digits, spaces and _ . : / = + - @, so other characters are left out of the tag.',
  ' */',
  'function nameTag(scope: IConstruct, label: string): void {',
  "  const value = label.replace(/[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]/gu, '').trim().slice(0, 255);",
  "  if (value !== '') cdk.Tags.of(scope).add('Name', value);",
  '}',
];

/**
 * `const x = new Thing(…);` where nothing refers to `x` again becomes `new Thing(…);`, as
 * hand-written CDK code does. A name that only appears inside a string literal still counts as a
 * use, which at worst keeps a declaration.
 */
function withoutUnusedDeclarations(body: readonly string[]): string[] {
  const uses = new Map<string, number>();
  for (const match of body.join('\n').matchAll(/(?<![A-Za-z0-9_$.])[A-Za-z_$][A-Za-z0-9_$]*/g)) {
    uses.set(match[0], (uses.get(match[0]) ?? 0) + 1);
  }
  return body.map((line) => {
    const match = /^const ([A-Za-z_$][A-Za-z0-9_$]*) = /.exec(line);
    return match && (uses.get(match[1]!) ?? 0) <= 1 ? line.slice(match[0].length) : line;
  });
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') start++;
  while (end > start && lines[end - 1] === '') end--;
  return lines.slice(start, end);
}
