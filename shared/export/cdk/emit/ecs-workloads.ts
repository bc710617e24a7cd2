import { FARGATE_PLATFORM_VERSIONS } from '../../../catalog/aws-facts';
import { isNodeOfKind, propsOf, type EcsWorkloadKindId, type NodeOfKind, type PropsOfKind } from '../../../catalog';
import { arr, call, expr, newCall, obj, props, type Code } from '../code';
import type { EmitContext } from '../context';
import { defineEmitter } from '../emitter';
import { commentId } from '../literal';
import type { EcsWorkloadPlan, Flavour } from '../plan/ecs';
import { isCatchAll, type LoadBalancerPlan, type RoutePlan } from '../plan/load-balancers';
import { MODULES } from '../stack-builder';
import { strategyItems } from './ecs-cluster';
import { imageOf, placeholderImage } from './images';
import { emitServiceScaling } from './scaling';
import { allowNfs, emitEcsMounts } from './storage';

/** ECS services and standalone tasks: task definition, container, volumes, service or schedule, load balancer targets, scaling. */

/** The single container the catalog models; load balancer targets name it. */
const CONTAINER_NAME = 'app';

type WorkloadProps = PropsOfKind<EcsWorkloadKindId>;

export function emitEcsWorkloads(ctx: EmitContext): void {
  for (const plan of ctx.plan.ecs.workloads) {
    const { node } = plan;
    if (isNodeOfKind(node, 'ecs-service')) emitService(ctx, plan, node);
    else if (isNodeOfKind(node, 'ecs-task')) emitTask(ctx, plan, node);
  }
}

/** The comments on where the workload runs, and its capacity provider strategy items. */
function placement(ctx: EmitContext, plan: EcsWorkloadPlan): Code[] {
  if (plan.mixedStrategy) ctx.b.comment('A strategy cannot mix Fargate and EC2 capacity providers: only the ones that match are used.');
  return strategyItems(ctx, plan.strategy);
}

interface TaskDefinitionResult {
  taskDefinition: string;
  container: string;
  fileSystems: string[];
  awsvpc: boolean;
}

function emitTaskDefinition(ctx: EmitContext, plan: EcsWorkloadPlan, settings: WorkloadProps): TaskDefinitionResult {
  const ecs = ctx.b.use(MODULES.ecs);
  const { node: workload, flavour, networkMode, udp } = plan;
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
  const fileSystems = emitEcsMounts(ctx, plan.mounts, taskDefinition, container);
  return { taskDefinition, container, fileSystems, awsvpc: networkMode === 'awsvpc' };
}

