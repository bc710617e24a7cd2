import { isNodeOfKind, propsOf, type NodeOfKind } from '../../../catalog';
import type { ECS_AMI_FAMILIES } from '../../../catalog/kinds/ecs-ec2-capacity';
import type { DiagramNode } from '../../../document/schema';
import type { EcsCluster } from '../../../model/compute';
import { arr, call, expr, newCall, obj, props, type Code } from '../code';
import type { EmitContext, VpcRef } from '../context';
import { defineEmitter } from '../emitter';
import type { EcsCapacityPlan, EcsClusterPlan, StrategyPlan } from '../plan/ecs';
import { emitAsgScaling } from './scaling';
import { MODULES } from '../stack-builder';

/** ECS clusters and their capacity, as the plan has them (plan/ecs.ts): Fargate capacity providers, and EC2 Auto Scaling groups. */

export function emitEcsClusters(ctx: EmitContext): void {
  const clusters = ctx.plan.ecs.clusters;
  if (clusters.length === 0) return;
  ctx.b.section('Amazon ECS');
  for (const cluster of clusters) {
    if (cluster.node) emitCluster(ctx, cluster, cluster.node);
    else emitGeneratedCluster(ctx, cluster);
  }
}

function emitCluster(ctx: EmitContext, plan: EcsClusterPlan, cluster: EcsCluster): void {
  const ecs = ctx.b.use(MODULES.ecs);
  const settings = propsOf(cluster);
  ctx.header(cluster);
  const vpc = ctx.vpcOf(cluster);
  const variable = ctx.variable(cluster);
  const insights = { disabled: 'DISABLED', enabled: 'ENABLED', enhanced: 'ENHANCED' }[settings.containerInsights];
  ctx.b.declare(
    variable,
    newCall(
      `${ecs}.Cluster`,
      expr('this'),
      ctx.constructId(cluster),
      props({
        vpc: expr(vpc.variable),
        containerInsightsV2: expr(`${ecs}.ContainerInsights.${insights}`),
        enableFargateCapacityProviders: plan.fargateProviders.length > 0 ? true : undefined,
      }),
    ),
  );
  ctx.nameTag(variable, cluster);
  ctx.declared.declare(plan.construct, variable);

  for (const capacity of plan.capacities) {
    const node: DiagramNode = capacity.node;
    if (isNodeOfKind(node, 'ecs-fargate-capacity')) {
      const { fargate, fargateSpot } = propsOf(node);
      const providers = [fargate ? 'FARGATE' : '', fargateSpot ? 'FARGATE_SPOT' : ''].filter(Boolean).join(' and ');
      ctx.header(node, providers ? `the cluster's ${providers} capacity providers` : 'no providers enabled');
      // CDK registers the two Fargate providers together (enableFargateCapacityProviders): say which one the strategies use.
      if (plan.fargateProviders.length === 1)
        ctx.b.comment(`CDK registers FARGATE and FARGATE_SPOT together; only ${plan.fargateProviders[0]!} is used.`);
    } else if (isNodeOfKind(node, 'ecs-ec2-capacity')) {
      emitEc2Capacity(ctx, variable, capacity, node, vpc);
    } else if (isNodeOfKind(node, 'ecs-external-capacity')) {
      const { instanceCount } = propsOf(node);
      ctx.header(node, `ECS Anywhere, ${instanceCount} servers`);
      ctx.b.comment('Your own servers join through an SSM activation (see README.md): nothing to create here.');
    }
  }

  if (settings.defaultCapacityProviderStrategy.length > 0) {
    const items = strategyItems(ctx, plan.defaultStrategy);
    if (items.length > 0) ctx.b.statement(call(`${variable}.addDefaultCapacityProviderStrategy`, arr(items)));
  }
}

function emitGeneratedCluster(ctx: EmitContext, plan: EcsClusterPlan): void {
  const ecs = ctx.b.use(MODULES.ecs);
  ctx.b.blank();
  ctx.b.comment('Some ECS services or tasks are drawn outside any cluster: they run in this one, on Fargate.');
  const vpc = ctx.vpcOf(ctx.plan.ecs.orphans[0]!);
  const variable = ctx.b.variables.unique('ecsCluster');
  ctx.b.declare(
    variable,
    newCall(
      `${ecs}.Cluster`,
      expr('this'),
      ctx.b.constructIds.unique('EcsCluster'),
      props({ vpc: expr(vpc.variable), enableFargateCapacityProviders: true }),
    ),
  );
  ctx.declared.declare(plan.construct, variable);
}

