import { propsOf, scheduleExpressionProblem } from '../../catalog';
import { nodeName } from '../support/describe';
import { report, type RuleDefinition } from '../support/define';

export const taskScheduleInvalid: RuleDefinition = {
  id: 'task-schedule-invalid',
  teaches: 'ecs-task',
  category: 'Scaling',
  severity: 'error',
  title: 'Task schedules are expressions EventBridge accepts',
  explanation:
    'A scheduled ECS task runs on an EventBridge schedule: rate(5 minutes) (the unit singular for 1, plural otherwise), cron() with six fields, or at() a time. The inspector refuses other values; this finds them in files written by hand, by other tools or by earlier versions of Stowage, whose CDK app would not synthesize or deploy.',
  docUrl: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html',
  check({ model }) {
    return model.nodesOfKind('ecs-task').flatMap((node) => {
      const { schedule } = propsOf(node);
      const problem = scheduleExpressionProblem(schedule);
      if (problem === undefined) return [];
      return [
        report(taskScheduleInvalid, {
          message: `${nodeName(node)} has the schedule ${schedule}, which EventBridge refuses. ${problem}`,
          nodes: [node],
        }),
      ];
    });
  },
};
