import { isWindows } from '../../catalog/common';
import { memoryText, nodeName, vcpuText } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { effectivePlatformVersion, fargateSizeProblem, nearestFargateSize } from '../support/fargate';
import { setNodeProps } from '../support/fixes';

export const fargateTaskSize: RuleDefinition = {
  id: 'fargate-task-size',
  category: 'Fargate',
  severity: 'error',
  title: 'Fargate task sizes come from a fixed table',
  explanation:
    'Fargate offers fixed CPU and memory combinations: 0.25 vCPU with 0.5, 1 or 2 GB; 0.5 vCPU with 1–4 GB; 1 vCPU with 2–8 GB; 2 vCPU with 4–16 GB and 4 vCPU with 8–30 GB (1 GB steps); 8 vCPU with 16–60 GB in 4 GB steps and 16 vCPU with 32–120 GB in 8 GB steps, both on platform version 1.4.0 or later. Windows tasks can use only the 1, 2 and 4 vCPU rows. Any other combination is rejected.',
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
          fix: setNodeProps(`Use ${vcpuText(size.cpu)} and ${memoryText(size.memory)}`, node.id, size),
        }),
      ];
    });
  },
};
