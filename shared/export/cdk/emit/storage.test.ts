import { describe, expect, it } from 'vitest';
import { diagram, fargateWebStack } from '../../../rules/test-support/diagram-builder.test-support';
import { fileText, generate } from '../../../../test/cdk-synth/fixtures';

function accessPointCode(mount: Record<string, unknown>): string {
  const d = diagram();
  const stack = fargateWebStack(d);
  const efs = d.add('efs', { in: stack.vpc, id: 'n-efs' });
  d.connect(stack.web, efs, { accessPoint: true, rootDirectory: '/data', ...mount });
  const code = fileText(generate(d.build(), { force: true }), 'lib/test-app-stack.ts');
  return code.slice(code.indexOf('.addAccessPoint('), code.indexOf('});', code.indexOf('.addAccessPoint(')));
}

describe('EFS access points', () => {
  it('write as the POSIX user and group the mount names, and create its root directory with its permissions', () => {
    const code = accessPointCode({ accessPointUid: 33, accessPointGid: 44, accessPointPermissions: '770' });
    expect(code).toContain("createAcl: { ownerUid: '33', ownerGid: '44', permissions: '770' }");
    expect(code).toContain("posixUser: { uid: '33', gid: '44' }");
  });

  it('write as 1000:1000 unless the mount says otherwise', () => {
    expect(accessPointCode({})).toContain("posixUser: { uid: '1000', gid: '1000' }");
  });
});
