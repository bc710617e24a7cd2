import { isNodeOfKind, propsOf } from '../../../catalog';
import type { DiagramNode } from '../../../document/schema';
import { arr, call, expr, obj, props, type Code } from '../code';
import type { EmitContext } from '../context';
import { Names } from '../names';
import type { EcsWorkloadPlan } from '../plan/ecs';
import { MODULES } from '../stack-builder';

/** Application Auto Scaling for ECS services, and EC2 Auto Scaling policies for Auto Scaling groups. */

export function emitServiceScaling(ctx: EmitContext, plan: EcsWorkloadPlan, serviceVariable: string): void {
  const service = plan.node;
  const scalers = ctx.model.sources(service.id, 'scales').filter((node) => isNodeOfKind(node, 'service-auto-scaling'));
  const first = scalers[0];
  if (!first) return;
  const cdk = ctx.b.use(MODULES.cdk);
  const appscaling = ctx.b.use(MODULES.appscaling);
  const bounds = propsOf(first);
  for (const scaler of scalers) ctx.notes.writeFor(scaler.id, ctx.b);
  if (scalers.length > 1)
    ctx.b.comment('Several scaling nodes scale this service: the first sets the task count range, all add their policies.');
  const scaling = ctx.variable(service, 'Scaling');
  ctx.b.declare(
    scaling,
    call(`${serviceVariable}.autoScaleTaskCount`, obj({ minCapacity: bounds.minCapacity, maxCapacity: bounds.maxCapacity })),
  );
  const ids = new Names();
  const seconds = (value: number) => call(`${cdk}.Duration.seconds`, value);
  for (const scaler of scalers) {
    for (const policy of propsOf(scaler).policies) {
      if (policy.type === 'target-tracking') {
        const cooldowns = { scaleInCooldown: seconds(policy.scaleInCooldown), scaleOutCooldown: seconds(policy.scaleOutCooldown) };
        if (policy.metric === 'ECSServiceAverageCPUUtilization') {
          ctx.b.statement(
            call(
              `${scaling}.scaleOnCpuUtilization`,
              ids.unique('CpuScaling'),
              props({ targetUtilizationPercent: policy.targetValue, ...cooldowns }),
            ),
          );
        } else if (policy.metric === 'ECSServiceAverageMemoryUtilization') {
          ctx.b.statement(
            call(
              `${scaling}.scaleOnMemoryUtilization`,
              ids.unique('MemoryScaling'),
              props({ targetUtilizationPercent: policy.targetValue, ...cooldowns }),
            ),
          );
        } else {
          const route = plan.routes.find((candidate) => candidate.type === 'application');
          if (!route) {
            ctx.b.comment('Request count scaling needs an Application Load Balancer target group, and this service has none.');
            continue;
          }
          ctx.b.statement(
            call(
              `${scaling}.scaleOnRequestCount`,
              ids.unique('RequestCountScaling'),
              props({ requestsPerTarget: policy.targetValue, targetGroup: expr(ctx.declared.variable(route.targetGroup)), ...cooldowns }),
            ),
          );
        }
      } else if (policy.type === 'step') {
        const metric = policy.metric === 'CPUUtilization' ? 'metricCpuUtilization' : 'metricMemoryUtilization';
        ctx.b.statement(
          call(
            `${scaling}.scaleOnMetric`,
            ids.unique(policy.metric === 'CPUUtilization' ? 'CpuStepScaling' : 'MemoryStepScaling'),
            props({
              metric: call(`${serviceVariable}.${metric}`),
              scalingSteps: arr([
                obj({ upper: policy.scaleInBelow, change: -policy.adjustment }),
                obj({ lower: policy.scaleOutAbove, change: policy.adjustment }),
              ]),
              adjustmentType: expr(`${appscaling}.AdjustmentType.CHANGE_IN_CAPACITY`),
            }),
          ),
        );
      } else {
        ctx.b.statement(
          call(
            `${scaling}.scaleOnSchedule`,
            ids.unique('ScheduledScaling'),
            props({
              schedule: call(`${appscaling}.Schedule.expression`, policy.schedule),
              minCapacity: policy.minCapacity,
              maxCapacity: policy.maxCapacity,
            }),
          ),
        );
      }
    }
  }
}

/** EC2 Auto Scaling policies from the "scales" edges into an ECS EC2 capacity or self-managed nodes. */
export function emitAsgScaling(ctx: EmitContext, capacity: DiagramNode, group: string): void {
  const scalers = ctx.model.sources(capacity.id, 'scales').filter((node) => isNodeOfKind(node, 'ec2-auto-scaling'));
  if (scalers.length === 0) return;
  const autoscaling = ctx.b.use(MODULES.autoscaling);
  const ids = new Names();
  for (const scaler of scalers) {
    ctx.notes.writeFor(scaler.id, ctx.b);
    for (const policy of propsOf(scaler).policies) {
      let statement: Code;
      if (policy.type === 'target-tracking') {
        if (policy.metric === 'ASGAverageCPUUtilization') {
          statement = call(
            `${group}.scaleOnCpuUtilization`,
            ids.unique('CpuScaling'),
            obj({ targetUtilizationPercent: policy.targetValue }),
          );
        } else {
          const method = policy.metric === 'ASGAverageNetworkIn' ? 'scaleOnIncomingBytes' : 'scaleOnOutgoingBytes';
          const id = policy.metric === 'ASGAverageNetworkIn' ? 'NetworkInScaling' : 'NetworkOutScaling';
          statement = call(`${group}.${method}`, ids.unique(id), obj({ targetBytesPerSecond: policy.targetValue }));
        }
      } else {
        statement = call(
          `${group}.scaleOnSchedule`,
          ids.unique('ScheduledScaling'),
          props({
            schedule: call(`${autoscaling}.Schedule.expression`, policy.schedule),
            minCapacity: policy.minSize,
            maxCapacity: policy.maxSize,
          }),
        );
      }
      ctx.b.statement(statement);
    }
  }
}
