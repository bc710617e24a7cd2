import { isWindows } from '../../catalog/common';
import { memoryText, nodeName, vcpuText } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { describeFargateSizes, effectivePlatformVersion, fargateSizeProblem, nearestFargateSize } from '../support/fargate';
import { setNodeProps } from '../support/fixes';

export const fargateTaskSize: RuleDefinition = {
  id: 'fargate-task-size',
  teaches: 'ecs-fargate-capacity',
  category: 'Fargate',
  severity: 'error',
  title: 'Fargate task sizes come from a fixed table',
  explanation: describeFargateSizes(),
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size',
  check({ model }) {
    const facts = factsOf(model);
    return facts.ecsWorkloads().flatMap((node) => {
      if (!facts.ecsCompute(node).onFargate) return NONE;
      const props = taskProps(node);
      const windows = isWindows(props.operatingSystemFamily);
      const platform = effectivePlatformVersion(props.platformVersion, props.operatingSystemFamily);
      const problem = fargateSizeProblem({ cpu: props.cpu, memory: props.memory, windows, platform });
      if (!problem) return NONE;
      const size = nearestFargateSize(props.cpu, props.memory, { windows, version: platform });
      return [
        report(fargateTaskSize, {
          message: `${nodeName(node)} runs on Fargate, but ${problem}.`,
          nodes: [node],
          fix: setNodeProps(`Use ${vcpuText(size.cpu)} and ${memoryText(size.memory)}`, node, size),
        }),
      ];
    });
  },
};
