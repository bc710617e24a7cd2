import { z } from 'zod';

// The JSON files of a generated CDK app, read through a schema so that tests see typed values.

const PackageManifest = z.object({ name: z.string(), dependencies: z.record(z.string(), z.string()) });
const CdkManifest = z.object({ app: z.string(), context: z.record(z.string(), z.unknown()) });

/** The generated package.json. */
export function packageManifest(text: string): z.infer<typeof PackageManifest> {
  return PackageManifest.parse(JSON.parse(text));
}

/** The generated cdk.json. */
export function cdkManifest(text: string): z.infer<typeof CdkManifest> {
  return CdkManifest.parse(JSON.parse(text));
}

const CloudFormationTemplate = z.looseObject({
  Resources: z.record(z.string(), z.looseObject({ Type: z.string(), Properties: z.record(z.string(), z.unknown()).optional() })),
  Parameters: z.record(z.string(), z.unknown()).optional(),
});
export type CloudFormationTemplate = z.infer<typeof CloudFormationTemplate>;

/** A synthesized CloudFormation template (cdk.out/<stack>.template.json). */
export function cloudFormationTemplate(text: string): CloudFormationTemplate {
  return CloudFormationTemplate.parse(JSON.parse(text));
}
