import { isWindows, type StrategyItem } from '../../catalog/common';
import { listNodes, listText, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { combineFixes, setNodeProps } from '../support/fixes';
import { withoutFargateSpot } from '../support/strategy';
import type { QuickFix } from '../types';

export const fargateWindowsLimits: RuleDefinition = {
  id: 'fargate-windows-limits',
  teaches: 'ecs-fargate-capacity',
  category: 'Fargate',
  severity: 'error',
  title: 'Windows on Fargate has fewer options',
  explanation:
    'Windows containers on Fargate run on platform version 1.0.0 (what LATEST means for Windows) on x86_64 only. They cannot mount EFS file systems and cannot use the FARGATE_SPOT capacity provider. (Their task sizes are checked by fargate-task-size.)',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#windows-considerations',
  check({ model }) {
    const facts = factsOf(model);
    return facts.ecsWorkloads().flatMap((node) => {
      const props = taskProps(node);
      if (!isWindows(props.operatingSystemFamily)) return NONE;
      const compute = facts.ecsCompute(node);
      if (!compute.onFargate) return NONE;
      const problems: string[] = [];
      const fixes: QuickFix[] = [];
      const fileSystems = model.targets(node.id, 'mounts');
      if (fileSystems.length > 0) problems.push(`it mounts ${listNodes(fileSystems)} (EFS is not available to Windows containers)`);
      if (compute.onFargateSpot) {
        problems.push('its capacity provider strategy uses FARGATE_SPOT (Fargate Spot does not run Windows tasks)');
        // The strategy may come from the cluster default; the fix gives the task its own.
        const strategy = props.capacityProviderStrategy.length > 0 ? undefined : compute.strategy;
        fixes.push(
          setNodeProps('Use FARGATE instead of FARGATE_SPOT', node, (current) => ({
            capacityProviderStrategy: withoutFargateSpot(strategy ?? (current.capacityProviderStrategy as StrategyItem[])),
          })),
        );
      }
      if (props.cpuArchitecture === 'ARM64') {
        problems.push('it is set to ARM64 (Windows on Fargate is x86_64 only)');
        fixes.push(setNodeProps('Use X86_64', node, { cpuArchitecture: 'X86_64' }));
      }
      if (props.platformVersion !== 'LATEST' && props.platformVersion !== '1.0.0') {
        problems.push(`it pins platform version ${props.platformVersion} (Windows on Fargate uses 1.0.0)`);
        fixes.push(setNodeProps('Use platform version LATEST', node, { platformVersion: 'LATEST' }));
      }
      if (problems.length === 0) return NONE;
      const fix =
        fixes.length === 0 ? undefined : fixes.length === 1 ? fixes[0] : combineFixes(listText(fixes.map((item) => item.label)), fixes);
      return [
        report(fargateWindowsLimits, {
          message: `${nodeName(node)} runs Windows containers on Fargate, but ${problems.join('; ')}.`,
          nodes: [node, ...fileSystems],
          edges: model.edgesFrom(node.id, 'mounts'),
          ...(fix ? { fix } : {}),
        }),
      ];
    });
  },
};
