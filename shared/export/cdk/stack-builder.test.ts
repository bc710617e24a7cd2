import { describe, expect, it } from 'vitest';
import { cdkModule, MODULES, StackBuilder } from './stack-builder';

const apprunner = cdkModule('apprunner', 'aws-cdk-lib/aws-apprunner');

describe('StackBuilder modules', () => {
  it('imports the modules the code uses, cdk first and the rest by path, an emitter-own module among them', () => {
    const b = new StackBuilder('TrialStack', 'A trial.');
    b.use(MODULES.ecs);
    b.use(apprunner);
    b.use(MODULES.ec2);
    b.use(MODULES.ecs);
    b.use(MODULES.iam);
    b.lines(`new ${b.use(MODULES.ecs)}.Cluster(this, 'C');`, 'new apprunner.CfnService(this, "S", {});', 'new ec2.Vpc(this, "V");');
    const imports = b
      .render()
      .split('\n')
      .filter((line) => line.startsWith('import'));
    expect(imports).toEqual([
      "import * as cdk from 'aws-cdk-lib';",
      "import * as apprunner from 'aws-cdk-lib/aws-apprunner';",
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "import * as ecs from 'aws-cdk-lib/aws-ecs';",
      "import { Construct } from 'constructs';",
    ]);
  });

  it('leaves out a module an emitter asked for when no code uses it', () => {
    const b = new StackBuilder('TrialStack', 'A trial.');
    b.use(MODULES.appscaling);
    b.lines(`new ${b.use(MODULES.ecs)}.Cluster(this, 'C');`, "// appscaling. is only in a comment: 'appscaling.Schedule'");
    expect(b.render()).not.toContain('aws-applicationautoscaling');
  });

  it('keeps the alias of an emitter-own module from generated variables once it is used', () => {
    const b = new StackBuilder('TrialStack', 'A trial.');
    expect(b.use(apprunner)).toBe('apprunner');
    expect(b.variables.unique('apprunner')).toBe('apprunner2');
    expect(b.variables.unique('ecs')).toBe('ecs2');
  });

  it('refuses a module whose alias a variable already has, and two modules under one alias', () => {
    const b = new StackBuilder('TrialStack', 'A trial.');
    b.variables.unique('apprunner');
    expect(() => b.use(apprunner)).toThrow('The module alias apprunner is already a variable of TrialStack.');
    expect(() => b.use(cdkModule('ecs', 'aws-cdk-lib/aws-ecs-two'))).not.toThrow();
    expect(() => b.use(MODULES.ecs)).toThrow('Two modules want the alias ecs');
  });
});