function emitService(ctx: EmitContext, plan: EcsWorkloadPlan, service: NodeOfKind<'ecs-service'>): void {
  const ecs = ctx.b.use(MODULES.ecs);
  const cdk = ctx.b.use(MODULES.cdk);
  const settings = propsOf(service);
  ctx.header(service);
  const strategy = placement(ctx, plan);
  const { flavour, routes } = plan;
  const cluster = ctx.declared.variable(plan.cluster.construct);
  const { taskDefinition, fileSystems, awsvpc } = emitTaskDefinition(ctx, plan, settings);
  const daemon = settings.schedulingStrategy === 'DAEMON' && flavour === 'ec2';
  const controller = settings.deploymentController;
  const vpc = ctx.vpcOf(plan.cluster.node ?? service);
  const subnets = awsvpc ? ctx.subnetSelection(vpc, ctx.model.subnetsOf(service.id)) : undefined;
  const className = { fargate: 'FargateService', ec2: 'Ec2Service', external: 'ExternalService' }[flavour];
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
        platformVersion: flavour === 'fargate' ? platformVersion(ctx, settings.platformVersion) : undefined,
        assignPublicIp: flavour === 'fargate' && settings.assignPublicIp ? true : undefined,
        vpcSubnets: flavour === 'external' ? undefined : subnets,
        capacityProviderStrategies: strategy.length > 0 ? arr(strategy) : undefined,
        // A daemon replaces tasks in place (at most 100%); other values are the catalog's defaults for replicas.
        minHealthyPercent: daemon && settings.maximumPercent !== 100 ? undefined : settings.minimumHealthyPercent,
        maxHealthyPercent: daemon && settings.maximumPercent !== 100 ? undefined : settings.maximumPercent,
        deploymentController: controller === 'ECS' ? undefined : obj({ type: expr(`${ecs}.DeploymentControllerType.${controller}`) }),
        circuitBreaker: controller === 'ECS' ? obj({ rollback: true }) : undefined,
        healthCheckGracePeriod: routes.length > 0 ? call(`${cdk}.Duration.seconds`, settings.healthCheckGracePeriod) : undefined,
      }),
    ),
  );
  if (strategy.length > 0) {
    ctx.b.comment("Created after the cluster's capacity provider associations, which the strategy needs.");
    ctx.b.statement(call(`${variable}.node.addDependency`, expr(cluster)));
  }
  ctx.nameTag(variable, service);

  const instanceGroups = awsvpc ? [] : plan.instanceGroups.map((capacity) => ctx.declared.variable(capacity.autoScalingGroup!));
  if (awsvpc) allowNfs(ctx, fileSystems, variable);
  else for (const group of instanceGroups) allowNfs(ctx, fileSystems, group);

  for (const route of routes) attachRoute(ctx, route, service, variable, awsvpc, instanceGroups);
  emitServiceScaling(ctx, plan, variable);
}

function attachRoute(
  ctx: EmitContext,
  route: RoutePlan,
  service: NodeOfKind<'ecs-service'>,
  variable: string,
  awsvpc: boolean,
  instanceGroups: string[],
): void {
  const lbVariable = ctx.declared.variable(loadBalancerOf(ctx, route).construct);
  const settings = propsOf(service);
  const containerPort = settings.containerPort;
  const ec2 = ctx.b.use(MODULES.ec2);
  const { edge } = route;
  const edgeId = commentId(edge.id);

  if (route.type === 'classic') {
    ctx.b.statement(call(`${lbVariable}.addTarget`, expr(variable)));
    for (const group of instanceGroups) {
      ctx.b.statement(call(`${group}.connections.allowFrom`, expr(lbVariable), call(`${ec2}.Port.tcp`, route.instancePort)));
    }
    return;
  }

  const elbv2 = ctx.b.use(MODULES.elbv2);
  // Tasks on dynamic host ports are health-checked on the port each one registers with (cfn-lint E3049 asks to say so).
  const trafficPort = !awsvpc && hasDynamicHostPort(service) ? 'traffic-port' : undefined;
  if (route.type === 'application') {
    const { props: routeProps, priority } = route;
    const listener = ctx.declared.variable(route.listener.construct);
    const targetGroup = ctx.variable(service, 'TargetGroup');
    ctx.b.declare(
      targetGroup,
      call(
        `${listener}.addTargets`,
        ctx.constructId({ id: edge.id, kind: 'targets' }),
        props({
          port: routeProps.targetPort > 0 ? routeProps.targetPort : containerPort,
          protocol: expr(`${elbv2}.ApplicationProtocol.HTTP`),
          targets: arr([call(`${variable}.loadBalancerTarget`, obj({ containerName: CONTAINER_NAME, containerPort }))]),
          healthCheck: obj({ path: routeProps.healthCheckPath, port: trafficPort }),
          priority,
          conditions:
            priority !== undefined
              ? arr([
                  call(
                    `${elbv2}.ListenerCondition.pathPatterns`,
                    arr([isCatchAll(routeProps.pathPattern) ? '/*' : routeProps.pathPattern]),
                  ),
                ])
              : undefined,
        }),
      ),
    );
    ctx.declared.declare(route.targetGroup, targetGroup);
    for (const group of instanceGroups)
      ctx.b.statement(call(`${group}.connections.allowFrom`, expr(lbVariable), instancePortRange(ctx, service, containerPort)));
    return;
  }

  if (!route.generated) {
    ctx.b.comment(`Route ${edgeId} shares its NLB listener port with another route, so it is not generated.`);
    return;
  }
  const routeProps = route.props;
  const listener = ctx.declared.variable(route.listener.construct);
  const udp = routeProps.protocol === 'UDP';
  const targetProtocol = routeProps.protocol === 'TLS' ? 'TCP' : routeProps.protocol;
  const targetGroup = ctx.variable(service, 'TargetGroup');
  ctx.b.declare(
    targetGroup,
    call(
      `${listener}.addTargets`,
      ctx.constructId({ id: edge.id, kind: 'targets' }),
      props({
        port: routeProps.targetPort > 0 ? routeProps.targetPort : containerPort,
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
        healthCheck: trafficPort ? obj({ port: trafficPort }) : undefined,
      }),
    ),
  );
  ctx.declared.declare(route.targetGroup, targetGroup);
  // The NLB's security group must reach the tasks (or, in bridge and host mode, their instances).
  const port = udp ? call(`${ec2}.Port.udp`, containerPort) : call(`${ec2}.Port.tcp`, containerPort);
  if (awsvpc) ctx.b.statement(call(`${variable}.connections.allowFrom`, expr(lbVariable), port));
  else
    for (const group of instanceGroups)
      ctx.b.statement(
        call(`${group}.connections.allowFrom`, expr(lbVariable), udp ? port : instancePortRange(ctx, service, containerPort)),
      );
}

