import { propsOf } from '../../catalog';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { knownZones, ownSubnets, zoneNames } from '../support/network';
import { mounts } from '../support/mounts';

export const efsAzCoverage: RuleDefinition = {
  id: 'efs-az-coverage',
  teaches: 'efs',
  category: 'EFS',
  severity: 'warning',
  title: 'EFS mount targets in every AZ that mounts it',
  explanation:
    'Clients should mount EFS through a mount target in their own Availability Zone. Without one they cross zones, which costs data transfer and fails when the other zone does. A One Zone file system keeps its data in a single zone, so a service spread over several zones depends on that one zone. A Regional file system with a mount target in each zone is the resilient choice.',
  docUrl: 'https://docs.aws.amazon.com/efs/latest/ug/accessing-fs.html',
  check({ model }) {
    return mounts(model).flatMap(({ workload, edge, fileSystem }) => {
      const workloadZones = knownZones(model, workload.id);
      // A Regional file system is wherever its mount targets are; drawing it inside an AZ says nothing about them.
      const mountTargets = ownSubnets(model, fileSystem.id);
      const oneZone = propsOf(fileSystem).availability === 'one-zone';
      if (!oneZone && mountTargets.length === 0) return NONE;
      const fileSystemZones = knownZones(model, fileSystem.id, mountTargets);
      if (!workloadZones || !fileSystemZones) return NONE;
      if (oneZone && workloadZones.size > 1) {
        return [
          report(efsAzCoverage, {
            message: `${nodeName(workload)} runs in ${zoneNames(model, workloadZones)} but mounts ${nodeName(fileSystem)}, a One Zone file system in ${zoneNames(model, fileSystemZones)}; tasks in the other zones depend on that zone.`,
            nodes: [workload, fileSystem],
            edges: [edge],
          }),
        ];
      }
      const uncovered = [...workloadZones].filter((zone) => !fileSystemZones.has(zone));
      if (uncovered.length === 0) return NONE;
      return [
        report(efsAzCoverage, {
          message: `${nodeName(workload)} runs in ${zoneNames(model, uncovered)}, where ${nodeName(fileSystem)} has no mount target; mounts there cross zones. Add a mount target in ${uncovered.length === 1 ? 'that zone' : 'those zones'}.`,
          nodes: [workload, fileSystem],
          edges: [edge],
        }),
      ];
    });
  },
};
