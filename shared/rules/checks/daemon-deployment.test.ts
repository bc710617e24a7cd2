import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, ec2Stack, ruleIds } from '../test-support/diagram-builder.test-support';

const RULE = 'daemon-deployment';

function daemon(props: Record<string, unknown>) {
  const d = diagram();
  const stack = ec2Stack(d);
  d.set(stack.api, { schedulingStrategy: 'DAEMON', launchType: 'EC2', maximumPercent: 100, minimumHealthyPercent: 50, ...props });
  return { d, stack };
}

describe(RULE, () => {
  it('flags a maximum percent other than 100, and the fix leaves the deployment able to progress', () => {
    const { d } = daemon({ maximumPercent: 200, minimumHealthyPercent: 100 });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'ECS service "api" is a daemon service with a maximum percent of 200; daemon services run one task per instance and need a maximum percent of 100.',
    );
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(check(fixed, 'deployment-percent-deadlock')).toEqual([]);
  });

  it('flags the CODE_DEPLOY controller', () => {
    const { d } = daemon({ deploymentController: 'CODE_DEPLOY' });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toMatch(/with the CODE_DEPLOY deployment controller; daemon services support only rolling updates \(ECS\)\.$/);
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('flags a capacity provider strategy, explicit or from the cluster default', () => {
    const { d, stack } = daemon({ launchType: '', capacityProviderStrategy: [{ provider: 'x', base: 0, weight: 1 }] });
    d.set(stack.api, { capacityProviderStrategy: [] });
    d.set(stack.cluster, { defaultCapacityProviderStrategy: [{ provider: stack.capacity, base: 0, weight: 1 }] });
    const agent = d.add('ecs-service', {
      in: stack.cluster,
      label: 'agent',
      props: { schedulingStrategy: 'DAEMON', maximumPercent: 100, minimumHealthyPercent: 0, networkMode: 'host' },
    });
    const document = d.build();
    const findings = check(document, RULE);
    expect(findings.map((finding) => finding.message)).toEqual([
      'ECS service "agent" is a daemon service that would take the default capacity provider strategy of ECS cluster "cluster"; ECS does not accept a capacity provider strategy for daemon services, so set the EC2 launch type.',
    ]);
    expect(findings[0]?.nodeIds[0]).toBe(agent);
    expect(check(applyFix(document, findings[0]), RULE)).toEqual([]);
  });

  it('warns about Service Auto Scaling on a daemon service', () => {
    const { d, stack } = daemon({});
    const scaling = d.add('service-auto-scaling', { in: stack.cluster, label: 'scaling' });
    d.connect(scaling, stack.api);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.severity).toBe('warning');
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: a well-formed daemon service, drawn in a capacity provider ASG', () => {
    const { d } = daemon({ launchType: '' });
    expect(ruleIds(d.build())).toEqual([]);
  });
});
