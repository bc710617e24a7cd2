import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'fargate-efs-platform-version';

function withEfs(platformVersion: string, operatingSystemFamily = 'LINUX') {
  const d = diagram();
  const stack = fargateWebStack(d);
  const files = d.add('efs', { in: stack.vpc, label: 'files' });
  const mount = d.connect(stack.web, files);
  d.set(stack.web, { platformVersion, operatingSystemFamily, cpu: 1024, memory: 2048 });
  return { document: d.build(), stack, files, mount };
}

describe(RULE, () => {
  it('flags EFS on a Linux Fargate task pinned to 1.3.0, and the fix uses LATEST', () => {
    const { document, stack, files, mount } = withEfs('1.3.0');
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'ECS service "web" mounts EFS file system "files" on Fargate platform version 1.3.0; EFS on Fargate needs platform version 1.4.0 or later.',
    );
    expect(finding?.nodeIds).toEqual([stack.web, files]);
    expect(finding?.edgeIds).toEqual([mount]);
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: LATEST and 1.4.0 on Linux; Windows is left to fargate-windows-limits', () => {
    expect(check(withEfs('LATEST').document, RULE)).toEqual([]);
    expect(check(withEfs('1.4.0').document, RULE)).toEqual([]);
    expect(check(withEfs('1.0.0', 'WINDOWS_SERVER_2019_CORE').document, RULE)).toEqual([]);
  });
});
