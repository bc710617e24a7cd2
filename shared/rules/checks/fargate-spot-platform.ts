import { isWindows } from '../../catalog/common';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { effectivePlatformVersion, LATEST_LINUX, platformAtLeast, useLatestPlatformFix, type PlatformVersion } from '../support/fargate';

/** The first platform versions on which FARGATE_SPOT runs Linux tasks, and ARM64 ones. */
const NEEDED: Record<'x86' | 'arm', PlatformVersion> = { x86: '1.3.0', arm: '1.4.0' };

export const fargateSpotPlatform: RuleDefinition = {
  id: 'fargate-spot-platform',
  teaches: 'ecs-fargate-capacity',
  category: 'Fargate',
  severity: 'error',
  title: 'FARGATE_SPOT needs a recent platform version',
  explanation: `The FARGATE_SPOT capacity provider runs Linux tasks on platform version ${NEEDED.x86} or later, and ARM64 tasks on ${NEEDED.arm} or later (LATEST is ${LATEST_LINUX}). Windows tasks cannot use Fargate Spot at all; see fargate-windows-limits.`,
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html',
  check({ model }) {
    const facts = factsOf(model);
    return facts.ecsWorkloads().flatMap((node) => {
      const props = taskProps(node);
      if (isWindows(props.operatingSystemFamily) || !facts.ecsCompute(node).onFargateSpot) return NONE;
      const platform = effectivePlatformVersion(props.platformVersion, props.operatingSystemFamily);
      const arm = props.cpuArchitecture === 'ARM64';
      const needed = NEEDED[arm ? 'arm' : 'x86'];
      if (platformAtLeast(platform, needed)) return NONE;
      return [
        report(fargateSpotPlatform, {
          message: `${nodeName(node)} uses FARGATE_SPOT on platform version ${platform}; Fargate Spot needs ${needed} or later${arm ? ' for ARM64 tasks' : ''}.`,
          nodes: [node],
          fix: useLatestPlatformFix(node),
        }),
      ];
    });
  },
};
