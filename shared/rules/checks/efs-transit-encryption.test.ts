import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'efs-transit-encryption';

describe(RULE, () => {
  it('flags an access point without transit encryption, and the fix turns it on', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const files = d.add('efs', { in: stack.vpc, label: 'files' });
    const edge = d.connect(stack.web, files, { accessPoint: true, transitEncryption: false, rootDirectory: '/data' });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'ECS service "web" mounts EFS file system "files" through an access point, but encryption in transit is off.',
    );
    expect(finding?.edgeIds).toEqual([edge]);
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: a root directory without an access point, and unencrypted mounts without one', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.connect(stack.web, d.add('efs', { in: stack.vpc }), { rootDirectory: '/data', transitEncryption: false });
    expect(check(d.build(), RULE)).toEqual([]);
  });

  it('valid: an encrypted access point rooted in a subdirectory (the root becomes the access point path)', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.connect(stack.web, d.add('efs', { in: stack.vpc }), { accessPoint: true, transitEncryption: true, rootDirectory: '/uploads' });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
