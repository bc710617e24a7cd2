import { describe, expect, it } from 'vitest';
import { arr, call, expr, member, newCall, obj, objFromPairs, props, render, spread } from './code';

describe('code rendering', () => {
  it('keeps short values on one line', () => {
    expect(render(obj({ name: 'Public', cidrMask: 24, mapPublicIpOnLaunch: false }), 4)).toBe(
      "{ name: 'Public', cidrMask: 24, mapPublicIpOnLaunch: false }",
    );
    expect(render(arr([1, 'a', expr('x')]), 0)).toBe("[1, 'a', x]");
  });

  it('writes construct props one per line, hugging the call', () => {
    const code = newCall(
      'ecs.Cluster',
      expr('this'),
      'Cluster',
      props({ vpc: expr('vpc'), containerInsightsV2: expr('ecs.ContainerInsights.ENABLED') }),
    );
    expect(render(code, 4, 20)).toBe(
      ["new ecs.Cluster(this, 'Cluster', {", '      vpc,', '      containerInsightsV2: ecs.ContainerInsights.ENABLED,', '    })'].join(
        '\n',
      ),
    );
  });

  it('breaks long calls argument by argument when hugging does not fit', () => {
    const code = call('x'.repeat(110), 'a'.repeat(20), obj({ b: 1 }));
    expect(render(code, 0)).toBe([`${'x'.repeat(110)}(`, `  '${'a'.repeat(20)}',`, '  { b: 1 },', ')'].join('\n'));
  });

  it('leaves out undefined props and quotes keys that are not identifiers', () => {
    expect(render(obj({ a: undefined, b: 2 }), 0)).toBe('{ b: 2 }');
    expect(
      render(
        objFromPairs([
          ['app.kubernetes.io/name', 'web'],
          ['tier', 'x'],
        ]),
        0,
      ),
    ).toBe("{ 'app.kubernetes.io/name': 'web', tier: 'x' }");
  });

  it('renders spreads and member access', () => {
    expect(render(arr([spread(member(call('vpc.selectSubnets', obj({ subnetGroupName: 'A' })), 'subnets'))]), 0)).toBe(
      "[...vpc.selectSubnets({ subnetGroupName: 'A' }).subnets]",
    );
  });

  it('refuses numbers that are not finite', () => {
    expect(() => render(Number.NaN, 0)).toThrow();
    expect(render(-0, 0)).toBe('0');
  });
});
