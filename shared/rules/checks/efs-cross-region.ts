import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { mounts } from '../support/mounts';

export const efsCrossRegion: RuleDefinition = {
  id: 'efs-cross-region',
  teaches: 'efs',
  category: 'EFS',
  severity: 'error',
  title: 'EFS is mounted in its own Region',
  explanation:
    'An EFS file system lives in one Region, and ECS and the EFS CSI driver mount it by its DNS name in the Region the task or pod runs in. A task in another Region cannot mount it; use a file system in that Region, for example an EFS replica (replicas are read-only until failover).',
  docUrl: 'https://docs.aws.amazon.com/efs/latest/ug/efs-replication.html',
  check({ model }) {
    return mounts(model).flatMap(({ workload, edge, fileSystem }) => {
      const workloadRegion = model.regionOf(workload.id);
      const fileSystemRegion = model.regionOf(fileSystem.id);
      if (!workloadRegion || !fileSystemRegion || workloadRegion === fileSystemRegion) return NONE;
      return [
        report(efsCrossRegion, {
          message: `${nodeName(workload)} runs in ${workloadRegion} but mounts ${nodeName(fileSystem)} in ${fileSystemRegion}; EFS is regional, so use a file system (or a replica) in ${workloadRegion}.`,
          nodes: [workload, fileSystem],
          edges: [edge],
        }),
      ];
    });
  },
};
