import { arr, call, expr, newCall, obj, type Code } from '../../code';
import type { EmitContext } from '../../context';
import { tsString } from '../../literal';
import { kubernetesName } from '../../names';
import type { EksWorkloadPlan } from '../../plan/eks';
import { MODULES } from '../../stack-builder';
import { emitAccessPoint } from '../storage';
import type { ClusterScope } from './scope';

/** Volumes of Kubernetes workloads: static EFS volumes through the EFS CSI driver, and EBS volumes through the EBS CSI driver. */

/** Static EFS volumes (PersistentVolume + claim) through the EFS CSI driver. */
export function emitEfsVolumes(
  ctx: EmitContext,
  scope: ClusterScope,
  plan: EksWorkloadPlan,
  namespace: string,
  volumes: Code[],
  volumeMounts: Code[],
  objects: Code[],
): void {
  const { compute } = plan;
  plan.mounts.forEach(({ edge, props: mount, fileSystem: fileSystemPlan }, index) => {
    if (!fileSystemPlan) {
      ctx.b.comment('A file system this workload mounts belongs to another stack (another Region or VPC), so it is not mounted.');
      return;
    }
    const fileSystem = ctx.declared.variable(fileSystemPlan.construct);
    if (!compute.onFargate && !scope.efsDriver) {
      const eks = ctx.b.use(MODULES.eks);
      ctx.b.comment('Nodes mount EFS through the EFS CSI driver add-on (Fargate has it built in).');
      ctx.b.statement(
        newCall(
          `${eks}.Addon`,
          expr('this'),
          ctx.constructId(scope.plan.node, 'EfsCsiDriver'),
          obj({ cluster: expr(scope.variable), addonName: 'aws-efs-csi-driver' }),
        ),
      );
      scope.efsDriver = true;
    }
    const accessPoint = mount.accessPoint ? emitAccessPoint(ctx, fileSystem, edge, mount) : undefined;
    let volumeHandle: Code;
    if (accessPoint) volumeHandle = expr(`${fileSystem}.fileSystemId + '::' + ${accessPoint}.accessPointId`);
    else if (mount.rootDirectory !== '/') volumeHandle = expr(`${fileSystem}.fileSystemId + ${tsString(`:${mount.rootDirectory}`)}`);
    else volumeHandle = expr(`${fileSystem}.fileSystemId`);
    if (!scope.nfsOpened.has(fileSystem)) {
      scope.nfsOpened.add(fileSystem);
      ctx.b.statement(call(`${fileSystem}.connections.allowDefaultPortFrom`, expr(scope.variable)));
      for (const group of scope.selfManagedGroups) ctx.b.statement(call(`${fileSystem}.connections.allowDefaultPortFrom`, expr(group)));
    }
    const volumeName = `efs-${index + 1}`;
    const persistentVolume = kubernetesName('efs', `${edge.id}`);
    objects.push(
      obj(
        {
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata: obj({ name: persistentVolume }),
          spec: obj(
            {
              capacity: obj({ storage: '5Gi' }),
              volumeMode: 'Filesystem',
              accessModes: arr(['ReadWriteMany']),
              persistentVolumeReclaimPolicy: 'Retain',
              storageClassName: '',
              mountOptions: mount.transitEncryption ? arr(['tls']) : undefined,
              csi: obj({ driver: 'efs.csi.aws.com', volumeHandle }),
            },
            { expanded: true },
          ),
        },
        { expanded: true },
      ),
      obj(
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: obj({ name: persistentVolume, namespace }),
          spec: obj(
            {
              accessModes: arr(['ReadWriteMany']),
              storageClassName: '',
              volumeName: persistentVolume,
              resources: obj({ requests: obj({ storage: '5Gi' }) }),
            },
            { expanded: true },
          ),
        },
        { expanded: true },
      ),
    );
    volumes.push(obj({ name: volumeName, persistentVolumeClaim: obj({ claimName: persistentVolume }) }));
    volumeMounts.push(obj({ name: volumeName, mountPath: mount.containerPath, readOnly: mount.readOnly ? true : undefined }));
  });
}

/** The EBS CSI driver add-on, its node permissions and a gp3 StorageClass, once per cluster. */
export function ebsStorageClass(ctx: EmitContext, scope: ClusterScope): string {
  if (scope.ebsStorageClass) return scope.ebsStorageClass;
  const eks = ctx.b.use(MODULES.eks);
  const iam = ctx.b.use(MODULES.iam);
  ctx.b.comment('EBS volumes come from the EBS CSI driver add-on, which calls EC2 with the node role.');
  ctx.b.statement(
    newCall(
      `${eks}.Addon`,
      expr('this'),
      ctx.constructId(scope.plan.node, 'EbsCsiDriver'),
      obj({ cluster: expr(scope.variable), addonName: 'aws-ebs-csi-driver' }),
    ),
  );
  for (const role of scope.nodeRoles) {
    ctx.b.statement(
      call(`${role}.addManagedPolicy`, call(`${iam}.ManagedPolicy.fromAwsManagedPolicyName`, 'service-role/AmazonEBSCSIDriverPolicy')),
    );
  }
  const storageClass = 'ebs-gp3';
  ctx.b.statement(
    call(
      `${scope.variable}.addManifest`,
      ctx.constructId(scope.plan.node, 'EbsStorageClass'),
      obj(
        {
          apiVersion: 'storage.k8s.io/v1',
          kind: 'StorageClass',
          metadata: obj({ name: storageClass }),
          provisioner: 'ebs.csi.aws.com',
          volumeBindingMode: 'WaitForFirstConsumer',
          parameters: obj({ type: 'gp3', encrypted: 'true' }),
        },
        { expanded: true },
      ),
    ),
  );
  scope.ebsStorageClass = storageClass;
  return storageClass;
}
