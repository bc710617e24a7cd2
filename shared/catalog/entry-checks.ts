import { checkAwsIpv4Block } from '../network/aws-block';
import { scheduleExpressionProblem } from './schedule-expression';

/**
 * Checks a value must pass when someone enters it (the inspector, the CLI's set), beyond what
 * the stored format accepts. A field names its check in `.meta({ entry })`. The file format
 * stays as loose as what earlier versions saved, so every saved diagram still opens; a rule
 * reports stored values that fail the same check (`cidr-block-invalid` for CIDR blocks).
 */
export const ENTRY_CHECKS = {
  /** A VPC's or subnet's IPv4 CIDR block as AWS takes it. */
  'aws-ipv4-block': (value: unknown): string | undefined => {
    if (typeof value !== 'string') return undefined;
    const checked = checkAwsIpv4Block(value);
    return checked.ok ? undefined : checked.message;
  },
  /** An EventBridge schedule expression (a scheduled ECS task): rate(5 minutes), cron(…) with six fields, at(…). */
  'eventbridge-schedule': (value: unknown): string | undefined =>
    typeof value === 'string' ? scheduleExpressionProblem(value) : undefined,
} satisfies Record<string, (value: unknown) => string | undefined>;

export type EntryCheckId = keyof typeof ENTRY_CHECKS;

export function isEntryCheckId(value: unknown): value is EntryCheckId {
  return typeof value === 'string' && Object.hasOwn(ENTRY_CHECKS, value);
}
