import { propsOf } from '../../../../catalog';
import { arr, call, expr, newCall, obj, props } from '../../code';
import type { EmitContext } from '../../context';
import { defineEmitter } from '../../emitter';
import { tsString } from '../../literal';
import { KUBECTL_MINOR, type EksClusterPlan } from '../../plan/eks';
import { MODULES } from '../../stack-builder';
import { emitFargateProfile, emitNodeGroup, emitSelfManaged } from './capacity';
import { emitIngresses } from './load-balancers';
import type { ClusterScope } from './scope';
import { emitNamespaces, emitWorkload } from './workloads';

/**
 * Amazon EKS with aws-eks-v2 (a native AWS::EKS::Cluster), as the plan has it (plan/eks.ts): the
 * cluster, then its capacity (capacity.ts), its workloads as Kubernetes manifests applied by the
 * kubectl handler (workloads.ts, with their volumes in storage.ts), and the Services and
 * Ingresses for the load balancers drawn in front of them (load-balancers.ts).
 */

const ALB_CONTROLLER_VERSION = 'V3_2_2';

export function emitEksClusters(ctx: EmitContext): void {
  const { clusters, orphans } = ctx.plan.eks;
  if (clusters.length === 0 && orphans.length === 0) return;
  ctx.b.section('Amazon EKS');
  for (const orphan of orphans) {
    ctx.header(orphan, 'not inside an EKS cluster, so no manifest is generated');
  }
  if (clusters.length > 0) {
    // Before any construct of the stack: the feature flag holds for the whole stack, whatever cdk.json says.
    ctx.b.addPrologue([
      "// The clusters' IAM OIDC provider is the native AWS::IAM::OIDCProvider, not the deprecated custom resource.",
      `this.node.setContext(${ctx.b.use(MODULES.cdk)}.cx_api.EKS_USE_NATIVE_OIDC_PROVIDER, true);`,
    ]);
    ctx.b.blank();
    ctx.b.comment('Your own kubectl access: npx cdk deploy -c eksAdminPrincipalArn=<ARN of your IAM role or user>');
    const admin = ctx.b.declare(ctx.b.variables.unique('eksAdminPrincipalArn'), call('this.node.tryGetContext', 'eksAdminPrincipalArn'));
    for (const cluster of clusters) emitCluster(ctx, cluster, admin);
  }
}

function emitCluster(ctx: EmitContext, plan: EksClusterPlan, adminPrincipal: string): void {
  const eks = ctx.b.use(MODULES.eks);
  const cdk = ctx.b.use(MODULES.cdk);
  const cluster = plan.node;
  const settings = propsOf(cluster);
  ctx.header(cluster);
  const vpc = ctx.vpcOf(cluster);
  const { fargateOnly, autoMode, needsKubectl, minor } = plan;
  if (Math.abs(minor - KUBECTL_MINOR) > 1 && needsKubectl) {
    ctx.b.comment(
      `kubectl 1.${KUBECTL_MINOR} supports Kubernetes 1.${KUBECTL_MINOR - 1} to 1.${KUBECTL_MINOR + 1}: for ${settings.kubernetesVersion}, use the matching`,
    );
    ctx.b.comment(`@aws-cdk/lambda-layer-kubectl-v${minor} package and its KubectlV${minor}Layer.`);
  }
  if (autoMode) ctx.b.comment('The diagram draws no node groups or Fargate profiles here: EKS Auto Mode provides the nodes.');
  if (fargateOnly) ctx.b.comment('Only Fargate capacity: CoreDNS runs on Fargate too.');
  const variable = ctx.variable(cluster);
  const subnets = ctx.subnetSelection(vpc, ctx.model.subnetsOf(cluster.id), { minAzs: 2 });
  const access = settings.endpointAccess;
  ctx.b.declare(
    variable,
    newCall(
      `${eks}.Cluster`,
      expr('this'),
      ctx.constructId(cluster),
      props({
        version: expr(`${eks}.KubernetesVersion.V1_${minor}`),
        vpc: expr(vpc.variable),
        vpcSubnets: subnets ? arr([subnets]) : undefined,
        endpointAccess: access === 'PUBLIC_AND_PRIVATE' ? undefined : expr(`${eks}.EndpointAccess.${access}`),
        defaultCapacityType: autoMode ? undefined : expr(`${eks}.DefaultCapacityType.NODEGROUP`),
        defaultCapacity: autoMode ? undefined : 0,
        coreDnsComputeType: fargateOnly ? expr(`${eks}.CoreDnsComputeType.FARGATE`) : undefined,
        kubectlProviderOptions: needsKubectl
          ? obj({ kubectlLayer: newCall(ctx.b.useKubectlLayer(), expr('this'), ctx.constructId(cluster, 'KubectlLayer')) })
          : undefined,
        albController: settings.awsLoadBalancerController
          ? obj({ version: expr(`${eks}.AlbControllerVersion.${ALB_CONTROLLER_VERSION}`) })
          : undefined,
      }),
    ),
  );
  ctx.nameTag(variable, cluster);
  ctx.b.lines(`if (${adminPrincipal}) ${variable}.grantClusterAdmin(${tsString('AdminAccess')}, ${adminPrincipal});`);
  ctx.b.statement(
    newCall(`${cdk}.CfnOutput`, expr('this'), ctx.constructId(cluster, 'Name'), obj({ value: expr(`${variable}.clusterName`) })),
  );
  ctx.declared.declare(plan.construct, variable);

  const scope: ClusterScope = { plan, variable, nfsOpened: new Set(), nodeRoles: [], selfManagedGroups: [] };
  for (const group of plan.nodeGroups) emitNodeGroup(ctx, scope, group, vpc);
  for (const group of plan.selfManaged) emitSelfManaged(ctx, scope, group, vpc);
  for (const profile of plan.profiles) emitFargateProfile(ctx, scope, profile, vpc);
  if (plan.kubeSystemProfile) {
    ctx.b.blank();
    ctx.b.comment('CoreDNS and the AWS Load Balancer Controller run in kube-system, which needs a Fargate profile too.');
    ctx.b.statement(
      call(
        `${variable}.addFargateProfile`,
        ctx.constructId(cluster, 'KubeSystemProfile'),
        obj({ selectors: arr([obj({ namespace: 'kube-system' })]) }),
      ),
    );
  }
  emitNamespaces(ctx, scope);
  for (const workload of plan.workloads) emitWorkload(ctx, scope, workload);
  emitIngresses(ctx, scope);
}

export const eksEmitter = defineEmitter({
  id: 'eks',
  stack: 'workload',
  order: 7,
  kinds: {
    'eks-cluster': { creates: ['eks.Cluster'], readme: { counted: true, example: 4 } },
    'eks-managed-node-group': { creates: ['addNodegroupCapacity'] },
    'eks-self-managed-nodes': { creates: ['addAutoScalingGroupCapacity'] },
    'eks-fargate-profile': { creates: ['addFargateProfile'] },
    'eks-workload': { creates: ["kind: 'Deployment'"], readme: { counted: true, example: 2 } },
  },
  emit: (ctx) => emitEksClusters(ctx),
});
