import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { setEdgeProps } from '../support/fixes';
import { mountProps, mounts } from '../support/mounts';

export const efsTransitEncryption: RuleDefinition = {
  id: 'efs-transit-encryption',
  teaches: 'efs',
  category: 'EFS',
  severity: 'error',
  title: 'EFS access points need encryption in transit',
  explanation:
    'A task that mounts EFS through an access point must enable encryption in transit (ECS rejects the task definition otherwise). The mount\'s root directory then becomes the access point\'s own root, which Stowage sets for you; the volume itself is mounted at "/" as ECS requires.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html',
  check({ model }) {
    return mounts(model).flatMap((mount) => {
      const { workload, edge, fileSystem } = mount;
      const { accessPoint, transitEncryption } = mountProps(mount);
      // The root directory of an access-point mount is the access point's path (generators put it there), never the volume's.
      if (!accessPoint || transitEncryption) return NONE;
      return [
        report(efsTransitEncryption, {
          message: `${nodeName(workload)} mounts ${nodeName(fileSystem)} through an access point, but encryption in transit is off.`,
          nodes: [workload, fileSystem],
          edges: [edge],
          fix: setEdgeProps('Enable encryption in transit', { edge, source: workload, relation: 'mounts' }, { transitEncryption: true }),
        }),
      ];
    });
  },
};
