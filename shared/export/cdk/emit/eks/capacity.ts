import { propsOf } from '../../../../catalog';
import type { EKS_AMI_TYPES } from '../../../../catalog/kinds/eks-managed-node-group';
import { parseLabels } from '../../../../model/compute';
import { arr, call, expr, newCall, obj, objFromPairs, props } from '../../code';
import type { EmitContext, VpcRef } from '../../context';
import type { FargateProfilePlan, NodeGroupPlan, SelfManagedNodesPlan } from '../../plan/eks';
import { MODULES } from '../../stack-builder';
import { emitAsgScaling } from '../scaling';
import type { ClusterScope } from './scope';

/** The capacity of an EKS cluster: managed node groups, self-managed Bottlerocket nodes and Fargate profiles. */

const AMI_TYPES: Record<(typeof EKS_AMI_TYPES)[number], string> = {
  AL2023_x86_64_STANDARD: 'AL2023_X86_64_STANDARD',
  AL2023_ARM_64_STANDARD: 'AL2023_ARM_64_STANDARD',
  AL2023_x86_64_NVIDIA: 'AL2023_X86_64_NVIDIA',
  BOTTLEROCKET_x86_64: 'BOTTLEROCKET_X86_64',
  BOTTLEROCKET_ARM_64: 'BOTTLEROCKET_ARM_64',
  WINDOWS_CORE_2022_x86_64: 'WINDOWS_CORE_2022_X86_64',
  WINDOWS_FULL_2022_x86_64: 'WINDOWS_FULL_2022_X86_64',
};

export function emitNodeGroup(ctx: EmitContext, scope: ClusterScope, plan: NodeGroupPlan, vpc: VpcRef): void {
  const ec2 = ctx.b.use(MODULES.ec2);
  const eks = ctx.b.use(MODULES.eks);
  const group = plan.node;
  const settings = propsOf(group);
  ctx.header(group);
  const instanceTypes = settings.instanceTypes.split(',').map((type) => newCall(`${ec2}.InstanceType`, type.trim()));
  const variable = ctx.variable(group);
  ctx.b.declare(
    variable,
    call(
      `${scope.variable}.addNodegroupCapacity`,
      ctx.constructId(group),
      props({
        instanceTypes: arr(instanceTypes),
        amiType: expr(`${eks}.NodegroupAmiType.${AMI_TYPES[settings.amiType]}`),
        capacityType: settings.capacityType === 'SPOT' ? expr(`${eks}.CapacityType.SPOT`) : undefined,
        minSize: settings.minSize,
        maxSize: settings.maxSize,
        desiredSize: settings.desiredSize,
        subnets: ctx.subnetSelection(vpc, ctx.model.subnetsOf(group.id)),
      }),
    ),
  );
  ctx.nameTag(variable, group);
  ctx.declared.declare(plan.construct, variable);
  scope.nodeRoles.push(`${variable}.role`);
  const scalers = ctx.model.sources(group.id, 'scales');
  if (scalers.length > 0) {
    for (const scaler of scalers) ctx.notes.writeFor(scaler.id, ctx.b);
    ctx.b.comment(
      'Managed node groups scale with the Cluster Autoscaler or Karpenter; the EC2 scaling policies drawn here are not generated.',
    );
  }
}

export function emitSelfManaged(ctx: EmitContext, scope: ClusterScope, plan: SelfManagedNodesPlan, vpc: VpcRef): void {
  const ec2 = ctx.b.use(MODULES.ec2);
  const eks = ctx.b.use(MODULES.eks);
  const group = plan.node;
  const settings = propsOf(group);
  ctx.header(group);
  if (!plan.autoScalingGroup) {
    ctx.b.comment('Windows self-managed nodes are not generated: aws-eks-v2 joins Linux (Bottlerocket) Auto Scaling groups only.');
    return;
  }
  const version = propsOf(scope.plan.node).kubernetesVersion;
  const sizes = {
    minCapacity: settings.minSize,
    maxCapacity: settings.maxSize,
    desiredCapacity: settings.desiredCapacity ?? undefined,
  };
  const vpcSubnets = ctx.subnetSelection(vpc, ctx.model.subnetsOf(group.id));
  const variable = ctx.variable(group);
  // Bottlerocket: Amazon Linux 2 EKS AMIs end with Kubernetes 1.32, and AL2023 nodes need nodeadm configuration.
  if (settings.cpuArchitecture === 'amd64') {
    ctx.b.declare(
      variable,
      call(
        `${scope.variable}.addAutoScalingGroupCapacity`,
        ctx.constructId(group),
        props({
          instanceType: newCall(`${ec2}.InstanceType`, settings.instanceType),
          machineImageType: expr(`${eks}.MachineImageType.BOTTLEROCKET`),
          vpcSubnets,
          ...sizes,
        }),
      ),
    );
  } else {
    const autoscaling = ctx.b.use(MODULES.autoscaling);
    ctx.b.declare(
      variable,
      newCall(
        `${autoscaling}.AutoScalingGroup`,
        expr('this'),
        ctx.constructId(group),
        props({
          vpc: expr(vpc.variable),
          vpcSubnets,
          instanceType: newCall(`${ec2}.InstanceType`, settings.instanceType),
          machineImage: call(`${ec2}.MachineImage.fromSsmParameter`, `/aws/service/bottlerocket/aws-k8s-${version}/arm64/latest/image_id`),
          // The cluster writes Bottlerocket's TOML settings; no shell script header.
          userData: call(`${ec2}.UserData.custom`, ''),
          ...sizes,
        }),
      ),
    );
    ctx.b.statement(
      call(
        `${scope.variable}.connectAutoScalingGroupCapacity`,
        expr(variable),
        obj({ machineImageType: expr(`${eks}.MachineImageType.BOTTLEROCKET`) }),
      ),
    );
  }
  // With API authentication, nodes join through an access entry for their role.
  ctx.b.statement(
    newCall(
      `${eks}.AccessEntry`,
      expr('this'),
      ctx.constructId(group, 'AccessEntry'),
      props({
        cluster: expr(scope.variable),
        principal: expr(`${variable}.role.roleArn`),
        accessEntryType: expr(`${eks}.AccessEntryType.EC2_LINUX`),
        accessPolicies: arr([]),
      }),
    ),
  );
  ctx.nameTag(variable, group);
  ctx.declared.declare(plan.autoScalingGroup, variable);
  scope.nodeRoles.push(`${variable}.role`);
  scope.selfManagedGroups.push(variable);
  emitAsgScaling(ctx, group, variable);
}

export function emitFargateProfile(ctx: EmitContext, scope: ClusterScope, plan: FargateProfilePlan, vpc: VpcRef): void {
  const profile = plan.node;
  const settings = propsOf(profile);
  ctx.header(profile);
  const subnets = ctx.subnetSelection(vpc, ctx.model.subnetsOf(profile.id));
  const selectors = settings.selectors.map((selector) => {
    const labels = [...parseLabels(selector.labels)];
    return obj({ namespace: selector.namespace, labels: labels.length > 0 ? objFromPairs(labels) : undefined });
  });
  const variable = ctx.variable(profile);
  ctx.b.declare(
    variable,
    call(
      `${scope.variable}.addFargateProfile`,
      ctx.constructId(profile),
      props({
        selectors: arr(selectors),
        // A subnet selection needs the VPC it selects from.
        vpc: subnets ? expr(vpc.variable) : undefined,
        subnetSelection: subnets,
      }),
    ),
  );
  ctx.nameTag(variable, profile);
  ctx.declared.declare(plan.construct, variable);
}
