import { FARGATE_PLATFORM_VERSIONS } from '../../../catalog/aws-facts';
import { isNodeOfKind, type EcsWorkloadKindId, type NodeOfKind } from '../../../catalog';
import { ecsService as ecsServiceKind, ecsTask as ecsTaskKind } from '../../../catalog';
import type { DiagramEdge, DiagramNode } from '../../../document/schema';
import { resolveEcsCompute, type EcsCompute } from '../../../model/compute';
import { arr, call, expr, newCall, obj, props, type Code } from '../code';
import type { EmitContext } from '../context';
import { commentId } from '../literal';
import { propsOf } from '../props';
import { clusterNodeOf, clusterVariableOf, strategyItems } from './ecs-cluster';
import { imageOf, placeholderImage } from './images';
import {
  clbInstancePort,
  instanceGroupsOf,
  instancePortRange,
  isCatchAll,
  routeProps,
  type AlbRoute,
  type ClbRoute,
  type NlbRoute,
} from './load-balancers';
import { emitServiceScaling } from './scaling';
import { allowNfs, emitEcsMounts } from './storage';
import { defineEmitter } from '../emitter';
import { MODULES } from '../stack-builder';

/** ECS services and standalone tasks: task definition, container, volumes, service or schedule, load balancer targets, scaling. */

/** The single container the catalog models; load balancer targets name it. */
const CONTAINER_NAME = 'app';

type Flavour = 'fargate' | 'ec2' | 'external';

type WorkloadProps = ReturnType<typeof propsOf<typeof ecsServiceKind.props>> | ReturnType<typeof propsOf<typeof ecsTaskKind.props>>;

interface Placement {
  flavour: Flavour;
  compute: EcsCompute;
  /** Capacity provider strategy items for the service, when it uses a strategy. */
  strategy: Code[];
}

type EcsWorkload = NodeOfKind<EcsWorkloadKindId>;

/**
 * Fargate, EC2 or ECS Anywhere, as ECS would resolve it (shared/model/compute.ts). A workload
 * the diagram has not placed on any capacity runs on Fargate, which needs no instances.
 */
function placement(ctx: EmitContext, workload: EcsWorkload): Placement {
  const compute = resolveEcsCompute(ctx.model, workload);
  let flavour: Flavour;
  if (compute.launchType === 'EXTERNAL') flavour = 'external';
  else if (compute.launchType === 'EC2') flavour = 'ec2';
  else if (compute.launchType === 'FARGATE') flavour = 'fargate';
  else if (compute.strategy.some((item) => item.ref.type === 'asg')) flavour = 'ec2';
  else flavour = 'fargate';
  if (clusterNodeOf(ctx, workload) === undefined) return { flavour: 'fargate', compute, strategy: [] };
  const usable = compute.strategy.filter((item) => (flavour === 'ec2' ? item.ref.type === 'asg' : item.ref.type !== 'asg'));
  if (usable.length < compute.strategy.length)
    ctx.b.comment('A strategy cannot mix Fargate and EC2 capacity providers: only the ones that match are used.');
  return { flavour, compute, strategy: usable.length > 0 ? strategyItems(ctx, usable) : [] };
}

export function emitEcsWorkloads(ctx: EmitContext, workloads: readonly EcsWorkload[]): void {
  for (const workload of workloads) {
    if (isNodeOfKind(workload, 'ecs-service')) emitService(ctx, workload);
    else emitTask(ctx, workload);
  }
}

interface TaskDefinitionResult {
  taskDefinition: string;
  container: string;
  fileSystems: string[];
  awsvpc: boolean;
}