/** The plan of the load balancer a route starts from. */
function loadBalancerOf(ctx: EmitContext, route: RoutePlan): LoadBalancerPlan {
  const plan = ctx.plan.loadBalancers.find((candidate) => (candidate.routes as readonly RoutePlan[]).includes(route));
  if (!plan) throw new Error(`Route ${route.edge.id} belongs to no load balancer of the plan.`);
  return plan;
}

/** Outside awsvpc mode: whether its tasks take dynamic host ports (bridge mode, host port 0). */
function hasDynamicHostPort(service: NodeOfKind<'ecs-service'>): boolean {
  const settings = propsOf(service);
  return settings.networkMode !== 'host' && settings.hostPort === 0;
}

/** The port range EC2 instances must accept from a load balancer for this service's tasks. */
function instancePortRange(ctx: EmitContext, service: NodeOfKind<'ecs-service'>, containerPort: number): Code {
  const ec2 = ctx.b.use(MODULES.ec2);
  const settings = propsOf(service);
  if (settings.networkMode === 'host') return call(`${ec2}.Port.tcp`, containerPort);
  if (!hasDynamicHostPort(service)) return call(`${ec2}.Port.tcp`, settings.hostPort);
  // Dynamic host ports (bridge mode, host port 0) come from the ephemeral range.
  return call(`${ec2}.Port.tcpRange`, 32768, 65535);
}

function emitTask(ctx: EmitContext, plan: EcsWorkloadPlan, task: NodeOfKind<'ecs-task'>): void {
  const cdk = ctx.b.use(MODULES.cdk);
  const settings = propsOf(task);
  ctx.header(task, settings.schedule ? 'runs on a schedule' : 'runs on demand');
  placement(ctx, plan);
  const { flavour } = plan;
  const cluster = ctx.declared.variable(plan.cluster.construct);
  const { taskDefinition, fileSystems, awsvpc } = emitTaskDefinition(ctx, plan, settings);
  ctx.nameTag(taskDefinition, task);
  const vpc = ctx.vpcOf(plan.cluster.node ?? task);
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
    for (const capacity of plan.instanceGroups) allowNfs(ctx, fileSystems, ctx.declared.variable(capacity.autoScalingGroup!));
  }

  if (settings.schedule !== '' && flavour !== 'external') {
    const patterns = ctx.b.use(MODULES.ecs_patterns);
    const appscaling = ctx.b.use(MODULES.appscaling);
    const fargate = flavour === 'fargate';
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
  emit: (ctx) => emitEcsWorkloads(ctx),
});
