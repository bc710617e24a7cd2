import { z } from 'zod';

/** What `stowage validate --format json` writes (validate.ts, toJson), read back by tests. */
const ValidateReport = z.strictObject({
  findings: z.array(
    z.strictObject({
      ruleId: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      message: z.string(),
      nodeIds: z.array(z.string()),
      edgeIds: z.array(z.string()),
      docUrl: z.string(),
    }),
  ),
});

export function validateReport(text: string): z.infer<typeof ValidateReport> {
  return ValidateReport.parse(JSON.parse(text));
}