function emitTaskDefinition(ctx: EmitContext, workload: EcsWorkload, settings: WorkloadProps, flavour: Flavour): TaskDefinitionResult {
  const ecs = ctx.b.use(MODULES.ecs);
  let networkMode: string = settings.networkMode;
  if (flavour === 'fargate') networkMode = 'awsvpc';
  if (flavour === 'external' && networkMode === 'awsvpc') networkMode = 'bridge';
  if (networkMode !== settings.networkMode) ctx.b.comment(`${flavourLabel(flavour)} tasks use the ${networkMode} network mode here.`);
  const taskDefinition = ctx.variable(workload, 'TaskDefinition');
  const constructId = ctx.constructId(workload, 'TaskDefinition');
  const modeExpr = expr(`${ecs}.NetworkMode.${networkModeMember(networkMode)}`);
  if (flavour === 'fargate') {
    const windowsOrArm = settings.operatingSystemFamily !== 'LINUX' || settings.cpuArchitecture !== 'X86_64';
    ctx.b.declare(
      taskDefinition,
      newCall(
        `${ecs}.FargateTaskDefinition`,
        expr('this'),
        constructId,
        props({
          cpu: settings.cpu,
          memoryLimitMiB: settings.memory,
          runtimePlatform: windowsOrArm
            ? obj({
                operatingSystemFamily: expr(`${ecs}.OperatingSystemFamily.${settings.operatingSystemFamily}`),
                cpuArchitecture: expr(`${ecs}.CpuArchitecture.${settings.cpuArchitecture}`),
              })
            : undefined,
        }),
      ),
    );
  } else if (flavour === 'ec2') {
    ctx.b.declare(taskDefinition, newCall(`${ecs}.Ec2TaskDefinition`, expr('this'), constructId, obj({ networkMode: modeExpr })));
  } else {
    ctx.b.declare(taskDefinition, newCall(`${ecs}.ExternalTaskDefinition`, expr('this'), constructId, obj({ networkMode: modeExpr })));
  }

  const image = imageOf(ctx, workload);
  if (image) ctx.notes.writeFor(image.node.id, ctx.b, { primaryOnly: true });
  if (!image) ctx.b.comment('The diagram connects no image to these tasks: a public placeholder to replace.');
  else if (image.others > 0) ctx.b.comment('One container per task is generated, from the first image the diagram connects.');
  const imageRef = image?.ref ?? placeholderImage(ctx);
  const udp = ctx.model
    .edgesTo(workload.id, 'routes-traffic')
    .some((edge) => ctx.model.node(edge.source)?.kind === 'nlb' && routeProps<NlbRoute>(edge, 'nlb', workload.kind).protocol === 'UDP');
  const container = ctx.variable(workload, 'Container');
  const portMapping =
    settings.containerPort > 0
      ? obj({
          containerPort: settings.containerPort,
          hostPort: networkMode === 'bridge' && settings.hostPort > 0 ? settings.hostPort : undefined,
          protocol: udp ? expr(`${ecs}.Protocol.UDP`) : undefined,
        })
      : undefined;
  ctx.b.declare(
    container,
    call(
      `${taskDefinition}.addContainer`,
      CONTAINER_NAME,
      props({
        image: imageRef.ecs(),
        // Fargate sizes the task; on EC2 and ECS Anywhere the container carries the size.
        cpu: flavour === 'fargate' ? undefined : settings.cpu,
        memoryLimitMiB: flavour === 'fargate' ? undefined : settings.memory,
        portMappings: portMapping ? arr([portMapping]) : undefined,
        logging: call(`${ecs}.LogDrivers.awsLogs`, obj({ streamPrefix: commentId(workload.id) })),
        privileged: settings.privileged ? true : undefined,
        gpuCount: settings.gpuCount > 0 ? settings.gpuCount : undefined,
      }),
    ),
  );
  if (imageRef.executionPolicy) ctx.b.statement(call(`${taskDefinition}.addToExecutionRolePolicy`, imageRef.executionPolicy));
  if (settings.dockerVolumes) {
    ctx.b.comment('A Docker volume (local driver, one per task), mounted at /data.');
    ctx.b.statement(
      call(
        `${taskDefinition}.addVolume`,
        obj({ name: 'data', dockerVolumeConfiguration: obj({ driver: 'local', scope: expr(`${ecs}.Scope.TASK`) }) }),
      ),
    );
    ctx.b.statement(call(`${container}.addMountPoints`, obj({ sourceVolume: 'data', containerPath: '/data', readOnly: false })));
  }
  const fileSystems = emitEcsMounts(ctx, workload, taskDefinition, container);
  return { taskDefinition, container, fileSystems, awsvpc: networkMode === 'awsvpc' };
}