/** Strategy items as CDK `CapacityProviderStrategy` objects; providers the diagram does not define are left out, each with a comment. */
export function strategyItems(ctx: EmitContext, strategy: StrategyPlan): Code[] {
  for (let index = 0; index < strategy.missing; index++) {
    ctx.b.comment('A capacity provider of this strategy is not in the cluster, so it is left out.');
  }
  return strategy.items.map((item) => {
    const provider =
      typeof item.provider === 'string' ? item.provider : expr(`${ctx.declared.variable(item.provider.provider!)}.capacityProviderName`);
    return obj({ capacityProvider: provider, base: item.base > 0 ? item.base : undefined, weight: item.weight });
  });
}

interface MachineImage {
  image: Code;
  bottlerocket: boolean;
  windows: boolean;
}

function ecsMachineImage(ctx: EmitContext, family: (typeof ECS_AMI_FAMILIES)[number]): MachineImage {
  const ecs = ctx.b.use(MODULES.ecs);
  switch (family) {
    case 'AL2023_X86_64':
      return { image: call(`${ecs}.EcsOptimizedImage.amazonLinux2023`), bottlerocket: false, windows: false };
    case 'AL2023_ARM64':
      return {
        image: call(`${ecs}.EcsOptimizedImage.amazonLinux2023`, expr(`${ecs}.AmiHardwareType.ARM`)),
        bottlerocket: false,
        windows: false,
      };
    case 'AL2023_X86_64_GPU':
      return {
        image: call(`${ecs}.EcsOptimizedImage.amazonLinux2023`, expr(`${ecs}.AmiHardwareType.GPU`)),
        bottlerocket: false,
        windows: false,
      };
    case 'BOTTLEROCKET_X86_64':
      return { image: newCall(`${ecs}.BottleRocketImage`), bottlerocket: true, windows: false };
    case 'BOTTLEROCKET_ARM64': {
      const ec2 = ctx.b.use(MODULES.ec2);
      return {
        image: newCall(`${ecs}.BottleRocketImage`, obj({ architecture: expr(`${ec2}.InstanceArchitecture.ARM_64`) })),
        bottlerocket: true,
        windows: false,
      };
    }
    case 'WINDOWS_SERVER_2022_FULL':
      return {
        image: call(`${ecs}.EcsOptimizedImage.windows`, expr(`${ecs}.WindowsOptimizedVersion.SERVER_2022`)),
        bottlerocket: false,
        windows: true,
      };
    case 'WINDOWS_SERVER_2022_CORE': {
      const ec2 = ctx.b.use(MODULES.ec2);
      return {
        image: call(
          `${ec2}.MachineImage.fromSsmParameter`,
          '/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-ECS_Optimized/image_id',
          obj({ os: expr(`${ec2}.OperatingSystemType.WINDOWS`) }),
        ),
        bottlerocket: false,
        windows: true,
      };
    }
  }
}

