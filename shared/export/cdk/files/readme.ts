import { markdownText } from '../literal';

/** What the README needs to know about the generated app. All strings are ids or generator text unless noted. */
export interface ReadmeFacts {
  /** Diagram title and description: user text, escaped here. */
  title: string;
  description: string;
  packageName: string;
  hasDiagram: boolean;
  regions: {
    region?: string;
    repositories?: { id: string; file: string };
    stacks: { id: string; file: string; description: string }[];
  }[];
  counts: { label: string; count: number }[];
  parameters: { stack: string; name: string; purpose: string }[];
  hasEks: boolean;
  hasRepositories: boolean;
  dockerHubSecrets: boolean;
  pullThroughCache: boolean;
  onDemandTasks: boolean;
  externalCapacity: boolean;
  /** A construct to explain the naming with: its variable, kind label and element id. */
  example?: { variable: string; kind: string; id: string };
  /** The cost and load sections (files/cost-readme.ts), Markdown lines. */
  costSection: string[];
  /** Problems the rules found that the export carries as TODO(stowage) comments. */
  problems: number;
  forced: boolean;
}

export function readme(facts: ReadmeFacts): string {
  const out: string[] = [];
  out.push(`# ${facts.title.trim() ? markdownText(facts.title.trim()) : 'Stowage diagram'}`, '');
  if (facts.description.trim()) out.push(markdownText(facts.description.trim()), '');
  out.push(
    'An AWS CDK app that Stowage generated from a diagram. It is a starting point:',
    'read it, run it through `cdk diff`, and change what your workloads need before you deploy.',
    '',
  );
  if (facts.hasDiagram) out.push('![The diagram this app was generated from](diagram.svg)', '');
  if (facts.problems > 0) {
    out.push(
      `> **${facts.problems} ${facts.problems === 1 ? 'problem' : 'problems'} found in the diagram.** ${
        facts.forced ? 'It was exported anyway, as asked.' : ''
      } Each one is a \`TODO(stowage)\` comment next to the construct it concerns, and \`cdk synth\` lists it as a warning.`,
      '',
    );
  }

  out.push('## What is in it', '');
  for (const region of facts.regions) {
    if (region.repositories) {
      out.push(
        `- \`${region.repositories.id}\` (\`${region.repositories.file}\`): the ECR repositories${region.region ? ` in ${region.region}` : ''}, in a stack of their own so you can push images before any service starts.`,
      );
    }
    for (const stack of region.stacks) {
      out.push(`- \`${stack.id}\` (\`${stack.file}\`): ${stack.description.charAt(0).toLowerCase()}${stack.description.slice(1)}`);
    }
  }
  if (!facts.regions.some((region) => region.region))
    out.push('', 'The diagram places nothing in a Region: the stacks deploy to the Region of your AWS profile.');
  if (facts.counts.length > 0) {
    out.push('', facts.counts.map(({ label, count }) => `${count} × ${label}`).join(' · '));
  }
  const example = facts.example ?? { variable: 'ecsServiceNK3x9q2mf', kind: 'ECS service', id: 'n-k3x9q2mf' };
  out.push(
    '',
    `Construct ids and variable names come from the ids of the diagram elements (\`${example.variable}\` is the ${example.kind}`,
    `with id \`${example.id}\`); each construct carries its diagram label as its \`Name\` tag${
      facts.hasEks ? ', and each Kubernetes workload as its `stowage/label` annotation' : ''
    }.`,
    '',
  );

  out.push(...facts.costSection);

  out.push('## Deploy', '', '```sh', 'npm install', 'npx cdk bootstrap          # once per account and Region');
  if (facts.hasRepositories) {
    const ids = facts.regions.flatMap((region) => (region.repositories ? [region.repositories.id] : []));
    out.push(`npx cdk deploy ${ids.join(' ')}`, '# push your images (see below), then:');
  }
  out.push(`npx cdk deploy --all${facts.parameters.length > 0 ? ' --parameters …   # see Parameters' : ''}`, '```', '');
  if (facts.hasRepositories) {
    out.push(
      'Services pull their images when they start, so push them to the new repositories first:',
      '',
      '```sh',
      'aws ecr get-login-password | docker login --username AWS --password-stdin <account>.dkr.ecr.<region>.amazonaws.com',
      'docker tag my-image <repository URI from the stack outputs>:<tag>',
      'docker push <repository URI from the stack outputs>:<tag>',
      '```',
      '',
    );
  }
  if (facts.parameters.length > 0) {
    out.push('### Parameters', '', 'Pass these with `--parameters <Stack>:<Name>=<value>`:', '');
    for (const parameter of facts.parameters) out.push(`- \`${parameter.stack}:${parameter.name}\`: ${parameter.purpose}`);
    out.push('');
  }
  if (facts.hasEks) {
    out.push(
      '### Kubernetes access',
      '',
      'The kubectl handler applies the manifests; to use kubectl yourself, grant your IAM principal cluster admin when you deploy,',
      'then point kubectl at the cluster (its name is a stack output):',
      '',
      '```sh',
      'npx cdk deploy --all -c eksAdminPrincipalArn=arn:aws:iam::<account>:role/<your role>',
      'aws eks update-kubeconfig --name <cluster name> --region <region>',
      '```',
      '',
    );
  }
  if (facts.onDemandTasks) {
    out.push(
      '### On-demand tasks',
      '',
      'Tasks without a schedule are only defined. Run one with the task definition and security group from the stack outputs:',
      '',
      '```sh',
      'aws ecs run-task --cluster <cluster> --task-definition <task definition ARN> --launch-type FARGATE \\',
      '  --network-configuration "awsvpcConfiguration={subnets=[<subnet id>],securityGroups=[<security group id>]}"',
      '```',
      '',
    );
  }
  if (facts.externalCapacity) {
    out.push(
      '### ECS Anywhere',
      '',
      'External capacity is your own servers: create an SSM activation and run the ECS Anywhere install script on each',
      '(<https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere-registration.html>).',
      '',
    );
  }

  out.push('## Review before you deploy', '');
  out.push(
    '- **Security groups.** Internet-facing load balancers accept their listener ports from anywhere; internal ones from the VPC range.',
    '  Services accept traffic from their load balancers, and file systems NFS from the tasks that mount them. Tighten what your setup needs.',
    '- **Image tags.** Services run the tags drawn in the diagram. Prefer immutable version tags over `latest`, and pin what you deploy.',
  );
  if (facts.dockerHubSecrets || facts.pullThroughCache) {
    out.push(
      '- **Secrets.** Docker Hub credentials are read from Secrets Manager; the secrets must exist (a JSON object with `username` and `password`)' +
        (facts.pullThroughCache ? ', and the pull-through cache secret must be named `ecr-pullthroughcache/…`.' : '.'),
    );
  }
  out.push(
    '- **Network.** `ec2.Vpc` builds every subnet group in every Availability Zone and allocates subnet ranges itself, so the CIDRs',
    '  drawn for individual subnets are not reproduced. Where the diagram names the zones (us-east-1a …), the VPC uses exactly',
    '  those, and the CDK CLI checks them against your account (cached in cdk.context.json). NAT gateways cost money by the hour.',
    "- **Sizes and counts.** CPU, memory, instance types and task and node counts are the diagram's; check them against real load.",
    "- **Data.** ECR repositories and EFS file systems are kept when a stack is deleted (CDK's default removal policy for them).",
  );
  if (facts.hasEks) {
    out.push('- **Kubernetes.** The workloads are plain manifests in the stack; move them to Helm or GitOps when they grow.');
  }
  out.push('');

  out.push(
    '## Useful commands',
    '',
    '- `npm run typecheck`: type-check the app',
    '- `npx cdk synth`: print the CloudFormation templates',
    '- `npx cdk diff`: compare with what is deployed',
    '- `npx cdk deploy --all`: deploy every stack',
    '',
  );
  return out.join('\n');
}