function emitService(ctx: EmitContext, service: EcsWorkload): void {
  const ecs = ctx.b.use(MODULES.ecs);
  const cdk = ctx.b.use(MODULES.cdk);
  const settings = propsOf(ecsServiceKind, service);
  ctx.header(service);
  const where = placement(ctx, service);
  const cluster = clusterVariableOf(ctx, service);
  const { taskDefinition, fileSystems, awsvpc } = emitTaskDefinition(ctx, service, settings, where.flavour);
  const routes = ctx.model.edgesTo(service.id, 'routes-traffic').filter((edge) => ctx.refs.loadBalancers.has(edge.source));
  const daemon = settings.schedulingStrategy === 'DAEMON' && where.flavour === 'ec2';
  const controller = settings.deploymentController;
  const vpc = ctx.vpcOf(clusterNodeOf(ctx, service) ?? service);
  const subnets = awsvpc ? ctx.subnetSelection(vpc, ctx.model.subnetsOf(service.id)) : undefined;
  const className = { fargate: 'FargateService', ec2: 'Ec2Service', external: 'ExternalService' }[where.flavour];
  const variable = ctx.variable(service);
  ctx.b.declare(
    variable,
    newCall(
      `${ecs}.${className}`,
      expr('this'),
      ctx.constructId(service),
      props({
        cluster: expr(cluster),
        taskDefinition: expr(taskDefinition),
        desiredCount: daemon ? undefined : settings.desiredCount,
        daemon: daemon ? true : undefined,
        platformVersion: where.flavour === 'fargate' ? platformVersion(ctx, settings.platformVersion) : undefined,
        assignPublicIp: where.flavour === 'fargate' && settings.assignPublicIp ? true : undefined,
        vpcSubnets: where.flavour === 'external' ? undefined : subnets,
        capacityProviderStrategies: where.strategy.length > 0 ? arr(where.strategy) : undefined,
        // A daemon replaces tasks in place (at most 100%); other values are the catalog's defaults for replicas.
        minHealthyPercent: daemon && settings.maximumPercent !== 100 ? undefined : settings.minimumHealthyPercent,
        maxHealthyPercent: daemon && settings.maximumPercent !== 100 ? undefined : settings.maximumPercent,
        deploymentController: controller === 'ECS' ? undefined : obj({ type: expr(`${ecs}.DeploymentControllerType.${controller}`) }),
        circuitBreaker: controller === 'ECS' ? obj({ rollback: true }) : undefined,
        healthCheckGracePeriod: routes.length > 0 ? call(`${cdk}.Duration.seconds`, 60) : undefined,
      }),
    ),
  );
  if (where.strategy.length > 0) {
    ctx.b.comment("Created after the cluster's capacity provider associations, which the strategy needs.");
    ctx.b.statement(call(`${variable}.node.addDependency`, expr(cluster)));
  }
  ctx.nameTag(variable, service);
  ctx.refs.ecsServices.set(service.id, variable);

  const instanceGroups = awsvpc ? [] : instanceGroupsOf(ctx, service);
  if (awsvpc) allowNfs(ctx, fileSystems, variable);
  else for (const group of instanceGroups) allowNfs(ctx, fileSystems, group);

  for (const edge of routes) attachRoute(ctx, edge, service, variable, awsvpc, instanceGroups);
  emitServiceScaling(ctx, service, variable);
}

