import { describe, expect, it } from 'vitest';
import { scheduleExpressionProblem } from '../../catalog';
import { check, diagram } from '../test-support/diagram-builder.test-support';

const RULE = 'task-schedule-invalid';

describe(RULE, () => {
  it('reports a stored schedule EventBridge refuses (the CDK app would not synthesize), and none for valid ones', () => {
    const d = diagram();
    const region = d.add('region');
    const cluster = d.add('ecs-cluster', { in: region });
    const fargate = d.add('ecs-fargate-capacity', { in: cluster });
    d.add('ecs-task', { in: fargate, label: 'nightly', props: { schedule: 'rate(banana)' } });
    d.add('ecs-task', { in: fargate, label: 'ok', props: { schedule: 'rate(5 minutes)' } });
    expect(check(d.build(), RULE).map((finding) => finding.message)).toEqual([
      'ECS task "nightly" has the schedule rate(banana), which EventBridge refuses. A rate is a whole number and minutes, hours or days, such as rate(5 minutes).',
    ]);
  });

  it('takes what EventBridge takes', () => {
    for (const ok of ['', 'rate(1 minute)', 'rate(5 minutes)', 'rate(2 days)', 'cron(0 8 * * ? *)', 'at(2030-01-01T08:00:00)']) {
      expect(scheduleExpressionProblem(ok), ok).toBeUndefined();
    }
    for (const bad of ['rate(banana)', 'rate(1 minutes)', 'rate(5 minute)', 'rate(0 hours)', 'cron(0 8 * * ?)', 'at(tomorrow)', 'daily']) {
      expect(scheduleExpressionProblem(bad), bad).toBeDefined();
    }
  });
});
