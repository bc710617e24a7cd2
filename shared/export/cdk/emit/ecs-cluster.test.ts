import { describe, expect, it } from 'vitest';
import { diagram, fargateWebStack } from '../../../rules/test-support/diagram-builder.test-support';
import { fileText, generate } from '../../../../test/cdk-synth/fixtures';

function clusterCode(fargate: boolean, fargateSpot: boolean): string {
  const d = diagram();
  const stack = fargateWebStack(d);
  d.set(stack.fargate, { fargate, fargateSpot });
  return fileText(generate(d.build(), { force: true }), 'lib/test-app-stack.ts');
}

describe('ECS clusters with Fargate capacity', () => {
  it('register the Fargate capacity providers when the capacity turns them on', () => {
    expect(clusterCode(true, true)).toContain('enableFargateCapacityProviders: true');
    expect(clusterCode(true, false)).toContain('CDK registers FARGATE and FARGATE_SPOT together; only FARGATE is used.');
  });

  it('register none when the capacity turns both off', () => {
    const code = clusterCode(false, false);
    expect(code).not.toContain('enableFargateCapacityProviders');
    expect(code).not.toContain("capacityProvider: 'FARGATE");
  });
});
