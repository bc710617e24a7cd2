import type { Ec2Capacity } from '../../model/compute';
import { propsOf } from '../../catalog';
import { isWindows } from '../../catalog/common';
import { listText, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps, type TaskProps } from '../support/facts';
import type { Finding } from '../types';

export const ec2NeedsInstances: RuleDefinition = {
  id: 'ec2-needs-instances',
  teaches: 'ecs-ec2-capacity',
  category: 'Launch types and capacity',
  severity: 'error',
  title: 'EC2 tasks need container instances that can run them',
  explanation:
    'Tasks on the EC2 launch type or on an Auto Scaling group capacity provider run on the container instances registered with the cluster. Without EC2 capacity in the cluster they stay PENDING. The instances must also match the task: Windows tasks need a Windows AMI, ARM64 tasks an ARM64 AMI, x86_64 tasks an x86_64 AMI, and tasks that reserve GPUs a GPU AMI.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-capacity.html',
  check({ model }) {
    const facts = factsOf(model);
    return facts.ecsWorkloads().flatMap((node): Finding[] => {
      const compute = facts.ecsCompute(node);
      if (!compute.onEc2) return NONE;
      if (compute.launchType === 'EC2' && compute.ec2Capacities.length === 0) {
        if (!compute.cluster) return NONE;
        return [
          report(ec2NeedsInstances, {
            message: `${nodeName(node)} uses the EC2 launch type, but ${nodeName(compute.cluster)} has no EC2 capacity for its tasks to run on. Add EC2 capacity to the cluster, or run the service on Fargate.`,
            nodes: [node, compute.cluster],
          }),
        ];
      }
      const props = taskProps(node);
      // With the EC2 launch type any matching instance will do; a strategy sends tasks to each provider it weights.
      const candidates =
        compute.launchType === 'EC2'
          ? compute.ec2Capacities
          : compute.strategy.flatMap((item) => (item.ref.type === 'asg' && (item.weight > 0 || item.base > 0) ? [item.ref.capacity] : []));
      const mismatches = candidates
        .map((capacity) => ({ capacity, reasons: mismatch(props, capacity) }))
        .filter((entry) => entry.reasons.length > 0);
      if (mismatches.length === 0) return NONE;
      if (compute.launchType === 'EC2' && mismatches.length < candidates.length) return NONE;
      return mismatches.map(({ capacity, reasons }) =>
        report(ec2NeedsInstances, {
          message: `${nodeName(node)} cannot run on ${nodeName(capacity)} (${propsOf(capacity).amiFamily}): ${listText(reasons)}.`,
          nodes: [node, capacity],
        }),
      );
    });
  },
};

function mismatch(props: TaskProps, capacity: Ec2Capacity): string[] {
  const ami: string = propsOf(capacity).amiFamily;
  const reasons: string[] = [];
  const taskWindows = isWindows(props.operatingSystemFamily);
  const amiWindows = ami.startsWith('WINDOWS');
  if (taskWindows !== amiWindows)
    reasons.push(
      taskWindows ? 'the task needs Windows instances and these run Linux' : 'the task needs Linux instances and these run Windows',
    );
  else if (!taskWindows) {
    const amiArm = ami.includes('ARM64');
    if (props.cpuArchitecture === 'ARM64' && !amiArm) reasons.push('the task is built for ARM64 and these instances are x86_64');
    if (props.cpuArchitecture === 'X86_64' && amiArm) reasons.push('the task is built for x86_64 and these instances are ARM64');
  }
  if (props.gpuCount > 0 && !ami.includes('GPU'))
    reasons.push(`the task reserves ${props.gpuCount === 1 ? 'a GPU' : `${props.gpuCount} GPUs`} and the AMI has no GPU support`);
  return reasons;
}
