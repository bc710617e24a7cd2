import { isWindows } from '../../catalog/common';
import { listNodes, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { effectivePlatformVersion, LATEST_LINUX, platformAtLeast, useLatestPlatformFix, type PlatformVersion } from '../support/fargate';

/** The first platform version whose Linux tasks mount EFS. */
const NEEDED: PlatformVersion = '1.4.0';

export const fargateEfsPlatformVersion: RuleDefinition = {
  id: 'fargate-efs-platform-version',
  teaches: 'ecs-fargate-capacity',
  category: 'Fargate',
  severity: 'error',
  title: `EFS on Fargate needs platform version ${NEEDED}`,
  explanation: `Linux tasks on Fargate can mount Amazon EFS file systems only on platform version ${NEEDED} or later. LATEST is ${LATEST_LINUX}; tasks pinned to 1.3.0 or 1.0.0 cannot use EFS volumes.`,
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html',
  check({ model }) {
    const facts = factsOf(model);
    return facts.ecsWorkloads().flatMap((node) => {
      const props = taskProps(node);
      if (isWindows(props.operatingSystemFamily)) return NONE;
      const mounts = model.edgesFrom(node.id, 'mounts');
      if (mounts.length === 0 || !facts.ecsCompute(node).onFargate) return NONE;
      const platform = effectivePlatformVersion(props.platformVersion, props.operatingSystemFamily);
      if (platformAtLeast(platform, NEEDED)) return NONE;
      const fileSystems = model.targets(node.id, 'mounts');
      return [
        report(fargateEfsPlatformVersion, {
          message: `${nodeName(node)} mounts ${listNodes(fileSystems)} on Fargate platform version ${platform}; EFS on Fargate needs platform version ${NEEDED} or later.`,
          nodes: [node, ...fileSystems],
          edges: mounts,
          fix: useLatestPlatformFix(node),
        }),
      ];
    });
  },
};
