import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { setNodeProps } from '../support/fixes';

export const fargateRequiresAwsvpc: RuleDefinition = {
  id: 'fargate-requires-awsvpc',
  teaches: 'ecs-fargate-capacity',
  category: 'Fargate',
  severity: 'error',
  title: 'Fargate tasks use the awsvpc network mode',
  explanation:
    'Every Fargate task gets its own elastic network interface, so Fargate accepts only the awsvpc network mode. Task definitions with bridge, host or none cannot run on Fargate.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html',
  check({ model }) {
    const facts = factsOf(model);
    return facts.ecsWorkloads().flatMap((node) => {
      const props = taskProps(node);
      if (props.networkMode === 'awsvpc' || !facts.ecsCompute(node).onFargate) return NONE;
      const hostPortOk = props.hostPort === 0 || props.hostPort === props.containerPort;
      return [
        report(fargateRequiresAwsvpc, {
          message: `${nodeName(node)} runs on Fargate, which only supports the awsvpc network mode, but its task definition uses ${props.networkMode}.`,
          nodes: [node],
          fix: setNodeProps(
            'Use the awsvpc network mode',
            node,
            hostPortOk ? { networkMode: 'awsvpc' } : { networkMode: 'awsvpc', hostPort: 0 },
          ),
        }),
      ];
    });
  },
};
