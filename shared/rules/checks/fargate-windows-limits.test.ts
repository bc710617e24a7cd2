import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, fargateWebStack, ruleIds } from '../test-support/diagram-builder.test-support';

const RULE = 'fargate-windows-limits';

function windowsWeb(props: Record<string, unknown>) {
  const d = diagram();
  const stack = fargateWebStack(d);
  d.set(stack.web, { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpu: 1024, memory: 2048, ...props });
  return { d, stack };
}

describe(RULE, () => {
  it('flags FARGATE_SPOT, ARM64 and a Linux platform version together, and the fix repairs all three', () => {
    const { d } = windowsWeb({
      cpuArchitecture: 'ARM64',
      platformVersion: '1.4.0',
      capacityProviderStrategy: [
        { provider: 'FARGATE', base: 1, weight: 1 },
        { provider: 'FARGATE_SPOT', base: 0, weight: 2 },
      ],
    });
    const document = d.build();
    const [finding, ...rest] = check(document, RULE);
    expect(rest).toEqual([]);
    expect(finding?.message).toBe(
      'ECS service "web" runs Windows containers on Fargate, but its capacity provider strategy uses FARGATE_SPOT (Fargate Spot does not run Windows tasks); it is set to ARM64 (Windows on Fargate is x86_64 only); it pins platform version 1.4.0 (Windows on Fargate uses 1.0.0).',
    );
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.find((node) => node.label === 'web')?.props.capacityProviderStrategy).toEqual([
      { provider: 'FARGATE', base: 1, weight: 3 },
    ]);
  });

  it('flags EFS on Windows Fargate (and efs-windows stays quiet about it)', () => {
    const { d, stack } = windowsWeb({});
    const files = d.add('efs', { in: stack.vpc });
    d.connect(stack.web, files);
    const document = d.build();
    expect(check(document, RULE)[0]?.message).toMatch(
      /mounts EFS file system "shared files" \(EFS is not available to Windows containers\)/,
    );
    expect(check(document, RULE)[0]?.fix).toBeUndefined();
    expect(ruleIds(document)).toEqual([RULE]);
  });

  it('flags FARGATE_SPOT that comes from the cluster default strategy', () => {
    const { d, stack } = windowsWeb({});
    d.set(stack.cluster, { defaultCapacityProviderStrategy: [{ provider: 'FARGATE_SPOT', base: 0, weight: 1 }] });
    // Drawn in the cluster rather than in Fargate capacity, so the default strategy applies.
    const task = d.add('ecs-task', {
      in: stack.cluster,
      props: { operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL', cpu: 1024, memory: 2048 },
    });
    const document = d.build();
    const findings = check(document, RULE);
    expect(findings.map((finding) => finding.nodeIds[0])).toEqual([task]);
    expect(check(applyFix(document, findings[0]), RULE)).toEqual([]);
  });

  it('near miss: Windows on FARGATE with LATEST or 1.0.0, and Linux on FARGATE_SPOT with ARM64', () => {
    expect(check(windowsWeb({ platformVersion: '1.0.0' }).d.build(), RULE)).toEqual([]);
    expect(check(windowsWeb({ capacityProviderStrategy: [{ provider: 'FARGATE', base: 0, weight: 1 }] }).d.build(), RULE)).toEqual([]);
    const { d } = windowsWeb({
      operatingSystemFamily: 'LINUX',
      cpuArchitecture: 'ARM64',
      capacityProviderStrategy: [{ provider: 'FARGATE_SPOT', base: 0, weight: 1 }],
    });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
