import { listText, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { setNodeProps } from '../support/fixes';

export const fargateUnsupportedParams: RuleDefinition = {
  id: 'fargate-unsupported-params',
  teaches: 'ecs-fargate-capacity',
  category: 'Fargate',
  severity: 'error',
  title: 'Fargate does not offer privileged containers, GPUs or Docker volumes',
  explanation:
    'Fargate runs each task in its own managed micro-VM, so task definition parameters that reach into the host are not available there: privileged containers, GPUs and Docker volume drivers among them. Tasks that need them must run on EC2 capacity. (Host and bridge networking are covered by fargate-requires-awsvpc.)',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-task-defs',
  check({ model }) {
    const facts = factsOf(model);
    return facts.ecsWorkloads().flatMap((node) => {
      const props = taskProps(node);
      const unsupported = [
        props.privileged ? 'privileged containers' : '',
        props.gpuCount > 0 ? 'GPUs' : '',
        props.dockerVolumes ? 'Docker volumes' : '',
      ].filter(Boolean);
      if (unsupported.length === 0 || !facts.ecsCompute(node).onFargate) return NONE;
      return [
        report(fargateUnsupportedParams, {
          message: `${nodeName(node)} runs on Fargate, which does not support ${listText(unsupported)}. Run it on EC2 capacity, or turn ${unsupported.length === 1 ? 'it' : 'them'} off.`,
          nodes: [node],
          fix: setNodeProps(`Turn off ${listText(unsupported)}`, node, { privileged: false, gpuCount: 0, dockerVolumes: false }),
        }),
      ];
    });
  },
};