function attachRoute(
  ctx: EmitContext,
  edge: DiagramEdge,
  service: DiagramNode,
  variable: string,
  awsvpc: boolean,
  instanceGroups: string[],
): void {
  const loadBalancer = ctx.model.node(edge.source)!;
  const lbVariable = ctx.refs.loadBalancers.get(loadBalancer.id)!;
  const settings = propsOf(ecsServiceKind, service);
  const containerPort = settings.containerPort;
  const ec2 = ctx.b.use(MODULES.ec2);
  const edgeId = commentId(edge.id);

  if (loadBalancer.kind === 'clb') {
    const route = routeProps<ClbRoute>(edge, 'clb', service.kind);
    ctx.b.statement(call(`${lbVariable}.addTarget`, expr(variable)));
    for (const group of instanceGroups) {
      ctx.b.statement(call(`${group}.connections.allowFrom`, expr(lbVariable), call(`${ec2}.Port.tcp`, clbInstancePort(ctx, edge, route))));
    }
    return;
  }

  const elbv2 = ctx.b.use(MODULES.elbv2);
  if (loadBalancer.kind === 'alb') {
    const route = routeProps<AlbRoute>(edge, 'alb', service.kind);
    const listener = ctx.refs.listeners.get(`${loadBalancer.id}:${route.listenerPort}`)!;
    const targetGroup = ctx.variable(service, 'TargetGroup');
    const priority = ctx.refs.routePriorities.get(edge.id);
    ctx.b.declare(
      targetGroup,
      call(
        `${listener}.addTargets`,
        ctx.constructId({ id: edge.id, kind: 'targets' }),
        props({
          port: route.targetPort > 0 ? route.targetPort : containerPort,
          protocol: expr(`${elbv2}.ApplicationProtocol.HTTP`),
          targets: arr([call(`${variable}.loadBalancerTarget`, obj({ containerName: CONTAINER_NAME, containerPort }))]),
          healthCheck: obj({ path: route.healthCheckPath }),
          priority,
          conditions:
            priority !== undefined
              ? arr([call(`${elbv2}.ListenerCondition.pathPatterns`, arr([isCatchAll(route.pathPattern) ? '/*' : route.pathPattern]))])
              : undefined,
        }),
      ),
    );
    ctx.refs.albTargetGroups.set(service.id, [...(ctx.refs.albTargetGroups.get(service.id) ?? []), targetGroup]);
    for (const group of instanceGroups)
      ctx.b.statement(call(`${group}.connections.allowFrom`, expr(lbVariable), instancePortRange(ctx, service, containerPort)));
    return;
  }

  const route = routeProps<NlbRoute>(edge, 'nlb', service.kind);
  if (!ctx.refs.defaultRoutes.has(edge.id)) {
    ctx.b.comment(`Route ${edgeId} shares its NLB listener port with another route, so it is not generated.`);
    return;
  }
  const listener = ctx.refs.listeners.get(`${loadBalancer.id}:${route.listenerPort}`)!;
  const udp = route.protocol === 'UDP';
  const targetProtocol = route.protocol === 'TLS' ? 'TCP' : route.protocol;
  ctx.b.declare(
    ctx.variable(service, 'TargetGroup'),
    call(
      `${listener}.addTargets`,
      ctx.constructId({ id: edge.id, kind: 'targets' }),
      props({
        port: route.targetPort > 0 ? route.targetPort : containerPort,
        protocol: expr(`${elbv2}.Protocol.${targetProtocol}`),
        targets: arr([
          call(
            `${variable}.loadBalancerTarget`,
            obj({
              containerName: CONTAINER_NAME,
              containerPort,
              protocol: udp ? expr(`${ctx.b.use(MODULES.ecs)}.Protocol.UDP`) : undefined,
            }),
          ),
        ]),
      }),
    ),
  );
  // The NLB's security group must reach the tasks (or, in bridge and host mode, their instances).
  const port = udp ? call(`${ec2}.Port.udp`, containerPort) : call(`${ec2}.Port.tcp`, containerPort);
  if (awsvpc) ctx.b.statement(call(`${variable}.connections.allowFrom`, expr(lbVariable), port));
  else
    for (const group of instanceGroups)
      ctx.b.statement(
        call(`${group}.connections.allowFrom`, expr(lbVariable), udp ? port : instancePortRange(ctx, service, containerPort)),
      );
}

