import { isEcsWorkload, isKubernetesWorkload, propsOf } from '../../catalog';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, isWindowsTask } from '../support/facts';
import { mounts } from '../support/mounts';

export const efsWindows: RuleDefinition = {
  id: 'efs-windows',
  teaches: 'efs',
  category: 'EFS',
  severity: 'error',
  title: 'Windows containers cannot mount EFS',
  explanation:
    'EFS is an NFS file system for Linux clients: ECS does not accept efsVolumeConfiguration for Windows containers, and the EFS CSI driver does not run on Windows nodes. Windows workloads can use Amazon FSx for Windows File Server instead. (Windows tasks on Fargate are reported by fargate-windows-limits.)',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/wfsx-volumes.html',
  check({ model }) {
    const facts = factsOf(model);
    return mounts(model).flatMap(({ workload, edge, fileSystem }) => {
      const windows = isKubernetesWorkload(workload)
        ? propsOf(workload).operatingSystem === 'windows'
        : isEcsWorkload(workload) && isWindowsTask(workload) && !facts.ecsCompute(workload).onFargate;
      if (!windows) return NONE;
      return [
        report(efsWindows, {
          message: `${nodeName(workload)} runs Windows containers and mounts ${nodeName(fileSystem)}; EFS is not supported for Windows containers. Use FSx for Windows File Server.`,
          nodes: [workload, fileSystem],
          edges: [edge],
        }),
      ];
    });
  },
};
