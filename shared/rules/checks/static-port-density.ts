import { count, nodeName, listNodes } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf } from '../support/facts';
import { isNodeOfKind, propsOf } from '../../catalog';
import { scalersOf } from '../support/facts';
import { setNodeProps } from '../support/fixes';
import type { DiagramModel } from '../../model/diagram-model';
import type { DiagramNode } from '../../document/schema';

export const staticPortDensity: RuleDefinition = {
  id: 'static-port-density',
  teaches: 'ecs-ec2-capacity',
  category: 'Networking and load balancing',
  severity: 'warning',
  title: 'A fixed host port allows one task per instance',
  explanation:
    'In host mode, and in bridge mode with a fixed host port, each task binds the same port on its EC2 instance, so only one task of the service fits on an instance. When the service may run more tasks than there are instances, the rest stay PENDING; when every instance is taken and the minimum healthy percent is 100, a rolling deployment can neither start a new task nor stop an old one. A dynamic host port (0) with an Application or Network Load Balancer, or the awsvpc mode, avoids this.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_portmappings',
  check({ model }) {
    const facts = factsOf(model);
    return model.nodesOfKind('ecs-service').flatMap((service) => {
      if (propsOf(service).schedulingStrategy === 'DAEMON') return NONE;
      const compute = facts.ecsCompute(service);
      if (compute.onFargate || compute.ec2Capacities.length === 0) return NONE;
      const props = propsOf(service);
      const port = props.networkMode === 'host' ? props.containerPort : props.networkMode === 'bridge' ? props.hostPort : 0;
      if (port === 0) return NONE;
      const binding =
        props.networkMode === 'host'
          ? `port ${port} on its instance (host mode)`
          : `host port ${port} on its instance (bridge mode with a fixed host port)`;
      const instances = compute.ec2Capacities.reduce((sum, capacity) => sum + propsOf(capacity).maxSize, 0);
      const desired = props.desiredCount;
      const tasks = Math.max(desired, scalingMaximum(model, service));
      const capacityText = `${listNodes(compute.ec2Capacities)} ${compute.ec2Capacities.length === 1 ? 'has' : 'have'} at most ${count(instances, 'instance')}`;
      let problem: string | undefined;
      if (tasks > instances) problem = `${capacityText}, but the service may run ${count(tasks, 'task')}`;
      else if (desired > 0 && desired >= instances && Math.ceil((desired * props.minimumHealthyPercent) / 100) >= desired) {
        problem = `its ${count(desired, 'task')} fill the ${count(instances, 'instance')} of ${listNodes(compute.ec2Capacities)}, and with a minimum healthy percent of ${props.minimumHealthyPercent} a rolling deployment can neither start a new task nor stop an old one`;
      }
      if (!problem) return NONE;
      return [
        report(staticPortDensity, {
          message: `${nodeName(service)} binds ${binding}, so only one of its tasks fits on an instance: ${problem}.`,
          nodes: [service, ...compute.ec2Capacities],
          ...(props.networkMode === 'bridge' ? { fix: setNodeProps('Use a dynamic host port', service, { hostPort: 0 }) } : {}),
        }),
      ];
    });
  },
};

/** The largest task count the service's auto scaling may set (0 when it has none). */
export function scalingMaximum(model: DiagramModel, service: DiagramNode): number {
  let maximum = 0;
  for (const scaling of scalersOf(model, service.id)) {
    if (!isNodeOfKind(scaling, 'service-auto-scaling')) continue;
    const props = propsOf(scaling);
    maximum = Math.max(maximum, props.maxCapacity);
    for (const policy of props.policies) {
      if (policy.type === 'scheduled') maximum = Math.max(maximum, policy.maxCapacity);
    }
  }
  return maximum;
}
