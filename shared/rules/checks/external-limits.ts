import { listNodes, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { setNodeProps } from '../support/fixes';
import type { Finding } from '../types';

export const externalLimits: RuleDefinition = {
  id: 'external-limits',
  teaches: 'ecs-external-capacity',
  category: 'Launch types and capacity',
  severity: 'error',
  title: 'ECS Anywhere has fewer options',
  explanation:
    'Tasks on external instances (the EXTERNAL launch type of ECS Anywhere) run outside AWS networking: they support the bridge, host and none network modes but not awsvpc, cannot be registered with an Elastic Load Balancing load balancer, and cannot mount EFS volumes. External instances are not capacity providers either.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html',
  check({ model }) {
    const facts = factsOf(model);
    return facts.ecsWorkloads().flatMap((node) => {
      if (!facts.ecsCompute(node).onExternal) return NONE;
      const findings: Finding[] = [];
      if (taskProps(node).networkMode === 'awsvpc') {
        findings.push(
          report(externalLimits, {
            message: `${nodeName(node)} runs on external instances (ECS Anywhere), which do not support the awsvpc network mode.`,
            nodes: [node],
            fix: setNodeProps('Use the bridge network mode', node, { networkMode: 'bridge', hostPort: 0 }),
          }),
        );
      }
      const loadBalancers = model.sources(node.id, 'routes-traffic');
      if (loadBalancers.length > 0) {
        findings.push(
          report(externalLimits, {
            message: `${listNodes(loadBalancers)} ${loadBalancers.length === 1 ? 'routes' : 'route'} to ${nodeName(node)}, which runs on external instances (ECS Anywhere); Elastic Load Balancing cannot register them.`,
            nodes: [node, ...loadBalancers],
            edges: model.edgesTo(node.id, 'routes-traffic'),
          }),
        );
      }
      const fileSystems = model.targets(node.id, 'mounts');
      if (fileSystems.length > 0) {
        findings.push(
          report(externalLimits, {
            message: `${nodeName(node)} mounts ${listNodes(fileSystems)} but runs on external instances (ECS Anywhere), where EFS volumes are not supported.`,
            nodes: [node, ...fileSystems],
            edges: model.edgesFrom(node.id, 'mounts'),
          }),
        );
      }
      return findings;
    });
  },
};
