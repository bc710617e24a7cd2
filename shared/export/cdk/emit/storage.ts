import { propsOf } from '../../../catalog';
import type { DiagramEdge, DiagramNode } from '../../../document/schema';
import { arr, call, expr, obj, props, type Code } from '../code';
import type { EmitContext, VpcRef } from '../context';
import { commentId } from '../literal';
import type { MountPlan, MountProps } from '../plan/storage';
import { defineEmitter } from '../emitter';
import { MODULES } from '../stack-builder';

/** EFS file systems of this stack, before the workloads that mount them. */
export function emitFileSystems(ctx: EmitContext): void {
  const fileSystems = ctx.plan.fileSystems;
  if (fileSystems.length === 0) return;
  ctx.b.section('Storage');
  const efs = ctx.b.use(MODULES.efs);
  for (const plan of fileSystems) {
    const fileSystem = plan.node;
    const settings = propsOf(fileSystem);
    ctx.header(fileSystem);
    const vpc = ctx.vpcOf(fileSystem);
    const subnets = ctx.model.subnetsOf(fileSystem.id);
    const oneZone = settings.availability === 'one-zone';
    const vpcSubnets = oneZone ? oneZoneSelection(ctx, vpc, fileSystem, subnets) : ctx.subnetSelection(vpc, subnets);
    const anonymous = plan.allowsAnonymousAccess;
    if (anonymous) {
      ctx.b.comment('Some mounts use no IAM authorization (no encryption in transit, or the EFS CSI driver on EKS),');
      ctx.b.comment('so the file system allows clients that reach a mount target; its security group limits who can.');
    }
    if (settings.throughputMode === 'provisioned') ctx.b.comment('The diagram gives no provisioned throughput: set the figure you need.');
    const variable = ctx.variable(fileSystem);
    ctx.b.declare(
      variable,
      call(
        `new ${efs}.FileSystem`,
        expr('this'),
        ctx.constructId(fileSystem),
        props({
          vpc: expr(vpc.variable),
          vpcSubnets,
          oneZone: oneZone ? true : undefined,
          encrypted: settings.encrypted,
          performanceMode: expr(`${efs}.PerformanceMode.${settings.performanceMode === 'maxIO' ? 'MAX_IO' : 'GENERAL_PURPOSE'}`),
          throughputMode: expr(`${efs}.ThroughputMode.${settings.throughputMode.toUpperCase()}`),
          provisionedThroughputPerSecond:
            settings.throughputMode === 'provisioned' ? call(`${ctx.b.use(MODULES.cdk)}.Size.mebibytes`, 10) : undefined,
          allowAnonymousAccess: anonymous ? true : undefined,
        }),
      ),
    );
    ctx.nameTag(variable, fileSystem);
    ctx.declared.declare(plan.construct, variable);
  }
}

/** One Zone file systems take exactly one AZ: the one the diagram places its mount target or box in. */
function oneZoneSelection(ctx: EmitContext, vpc: VpcRef, fileSystem: DiagramNode, subnets: readonly DiagramNode[]): Code | undefined {
  const place = subnets.map((subnet) => vpc.layout.places.get(subnet.id)).find((found) => found !== undefined);
  const zone = ctx.model.availabilityZoneOf(fileSystem.id);
  const slot = place?.slot ?? (zone ? vpc.layout.zoneSlots.get(zone.id) : undefined);
  if (slot === undefined) return undefined;
  const group = place?.group ?? vpc.layout.groups.find((candidate) => candidate.access === 'private')?.name ?? vpc.layout.groups[0]?.name;
  const az = vpc.layout.azNames ? vpc.layout.azNames[slot]! : expr(`${vpc.variable}.availabilityZones[${slot}]`);
  return obj({ subnetGroupName: group, availabilityZones: arr([az]) });
}

/**
 * An ECS task definition's EFS volumes and mount points, and the IAM grants for them.
 * Returns the file system variables, so network access can be opened once the tasks' security
 * group exists.
 */
export function emitEcsMounts(ctx: EmitContext, mounts: readonly MountPlan[], taskDefinition: string, container: string): string[] {
  const mounted: string[] = [];
  for (const { edge, props: mount, fileSystem: plan } of mounts) {
    if (!plan) {
      ctx.b.comment(
        `The file system of mount ${commentId(edge.id)} belongs to another stack (another Region or VPC), so it is not mounted.`,
      );
      continue;
    }
    const fileSystem = ctx.declared.variable(plan.construct);
    const volumeName = `efs-${edge.id.replace(/[^A-Za-z0-9_-]/g, '-')}`.slice(0, 255);
    let accessPoint: string | undefined;
    if (mount.accessPoint) accessPoint = emitAccessPoint(ctx, fileSystem, edge, mount);
    const iamAuth = mount.transitEncryption;
    ctx.b.statement(
      call(
        `${taskDefinition}.addVolume`,
        obj(
          {
            name: volumeName,
            efsVolumeConfiguration: obj(
              {
                fileSystemId: expr(`${fileSystem}.fileSystemId`),
                transitEncryption: mount.transitEncryption ? 'ENABLED' : 'DISABLED',
                rootDirectory: !accessPoint && mount.rootDirectory !== '/' ? mount.rootDirectory : undefined,
                authorizationConfig: iamAuth
                  ? obj({ accessPointId: accessPoint ? expr(`${accessPoint}.accessPointId`) : undefined, iam: 'ENABLED' })
                  : undefined,
              },
              { expanded: true },
            ),
          },
          { expanded: true },
        ),
      ),
    );
    ctx.b.statement(
      call(`${container}.addMountPoints`, obj({ sourceVolume: volumeName, containerPath: mount.containerPath, readOnly: mount.readOnly })),
    );
    if (iamAuth)
      ctx.b.statement(call(`${fileSystem}.${mount.readOnly ? 'grantRead' : 'grantReadWrite'}`, expr(`${taskDefinition}.taskRole`)));
    if (!mounted.includes(fileSystem)) mounted.push(fileSystem);
  }
  return mounted;
}

/** An access point rooted at the mount's root directory, writing as the POSIX user and group the mount names. */
export function emitAccessPoint(ctx: EmitContext, fileSystem: string, edge: DiagramEdge, mount: MountProps): string {
  const variable = ctx.variable({ id: edge.id, kind: 'access-point' });
  const root = mount.rootDirectory;
  const uid = String(mount.accessPointUid);
  const gid = String(mount.accessPointGid);
  ctx.b.declare(
    variable,
    call(
      `${fileSystem}.addAccessPoint`,
      ctx.constructId({ id: edge.id, kind: 'access-point' }),
      props({
        path: root,
        createAcl: root === '/' ? undefined : obj({ ownerUid: uid, ownerGid: gid, permissions: mount.accessPointPermissions }),
        posixUser: obj({ uid, gid }),
      }),
    ),
  );
  return variable;
}

/** Opens NFS from `source` (a service, security group or Auto Scaling group) to the file systems. */
export function allowNfs(ctx: EmitContext, fileSystems: readonly string[], source: string): void {
  for (const fileSystem of fileSystems) ctx.b.statement(call(`${fileSystem}.connections.allowDefaultPortFrom`, expr(source)));
}

export const fileSystemsEmitter = defineEmitter({
  id: 'file-systems',
  stack: 'workload',
  order: 3,
  kinds: { efs: { creates: ['efs.FileSystem'], readme: { counted: true } } },
  emit: (ctx) => emitFileSystems(ctx),
});