function emitTask(ctx: EmitContext, task: EcsWorkload): void {
  const cdk = ctx.b.use(MODULES.cdk);
  const settings = propsOf(ecsTaskKind, task);
  ctx.header(task, settings.schedule ? 'runs on a schedule' : 'runs on demand');
  const where = placement(ctx, task);
  const cluster = clusterVariableOf(ctx, task);
  const { taskDefinition, fileSystems, awsvpc } = emitTaskDefinition(ctx, task, settings, where.flavour);
  ctx.nameTag(taskDefinition, task);
  const vpc = ctx.vpcOf(clusterNodeOf(ctx, task) ?? task);
  const subnets = awsvpc ? ctx.subnetSelection(vpc, ctx.model.subnetsOf(task.id)) : undefined;

  let securityGroup: string | undefined;
  if (awsvpc) {
    const ec2 = ctx.b.use(MODULES.ec2);
    securityGroup = ctx.variable(task, 'SecurityGroup');
    ctx.b.declare(
      securityGroup,
      newCall(`${ec2}.SecurityGroup`, expr('this'), ctx.constructId(task, 'SecurityGroup'), obj({ vpc: expr(`${cluster}.vpc`) })),
    );
    allowNfs(ctx, fileSystems, securityGroup);
  } else {
    for (const group of instanceGroupsOf(ctx, task)) allowNfs(ctx, fileSystems, group);
  }

  if (settings.schedule !== '' && where.flavour !== 'external') {
    const patterns = ctx.b.use(MODULES.ecs_patterns);
    const appscaling = ctx.b.use(MODULES.appscaling);
    const fargate = where.flavour === 'fargate';
    const variable = ctx.variable(task);
    ctx.b.declare(
      variable,
      newCall(
        `${patterns}.${fargate ? 'ScheduledFargateTask' : 'ScheduledEc2Task'}`,
        expr('this'),
        ctx.constructId(task),
        props({
          cluster: expr(cluster),
          [fargate ? 'scheduledFargateTaskDefinitionOptions' : 'scheduledEc2TaskDefinitionOptions']: obj({
            taskDefinition: expr(taskDefinition),
          }),
          schedule: call(`${appscaling}.Schedule.expression`, settings.schedule),
          desiredTaskCount: settings.count > 1 ? settings.count : undefined,
          platformVersion: fargate ? platformVersion(ctx, settings.platformVersion) : undefined,
          subnetSelection: subnets,
          securityGroups: securityGroup ? arr([expr(securityGroup)]) : undefined,
        }),
      ),
    );
    return;
  }
  if (settings.schedule !== '') ctx.b.comment('EventBridge cannot start ECS Anywhere tasks on a schedule: run them on demand.');
  // On-demand tasks: `aws ecs run-task` with the outputs below (README.md shows the command).
  ctx.b.statement(
    newCall(
      `${cdk}.CfnOutput`,
      expr('this'),
      ctx.constructId(task, 'TaskDefinitionArn'),
      obj({ value: expr(`${taskDefinition}.taskDefinitionArn`) }),
    ),
  );
  if (securityGroup) {
    ctx.b.statement(
      newCall(
        `${cdk}.CfnOutput`,
        expr('this'),
        ctx.constructId(task, 'SecurityGroupId'),
        obj({ value: expr(`${securityGroup}.securityGroupId`) }),
      ),
    );
  }
}

function platformVersion(ctx: EmitContext, version: string): Code | undefined {
  if (!(FARGATE_PLATFORM_VERSIONS as readonly string[]).includes(version)) return undefined;
  // CDK names the versions by major and minor: 1.4.0 is FargatePlatformVersion.VERSION1_4.
  const [major, minor] = version.split('.');
  return expr(`${ctx.b.use(MODULES.ecs)}.FargatePlatformVersion.VERSION${major}_${minor}`);
}

function networkModeMember(mode: string): string {
  return { awsvpc: 'AWS_VPC', bridge: 'BRIDGE', host: 'HOST', none: 'NONE' }[mode] ?? 'AWS_VPC';
}

function flavourLabel(flavour: Flavour): string {
  return { fargate: 'Fargate', ec2: 'EC2', external: 'ECS Anywhere' }[flavour];
}

export const ecsWorkloadsEmitter = defineEmitter({
  id: 'ecs-workloads',
  stack: 'workload',
  order: 6,
  kinds: {
    'ecs-service': { creates: ['ecs.FargateService'], readme: { counted: true, example: 1 } },
    'ecs-task': { creates: ['ecs.FargateTaskDefinition'], readme: { counted: true } },
    'service-auto-scaling': { creates: ['autoScaleTaskCount'] },
  },
  emit: (ctx) => emitEcsWorkloads(ctx, ctx.ecsWorkloads()),
});
