import { isWindows } from '../../catalog/common';
import { listNodes, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { effectivePlatformVersion, platformAtLeast } from '../support/fargate';
import { setNodeProps } from '../support/fixes';

export const fargateEfsPlatformVersion: RuleDefinition = {
  id: 'fargate-efs-platform-version',
  category: 'Fargate',
  severity: 'error',
  title: 'EFS on Fargate needs platform version 1.4.0',
  explanation:
    'Linux tasks on Fargate can mount Amazon EFS file systems only on platform version 1.4.0 or later. LATEST is 1.4.0; tasks pinned to 1.3.0 or 1.0.0 cannot use EFS volumes.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html',
  check({ model }) {
    const facts = factsOf(model);
    return facts.ecsWorkloads().flatMap((node) => {
      const props = taskProps(node);
      if (isWindows(props.operatingSystemFamily)) return NONE;
      const mounts = model.edgesFrom(node.id, 'mounts');
      if (mounts.length === 0 || !facts.ecsCompute(node).onFargate) return NONE;
      const platform = effectivePlatformVersion(props.platformVersion, props.operatingSystemFamily);
      if (platformAtLeast(platform, '1.4.0')) return NONE;
      const fileSystems = model.targets(node.id, 'mounts');
      return [
        report(fargateEfsPlatformVersion, {
          message: `${nodeName(node)} mounts ${listNodes(fileSystems)} on Fargate platform version ${platform}; EFS on Fargate needs platform version 1.4.0 or later.`,
          nodes: [node, ...fileSystems],
          edges: mounts,
          fix: setNodeProps('Use platform version LATEST (1.4.0)', node, { platformVersion: 'LATEST' }),
        }),
      ];
    });
  },
};