function emitEc2Capacity(
  ctx: EmitContext,
  cluster: string,
  plan: EcsCapacityPlan,
  capacity: NodeOfKind<'ecs-ec2-capacity'>,
  vpc: VpcRef,
): void {
  const ec2 = ctx.b.use(MODULES.ec2);
  const ecs = ctx.b.use(MODULES.ecs);
  const settings = propsOf(capacity);
  ctx.header(capacity);
  const machine = ecsMachineImage(ctx, settings.amiFamily);
  const vpcSubnets = ctx.subnetSelection(vpc, ctx.model.subnetsOf(capacity.id));
  const instanceType = newCall(`${ec2}.InstanceType`, settings.instanceType);
  const sizes = {
    minCapacity: settings.minSize,
    maxCapacity: settings.maxSize,
    desiredCapacity: settings.desiredCapacity ?? undefined,
  };
  if (settings.instanceWeighting)
    ctx.b.comment('Instance weighting is not generated: capacity providers do not support weighted instance types.');
  const variable = ctx.variable(capacity);

  if (!settings.capacityProvider) {
    // Not a capacity provider: the instances join the cluster, and tasks use the EC2 launch type.
    if (settings.spotInstances)
      ctx.b.comment('Spot instances need a maximum price here (spotPrice), or a capacity provider with a Spot allocation strategy.');
    ctx.b.declare(
      variable,
      call(
        `${cluster}.addCapacity`,
        ctx.constructId(capacity),
        props({
          vpcSubnets,
          instanceType,
          machineImage: machine.image,
          machineImageType: machine.bottlerocket ? expr(`${ecs}.MachineImageType.BOTTLEROCKET`) : undefined,
          ...sizes,
        }),
      ),
    );
  } else if (settings.spotInstances) {
    const autoscaling = ctx.b.use(MODULES.autoscaling);
    const iam = ctx.b.use(MODULES.iam);
    const launchTemplate = ctx.variable(capacity, 'LaunchTemplate');
    ctx.b.declare(
      launchTemplate,
      newCall(
        `${ec2}.LaunchTemplate`,
        expr('this'),
        ctx.constructId(capacity, 'LaunchTemplate'),
        props({
          instanceType,
          machineImage: machine.image,
          // The cluster adds the commands that join the instances to it.
          userData: machine.bottlerocket
            ? call(`${ec2}.UserData.custom`, '')
            : call(`${ec2}.UserData.${machine.windows ? 'forWindows' : 'forLinux'}`),
          role: newCall(
            `${iam}.Role`,
            expr('this'),
            ctx.constructId(capacity, 'InstanceRole'),
            obj({ assumedBy: newCall(`${iam}.ServicePrincipal`, 'ec2.amazonaws.com') }),
          ),
          securityGroup: newCall(
            `${ec2}.SecurityGroup`,
            expr('this'),
            ctx.constructId(capacity, 'SecurityGroup'),
            obj({ vpc: expr(vpc.variable) }),
          ),
          requireImdsv2: true,
        }),
      ),
    );
    ctx.b.declare(
      variable,
      newCall(
        `${autoscaling}.AutoScalingGroup`,
        expr('this'),
        ctx.constructId(capacity),
        props({
          vpc: expr(vpc.variable),
          vpcSubnets,
          mixedInstancesPolicy: obj(
            {
              instancesDistribution: obj({
                onDemandPercentageAboveBaseCapacity: 0,
                spotAllocationStrategy: expr(`${autoscaling}.SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED`),
              }),
              launchTemplate: expr(launchTemplate),
            },
            { expanded: true },
          ),
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
        ctx.constructId(capacity),
        props({
          vpc: expr(vpc.variable),
          vpcSubnets,
          instanceType,
          machineImage: machine.image,
          requireImdsv2: true,
          ...sizes,
        }),
      ),
    );
  }
  ctx.nameTag(variable, capacity);
  if (plan.autoScalingGroup) ctx.declared.declare(plan.autoScalingGroup, variable);

  if (plan.provider) {
    const provider = ctx.variable(capacity, 'Provider');
    ctx.b.declare(
      provider,
      newCall(
        `${ecs}.AsgCapacityProvider`,
        expr('this'),
        ctx.constructId(capacity, 'Provider'),
        props({
          autoScalingGroup: expr(variable),
          enableManagedScaling: settings.managedScaling,
          targetCapacityPercent: settings.managedScaling ? settings.targetCapacityPercent : undefined,
          enableManagedTerminationProtection: settings.managedTerminationProtection,
          machineImageType: machine.bottlerocket ? expr(`${ecs}.MachineImageType.BOTTLEROCKET`) : undefined,
        }),
      ),
    );
    ctx.b.statement(call(`${cluster}.addAsgCapacityProvider`, expr(provider)));
    ctx.declared.declare(plan.provider, provider);
  }
  emitAsgScaling(ctx, capacity, variable);
}

export const ecsClustersEmitter = defineEmitter({
  id: 'ecs-clusters',
  stack: 'workload',
  order: 5,
  kinds: {
    'ecs-cluster': { creates: ['ecs.Cluster'], readme: { counted: true, example: 3 } },
    'ecs-fargate-capacity': { creates: ['enableFargateCapacityProviders'] },
    'ecs-ec2-capacity': { creates: ['autoscaling.AutoScalingGroup', 'ecs.AsgCapacityProvider'] },
    'ecs-external-capacity': { creates: ['ECS Anywhere'] },
    'ec2-auto-scaling': { creates: ['scaleOnCpuUtilization'] },
  },
  emit: (ctx) => emitEcsClusters(ctx),
});
