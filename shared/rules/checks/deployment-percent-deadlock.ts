import { propsOf } from '../../catalog';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { setNodeProps } from '../support/fixes';

export const deploymentPercentDeadlock: RuleDefinition = {
  id: 'deployment-percent-deadlock',
  teaches: 'ecs-service',
  category: 'Launch types and capacity',
  severity: 'error',
  title: 'A rolling deployment needs room to move',
  explanation:
    'During a rolling update ECS may run up to the maximum percent of the desired tasks and must keep the minimum healthy percent running. ECS rounds the maximum down and the minimum up; when neither leaves room (100 and 100, or one task with 100 and 150), ECS can neither start a new task nor stop an old one, and every deployment hangs. The AWS CDK rejects a minimum that is not below the maximum.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html',
  check({ model }) {
    return model.nodesOfKind('ecs-service').flatMap((service) => {
      if (propsOf(service).deploymentController !== 'ECS') return NONE;
      const minimum = Number(propsOf(service).minimumHealthyPercent);
      const maximum = Number(propsOf(service).maximumPercent);
      const daemon = propsOf(service).schedulingStrategy === 'DAEMON';
      const desired = Number(propsOf(service).desiredCount);
      // ECS rounds the maximum down and the minimum healthy up (daemon services: per instance).
      const stuck = daemon
        ? minimum >= maximum
        : desired > 0 && Math.floor((desired * maximum) / 100) <= desired && Math.ceil((desired * minimum) / 100) >= desired;
      if (!stuck) return NONE;
      const detail =
        minimum >= maximum || daemon
          ? `a minimum healthy percent of ${minimum} and a maximum percent of ${maximum}`
          : `${desired === 1 ? '1 desired task' : `${desired} desired tasks`}, a maximum percent of ${maximum} (no room for an extra task) and a minimum healthy percent of ${minimum} (no task may stop)`;
      return [
        report(deploymentPercentDeadlock, {
          message: `${nodeName(service)} has ${detail}, so a rolling deployment can neither start a new task nor stop an old one.`,
          nodes: [service],
          fix: daemon
            ? setNodeProps('Set minimum healthy percent to 50', service, { minimumHealthyPercent: 50 })
            : setNodeProps('Set maximum percent to 200', service, { maximumPercent: 200 }),
        }),
      ];
    });
  },
};
