import { propsOf } from '../../catalog';
import { ecsEc2Capacities } from '../../model/compute';
import { nodeName } from '../support/describe';
import { report, type RuleDefinition } from '../support/define';
import { setNodeProps } from '../support/fixes';
import type { Finding } from '../types';

export const asgCapacityProviderConfig: RuleDefinition = {
  id: 'asg-capacity-provider-config',
  teaches: 'ecs-ec2-capacity',
  category: 'Launch types and capacity',
  severity: 'error',
  title: 'Auto Scaling group capacity providers have requirements',
  explanation:
    'An Auto Scaling group used as a capacity provider cannot use instance weighting, and managed termination protection works only together with managed scaling. An Auto Scaling group whose maximum size is 0 can never launch an instance (reported as a warning).',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/asg-capacity-providers.html',
  check({ model }) {
    return ecsEc2Capacities(model).flatMap((capacity) => {
      const findings: Finding[] = [];
      const props = propsOf(capacity);
      if (props.capacityProvider && props.instanceWeighting) {
        findings.push(
          report(asgCapacityProviderConfig, {
            message: `${nodeName(capacity)} is a capacity provider with instance weighting; capacity providers do not support weighted instance types.`,
            nodes: [capacity],
            fix: setNodeProps('Turn off instance weighting', capacity, { instanceWeighting: false }),
          }),
        );
      }
      if (props.capacityProvider && props.managedTerminationProtection && !props.managedScaling) {
        findings.push(
          report(asgCapacityProviderConfig, {
            message: `${nodeName(capacity)} turns on managed termination protection without managed scaling; ECS needs managed scaling to protect instances that run tasks.`,
            nodes: [capacity],
            fix: setNodeProps('Turn on managed scaling', capacity, { managedScaling: true }),
          }),
        );
      }
      if (props.maxSize === 0 && props.minSize === 0) {
        findings.push(
          report(asgCapacityProviderConfig, {
            message: `${nodeName(capacity)} has a maximum size of 0, so it can never launch an instance for tasks to run on.`,
            nodes: [capacity],
            severity: 'warning',
            fix: setNodeProps('Allow up to 1 instance', capacity, { maxSize: 1 }),
          }),
        );
      }
      return findings;
    });
  },
};
