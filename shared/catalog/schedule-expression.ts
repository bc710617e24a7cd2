/**
 * EventBridge schedule expressions as EventBridge takes them (the CDK and CloudFormation pass
 * them on; a wrong one fails at synth or deploy): rate(1 minute) / rate(5 minutes) with the unit
 * singular for 1 and plural otherwise, cron() with six fields, or at(yyyy-mm-ddThh:mm:ss).
 * Returns why the expression is refused, or undefined when it is fine (empty: no schedule).
 */
export function scheduleExpressionProblem(expression: string): string | undefined {
  if (expression === '') return undefined;
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const count = Number(rate[1]);
    const plural = rate[2]!.endsWith('s');
    if (count < 1) return 'A rate needs a value of at least 1, such as rate(1 hour).';
    if (count === 1 && plural) return `Write the unit of rate(1 …) in the singular: rate(1 ${rate[2]!.slice(0, -1)}).`;
    if (count > 1 && !plural) return `Write the unit in the plural: rate(${count} ${rate[2]}s).`;
    return undefined;
  }
  if (/^rate\(/.test(expression)) return 'A rate is a whole number and minutes, hours or days, such as rate(5 minutes).';
  if (/^cron\(\S+( \S+){5}\)$/.test(expression)) return undefined;
  if (/^cron\(/.test(expression))
    return 'A cron expression has six fields: minutes hours day-of-month month day-of-week year, such as cron(0 8 * * ? *).';
  if (/^at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)$/.test(expression)) return undefined;
  return 'Use rate(5 minutes), cron(0 8 * * ? *) or at(2030-01-01T08:00:00).';
}
