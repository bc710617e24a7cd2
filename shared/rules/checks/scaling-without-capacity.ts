import type { Ec2Capacity } from '../../model/compute';
import { scalersOf } from '../support/facts';
import { propsOf } from '../../catalog';
import type { DiagramModel } from '../../model/diagram-model';
import { count, listNodes, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { combineFixes, setNodeProps } from '../support/fixes';
import { tasksPerInstance } from '../support/instances';
import { scalingMaximum } from './static-port-density';

export const scalingWithoutCapacity: RuleDefinition = {
  id: 'scaling-without-capacity',
  teaches: 'ecs-ec2-capacity',
  category: 'Scaling',
  severity: 'warning',
  title: 'Service scaling on EC2 needs instances to scale into',
  explanation:
    "Service Auto Scaling adds tasks, not instances. On EC2 capacity without managed scaling (and without an EC2 Auto Scaling policy) the Auto Scaling group keeps its size, so tasks beyond what the instances can hold stay in PROVISIONING. Managed scaling on the capacity provider grows the group with the tasks. The estimate uses the instance type's vCPUs (and memory for c, m and r types) and stays silent for types it cannot size.",
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/asg-capacity-providers.html',
  check({ model }) {
    const facts = factsOf(model);
    return model.nodesOfKind('ecs-service').flatMap((service) => {
      if (model.edgesTo(service.id, 'scales').length === 0) return NONE;
      const compute = facts.ecsCompute(service);
      const capacities = compute.ec2Capacities;
      if (compute.onFargate || capacities.length === 0) return NONE;
      // Managed scaling reacts only to tasks placed through the capacity provider, not to EC2 launch type tasks.
      const throughProvider = (capacity: Ec2Capacity) =>
        compute.strategy.some((item) => item.ref.type === 'asg' && item.ref.capacity === capacity);
      if (capacities.some((capacity) => canGrow(model, capacity, throughProvider(capacity)))) return NONE;
      const scaling = scalersOf(model, service.id);
      const maximum = scalingMaximum(model, service);
      if (maximum <= propsOf(service).desiredCount) return NONE;
      const props = taskProps(service);
      let room = 0;
      let instances = 0;
      for (const capacity of capacities) {
        const fit = tasksPerInstance(propsOf(capacity).instanceType, props.cpu, props.memory);
        if (fit === undefined) return NONE;
        const size = fixedSize(capacity);
        instances += size;
        room += fit * size;
      }
      if (maximum <= room) return NONE;
      return [
        report(scalingWithoutCapacity, {
          message: `${listNodes(scaling)} can scale ${nodeName(service)} to ${count(maximum, 'task')}, but ${listNodes(capacities)} ${capacities.length === 1 ? 'stays' : 'stay'} at ${count(instances, 'instance')} without managed scaling, with room for about ${count(room, 'task')} of this size.`,
          nodes: [service, ...capacities, ...scaling],
          ...(compute.source === 'launch-type'
            ? {}
            : {
                fix: combineFixes(
                  'Turn on managed scaling',
                  capacities.map((capacity) =>
                    setNodeProps('Turn on managed scaling', capacity, { capacityProvider: true, managedScaling: true }),
                  ),
                ),
              }),
        }),
      ];
    });
  },
};

function canGrow(model: DiagramModel, capacity: Ec2Capacity, throughProvider: boolean): boolean {
  const { capacityProvider, managedScaling } = propsOf(capacity);
  if (throughProvider && capacityProvider && managedScaling) return true;
  return model.edgesTo(capacity.id, 'scales').length > 0;
}

/** An Auto Scaling group nothing scales stays at its desired capacity (the minimum when unset). */
function fixedSize(capacity: Ec2Capacity): number {
  const { desiredCapacity, minSize } = propsOf(capacity);
  return desiredCapacity ?? minSize;
}
