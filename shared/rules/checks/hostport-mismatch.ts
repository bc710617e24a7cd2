import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { setNodeProps } from '../support/fixes';

export const hostportMismatch: RuleDefinition = {
  id: 'hostport-mismatch',
  teaches: 'ecs-service',
  category: 'Networking and load balancing',
  severity: 'error',
  title: 'In awsvpc and host mode the host port equals the container port',
  explanation:
    'With the awsvpc and host network modes a container port is exposed directly, so a port mapping may leave the host port out or set it to the container port; any other host port is rejected when the task definition is registered. Only bridge mode maps one port to another.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_portmappings',
  check({ model }) {
    const facts = factsOf(model);
    return facts.ecsWorkloads().flatMap((node) => {
      const props = taskProps(node);
      if (props.networkMode !== 'awsvpc' && props.networkMode !== 'host') return NONE;
      if (props.hostPort === 0 || props.hostPort === props.containerPort) return NONE;
      return [
        report(hostportMismatch, {
          message: `${nodeName(node)} maps host port ${props.hostPort} to container port ${props.containerPort} in ${props.networkMode} mode, where the host port must be left out or equal the container port.`,
          nodes: [node],
          fix: setNodeProps('Leave the host port out', node, { hostPort: 0 }),
        }),
      ];
    });
  },
};
