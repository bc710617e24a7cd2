import { tsKey, tsString } from './literal';

/**
 * A tiny model of the TypeScript expressions the generator writes, rendered with 2-space
 * indentation, single quotes and trailing commas, breaking lines the way Prettier would at a
 * 120-column width (common in CDK code). Plain strings are always rendered as escaped string literals; code is
 * only ever produced by `expr`, whose text the generator builds from identifiers it made.
 */

export const LINE_WIDTH = 120;

/** Trusted TypeScript source text, such as `ecs.NetworkMode.BRIDGE` or a variable name. */
export class Expr {
  constructor(readonly text: string) {}
}

export class ObjectLiteral {
  constructor(
    readonly entries: readonly (readonly [string, Code])[],
    /** Always one entry per line, as hand-written construct props are. */
    readonly expanded: boolean,
  ) {}
}

export class ArrayLiteral {
  constructor(readonly items: readonly Code[]) {}
}

export class Call {
  constructor(
    /** `new ecs.Cluster`, `cluster.addAsgCapacityProvider`. */
    readonly callee: string,
    readonly args: readonly Code[],
  ) {}
}

/** `...expression` inside an array literal. */
export class Spread {
  constructor(readonly value: Code) {}
}

/** `object.property`, where `object` may be any code (`vpc.selectSubnets({ … }).subnets`). */
export class Member {
  constructor(
    readonly object: Code,
    readonly property: string,
  ) {}
}

export type Code = Expr | ObjectLiteral | ArrayLiteral | Call | Spread | Member | string | number | boolean;

export function expr(text: string): Expr {
  return new Expr(text);
}

/** An object literal; undefined values are left out, so optional props read naturally at call sites. */
export function obj(entries: Record<string, Code | undefined>, options: { expanded?: boolean } = {}): ObjectLiteral {
  const kept = Object.entries(entries).filter((entry): entry is [string, Code] => entry[1] !== undefined);
  return new ObjectLiteral(kept, options.expanded ?? false);
}

/** Construct props: written one per line once there are two or more. */
export function props(entries: Record<string, Code | undefined>): ObjectLiteral {
  const literal = obj(entries);
  return new ObjectLiteral(literal.entries, literal.entries.length >= 2);
}

/** An object literal with keys that come from data (Kubernetes labels): keys are quoted when needed. */
export function objFromPairs(pairs: Iterable<readonly [string, Code]>): ObjectLiteral {
  return new ObjectLiteral([...pairs], false);
}

export function arr(items: readonly Code[]): ArrayLiteral {
  return new ArrayLiteral(items);
}

export function call(callee: string, ...args: (Code | undefined)[]): Call {
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  return new Call(
    callee,
    args.map((arg) => arg ?? expr('undefined')),
  );
}

export function newCall(className: string, ...args: (Code | undefined)[]): Call {
  return call(`new ${className}`, ...args);
}

export function spread(value: Code): Spread {
  return new Spread(value);
}

export function member(object: Code, property: string): Member {
  return new Member(object, property);
}

/** Renders `code` for a position that starts at `column` and is indented by `indent` spaces. */
export function render(code: Code, indent: number, column: number = indent): string {
  const flat = renderFlat(code);
  if (flat !== undefined && column + flat.length <= LINE_WIDTH) return flat;
  return renderBroken(code, indent, column);
}

/** Single-line form, or undefined when the value must span lines. */
function renderFlat(code: Code): string | undefined {
  if (typeof code === 'string') return tsString(code);
  if (typeof code === 'number') return renderNumber(code);
  if (typeof code === 'boolean') return String(code);
  if (code instanceof Expr) return code.text.includes('\n') ? undefined : code.text;
  if (code instanceof Spread) {
    const inner = renderFlat(code.value);
    return inner === undefined ? undefined : `...${inner}`;
  }
  if (code instanceof Member) {
    const inner = renderFlat(code.object);
    return inner === undefined ? undefined : `${inner}.${code.property}`;
  }
  if (code instanceof ArrayLiteral) {
    const items = code.items.map(renderFlat);
    if (items.some((item) => item === undefined)) return undefined;
    return `[${items.join(', ')}]`;
  }
  if (code instanceof ObjectLiteral) {
    if (code.entries.length === 0) return '{}';
    if (code.expanded) return undefined;
    const entries = code.entries.map(([key, value]) => renderEntryFlat(key, value));
    if (entries.some((entry) => entry === undefined)) return undefined;
    return `{ ${entries.join(', ')} }`;
  }
  const args = code.args.map(renderFlat);
  if (args.some((arg) => arg === undefined)) return undefined;
  return `${code.callee}(${args.join(', ')})`;
}

function renderEntryFlat(key: string, value: Code): string | undefined {
  if (value instanceof Expr && value.text === key && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return key;
  const rendered = renderFlat(value);
  return rendered === undefined ? undefined : `${tsKey(key)}: ${rendered}`;
}

function renderBroken(code: Code, indent: number, column: number): string {
  const inner = indent + 2;
  const pad = ' '.repeat(inner);
  const close = ' '.repeat(indent);
  if (code instanceof ObjectLiteral) {
    const lines = code.entries.map(([key, value]) => {
      if (value instanceof Expr && value.text === key && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return `${pad}${key},`;
      const head = `${tsKey(key)}: `;
      return `${pad}${head}${render(value, inner, inner + head.length)},`;
    });
    return `{\n${lines.join('\n')}\n${close}}`;
  }
  if (code instanceof ArrayLiteral) {
    const lines = code.items.map((item) => `${pad}${render(item, inner)},`);
    return `[\n${lines.join('\n')}\n${close}]`;
  }
  if (code instanceof Spread) return `...${render(code.value, indent, column + 3)}`;
  if (code instanceof Member) return `${render(code.object, indent, column)}.${code.property}`;
  if (code instanceof Call) {
    const last = code.args[code.args.length - 1];
    const leading = code.args.slice(0, -1).map(renderFlat);
    // Prettier's "hug": keep the leading arguments on the line and break only a trailing object or array.
    if ((last instanceof ObjectLiteral || last instanceof ArrayLiteral) && leading.every((arg) => arg !== undefined)) {
      const head = `${code.callee}(${[...leading, ''].join(', ')}`;
      if (column + head.length + 1 <= LINE_WIDTH) return `${head}${renderBroken(last, indent, column + head.length)})`;
    }
    if (code.args.length === 0) return `${code.callee}()`;
    const lines = code.args.map((arg) => `${pad}${render(arg, inner)},`);
    return `${code.callee}(\n${lines.join('\n')}\n${close})`;
  }
  // Strings, numbers and expressions that do not fit stay on one line; there is no better break.
  return renderFlat(code) ?? (code as Expr).text;
}

function renderNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot write the number ${value} into generated code.`);
  return Object.is(value, -0) ? '0' : String(value);
}
