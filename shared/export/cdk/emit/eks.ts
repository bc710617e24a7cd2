import {
  isKubernetesWorkload,
  type KubernetesWorkloadKindId,
  type NodeOfKind,
  eksCluster as eksClusterKind,
  eksFargateProfile,
  eksManagedNodeGroup,
  eksSelfManagedNodes,
  eksWorkload as eksWorkloadKind,
  alb as albKind,
  nlb as nlbKind,
  clb as clbKind,
} from '../../../catalog';
import type { EKS_AMI_TYPES } from '../../../catalog/kinds/eks-managed-node-group';
import type { DiagramEdge, DiagramNode } from '../../../document/schema';
import { parseLabels, resolveEksCompute } from '../../../model/compute';
import { arr, call, expr, newCall, obj, objFromPairs, props, type Code } from '../code';
import type { EmitContext } from '../context';
import { tsString } from '../literal';
import { kubernetesName, Names } from '../names';
import { propsOf } from '../props';
import { imageOf, placeholderImage } from './images';
import { certificateParameter, isCatchAll, routeProps, type AlbRoute, type ClbRoute, type NlbRoute } from './load-balancers';
import { emitAsgScaling } from './scaling';
import { emitAccessPoint, mountProps } from './storage';
import { defineEmitter } from '../emitter';
import { MODULES } from '../stack-builder';

/**
 * Amazon EKS with aws-eks-v2 (a native AWS::EKS::Cluster): managed node groups, self-managed
 * Bottlerocket nodes, Fargate profiles, and each workload as Kubernetes manifests applied by
 * the kubectl handler, with Services and Ingresses for the load balancers drawn in front of it.
 */

type KubernetesWorkload = NodeOfKind<KubernetesWorkloadKindId>;

const KUBECTL_MINOR = 33;
const ALB_CONTROLLER_VERSION = 'V3_2_2';
const NAME_LABEL = 'app.kubernetes.io/name';
const LABEL_ANNOTATION = 'stowage/label';

const AMI_TYPES: Record<(typeof EKS_AMI_TYPES)[number], string> = {
  AL2023_x86_64_STANDARD: 'AL2023_X86_64_STANDARD',
  AL2023_ARM_64_STANDARD: 'AL2023_ARM_64_STANDARD',
  AL2023_x86_64_NVIDIA: 'AL2023_X86_64_NVIDIA',
  BOTTLEROCKET_x86_64: 'BOTTLEROCKET_X86_64',
  BOTTLEROCKET_ARM_64: 'BOTTLEROCKET_ARM_64',
  WINDOWS_CORE_2022_x86_64: 'WINDOWS_CORE_2022_X86_64',
  WINDOWS_FULL_2022_x86_64: 'WINDOWS_FULL_2022_X86_64',
};

interface ClusterScope {
  node: DiagramNode;
  variable: string;
  /** Kubernetes object name of each workload. */
  workloadNames: Map<string, string>;
  albController: boolean;
  /** Node role holders (managed node groups and self-managed groups) for add-on permissions. */
  nodeRoles: string[];
  selfManagedGroups: string[];
  efsDriver?: boolean;
  /** File systems already reachable from the cluster's nodes and pods. */
  nfsOpened: Set<string>;
  ebsStorageClass?: string;
}

export function emitEksClusters(ctx: EmitContext): void {
  const clusters = ctx.nodes('eks-cluster');
  const orphans = ctx.nodes('eks-workload').filter((workload) => !ctx.model.nearest(workload.id, 'eks-cluster'));
  if (clusters.length === 0 && orphans.length === 0) return;
  ctx.b.section('Amazon EKS');
  for (const orphan of orphans) {
    ctx.header(orphan, 'not inside an EKS cluster, so no manifest is generated');
  }
  if (clusters.length > 0) {
    ctx.b.blank();
    ctx.b.comment('Your own kubectl access: npx cdk deploy -c eksAdminPrincipalArn=<ARN of your IAM role or user>');
    const admin = ctx.b.declare(ctx.b.variables.unique('eksAdminPrincipalArn'), call('this.node.tryGetContext', 'eksAdminPrincipalArn'));
    for (const cluster of clusters) emitCluster(ctx, cluster, admin);
  }
}

function emitCluster(ctx: EmitContext, cluster: DiagramNode, adminPrincipal: string): void {
  const eks = ctx.b.use(MODULES.eks);
  const cdk = ctx.b.use(MODULES.cdk);
  const settings = propsOf(eksClusterKind, cluster);
  ctx.header(cluster);
  const vpc = ctx.vpcOf(cluster);
  const children = ctx.model.index.children(cluster.id);
  const nodeGroups = children.filter((child) => child.kind === 'eks-managed-node-group');
  const selfManaged = children.filter((child) => child.kind === 'eks-self-managed-nodes');
  const profiles = children.filter((child) => child.kind === 'eks-fargate-profile');
  const workloads: readonly DiagramNode[] = ctx.model.index.descendants(cluster.id).filter(isKubernetesWorkload);
  const sortedWorkloads = ctx.model.document.nodes.filter((node) => workloads.includes(node)).filter(isKubernetesWorkload);
  const fargateOnly = profiles.length > 0 && nodeGroups.length === 0 && selfManaged.length === 0;
  const autoMode = profiles.length === 0 && nodeGroups.length === 0 && selfManaged.length === 0;
  const needsKubectl = sortedWorkloads.length > 0 || settings.awsLoadBalancerController || fargateOnly;
  const minor = Number(settings.kubernetesVersion.split('.')[1]);
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
  ctx.refs.eksClusters.set(cluster.id, variable);

  const scope: ClusterScope = {
    node: cluster,
    variable,
    workloadNames: new Map(),
    nfsOpened: new Set(),
    albController: settings.awsLoadBalancerController,
    nodeRoles: [],
    selfManagedGroups: [],
  };
  for (const group of nodeGroups) emitNodeGroup(ctx, scope, group, vpc);
  for (const group of selfManaged) emitSelfManaged(ctx, scope, group, vpc);
  for (const profile of profiles) emitFargateProfile(ctx, scope, profile, vpc);
  if (
    fargateOnly &&
    !profiles.some((profile) => propsOf(eksFargateProfile, profile).selectors.some((selector) => selector.namespace === 'kube-system'))
  ) {
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
  const names = new Names();
  for (const workload of sortedWorkloads) scope.workloadNames.set(workload.id, names.unique(kubernetesName('workload', workload.id)));
  emitNamespaces(ctx, scope, sortedWorkloads);
  for (const workload of sortedWorkloads) emitWorkload(ctx, scope, workload);
  emitIngresses(ctx, scope, sortedWorkloads);
}

function emitNodeGroup(ctx: EmitContext, scope: ClusterScope, group: DiagramNode, vpc: ReturnType<EmitContext['vpcOf']>): void {
  const ec2 = ctx.b.use(MODULES.ec2);
  const eks = ctx.b.use(MODULES.eks);
  const settings = propsOf(eksManagedNodeGroup, group);
  ctx.header(group);
  const instanceTypes = settings.instanceTypes.split(',').map((type) => newCall(`${ec2}.InstanceType`, type.trim()));
  const variable = ctx.variable(group);
  ctx.b.declare(
    variable,
    call(
      `${scope.variable}.addNodegroupCapacity`,
      ctx.constructId(group),
      props({
        instanceTypes: arr(instanceTypes),
        amiType: expr(`${eks}.NodegroupAmiType.${AMI_TYPES[settings.amiType]}`),
        capacityType: settings.capacityType === 'SPOT' ? expr(`${eks}.CapacityType.SPOT`) : undefined,
        minSize: settings.minSize,
        maxSize: settings.maxSize,
        desiredSize: settings.desiredSize,
        subnets: ctx.subnetSelection(vpc, ctx.model.subnetsOf(group.id)),
      }),
    ),
  );
  ctx.nameTag(variable, group);
  ctx.refs.nodegroups.set(group.id, variable);
  scope.nodeRoles.push(`${variable}.role`);
  const scalers = ctx.model.sources(group.id, 'scales');
  if (scalers.length > 0) {
    for (const scaler of scalers) ctx.notes.writeFor(scaler.id, ctx.b);
    ctx.b.comment(
      'Managed node groups scale with the Cluster Autoscaler or Karpenter; the EC2 scaling policies drawn here are not generated.',
    );
  }
}

function emitSelfManaged(ctx: EmitContext, scope: ClusterScope, group: DiagramNode, vpc: ReturnType<EmitContext['vpcOf']>): void {
  const ec2 = ctx.b.use(MODULES.ec2);
  const eks = ctx.b.use(MODULES.eks);
  const settings = propsOf(eksSelfManagedNodes, group);
  ctx.header(group);
  if (settings.operatingSystem === 'windows') {
    ctx.b.comment('Windows self-managed nodes are not generated: aws-eks-v2 joins Linux (Bottlerocket) Auto Scaling groups only.');
    return;
  }
  const version = propsOf(eksClusterKind, scope.node).kubernetesVersion;
  const sizes = {
    minCapacity: settings.minSize,
    maxCapacity: settings.maxSize,
    desiredCapacity: settings.desiredCapacity ?? undefined,
  };
  const vpcSubnets = ctx.subnetSelection(vpc, ctx.model.subnetsOf(group.id));
  const variable = ctx.variable(group);
  // Bottlerocket: Amazon Linux 2 EKS AMIs end with Kubernetes 1.32, and AL2023 nodes need nodeadm configuration.
  if (settings.cpuArchitecture === 'amd64') {
    ctx.b.declare(
      variable,
      call(
        `${scope.variable}.addAutoScalingGroupCapacity`,
        ctx.constructId(group),
        props({
          instanceType: newCall(`${ec2}.InstanceType`, settings.instanceType),
          machineImageType: expr(`${eks}.MachineImageType.BOTTLEROCKET`),
          vpcSubnets,
          ...sizes,
        }),
      ),
    );
  } else {
    const autoscaling = ctx.b.use(MODULES.autoscaling);
    ctx.b.declare(
      variable,
      newCall(
        `${autoscaling}.AutoScalingGroup`,
        expr('this'),
        ctx.constructId(group),
        props({
          vpc: expr(vpc.variable),
          vpcSubnets,
          instanceType: newCall(`${ec2}.InstanceType`, settings.instanceType),
          machineImage: call(`${ec2}.MachineImage.fromSsmParameter`, `/aws/service/bottlerocket/aws-k8s-${version}/arm64/latest/image_id`),
          // The cluster writes Bottlerocket's TOML settings; no shell script header.
          userData: call(`${ec2}.UserData.custom`, ''),
          ...sizes,
        }),
      ),
    );
    ctx.b.statement(
      call(
        `${scope.variable}.connectAutoScalingGroupCapacity`,
        expr(variable),
        obj({ machineImageType: expr(`${eks}.MachineImageType.BOTTLEROCKET`) }),
      ),
    );
  }
  // With API authentication, nodes join through an access entry for their role.
  ctx.b.statement(
    newCall(
      `${eks}.AccessEntry`,
      expr('this'),
      ctx.constructId(group, 'AccessEntry'),
      props({
        cluster: expr(scope.variable),
        principal: expr(`${variable}.role.roleArn`),
        accessEntryType: expr(`${eks}.AccessEntryType.EC2_LINUX`),
        accessPolicies: arr([]),
      }),
    ),
  );
  ctx.nameTag(variable, group);
  ctx.refs.autoScalingGroups.set(group.id, variable);
  scope.nodeRoles.push(`${variable}.role`);
  scope.selfManagedGroups.push(variable);
  emitAsgScaling(ctx, group, variable);
}

function emitFargateProfile(ctx: EmitContext, scope: ClusterScope, profile: DiagramNode, vpc: ReturnType<EmitContext['vpcOf']>): void {
  const settings = propsOf(eksFargateProfile, profile);
  ctx.header(profile);
  const subnets = ctx.subnetSelection(vpc, ctx.model.subnetsOf(profile.id));
  const selectors = settings.selectors.map((selector) => {
    const labels = [...parseLabels(selector.labels)];
    return obj({ namespace: selector.namespace, labels: labels.length > 0 ? objFromPairs(labels) : undefined });
  });
  const variable = ctx.variable(profile);
  ctx.b.declare(
    variable,
    call(
      `${scope.variable}.addFargateProfile`,
      ctx.constructId(profile),
      props({
        selectors: arr(selectors),
        // A subnet selection needs the VPC it selects from.
        vpc: subnets ? expr(vpc.variable) : undefined,
        subnetSelection: subnets,
      }),
    ),
  );
  ctx.nameTag(variable, profile);
  ctx.refs.fargateProfiles.set(profile.id, variable);
}

/** Namespace manifests for the namespaces the workloads use, other than default and kube-system. */
function emitNamespaces(ctx: EmitContext, scope: ClusterScope, workloads: readonly KubernetesWorkload[]): void {
  const namespaces: string[] = [];
  for (const workload of workloads) {
    const namespace = propsOf(eksWorkloadKind, workload).namespace;
    if (namespace !== 'default' && namespace !== 'kube-system' && !namespaces.includes(namespace)) namespaces.push(namespace);
  }
  if (namespaces.length === 0) return;
  ctx.b.blank();
  ctx.b.comment('Namespaces of the workloads below.');
  namespaces.forEach((namespace, index) => {
    const variable = ctx.variable(scope.node, `Namespace${index + 1}`);
    ctx.b.declare(
      variable,
      call(
        `${scope.variable}.addManifest`,
        ctx.constructId(scope.node, `Namespace${index + 1}`),
        obj({ apiVersion: 'v1', kind: 'Namespace', metadata: obj({ name: namespace }) }),
      ),
    );
    ctx.refs.namespaces.set(`${scope.node.id}:${namespace}`, variable);
  });
}

function emitWorkload(ctx: EmitContext, scope: ClusterScope, workload: KubernetesWorkload): void {
  const settings = propsOf(eksWorkloadKind, workload);
  ctx.header(workload, settings.workloadType);
  const name = scope.workloadNames.get(workload.id)!;
  const namespace = settings.namespace;
  const compute = resolveEksCompute(ctx.model, workload);
  const image = imageOf(ctx, workload);
  if (image) ctx.notes.writeFor(image.node.id, ctx.b, { primaryOnly: true });
  if (!image) ctx.b.comment('The diagram connects no image to these pods: a public placeholder to replace.');
  else if (image.ref.hasCredentials)
    ctx.b.comment('Pods pull from Docker Hub anonymously here: add an image pull secret for your credentials.');
  const imageRef = image?.ref ?? placeholderImage(ctx);
  const selectorLabels = objFromPairs([[NAME_LABEL, name]]);
  const podLabels = new Map<string, Code>(parseLabels(settings.labels));
  podLabels.set(NAME_LABEL, name);

  const nodeSelector = new Map<string, Code>([
    ['kubernetes.io/os', settings.operatingSystem],
    ['kubernetes.io/arch', settings.cpuArchitecture],
  ]);
  const nodeGroupPlacements = compute.placements.filter((placement) => placement.kind === 'eks-managed-node-group');
  if (!compute.onFargate && nodeGroupPlacements.length === 1) {
    const group = ctx.refs.nodegroups.get(nodeGroupPlacements[0]!.id);
    if (group) nodeSelector.set('eks.amazonaws.com/nodegroup', expr(`${group}.nodegroupName`));
  }

  const volumes: Code[] = [];
  const volumeMounts: Code[] = [];
  const extraObjects: Code[] = [];
  emitEfsVolumes(ctx, scope, workload, namespace, volumes, volumeMounts, extraObjects);
  let volumeClaimTemplates: Code[] | undefined;
  if (settings.ebsVolume) {
    const storageClass = ebsStorageClass(ctx, scope);
    const claim = obj({
      accessModes: arr(['ReadWriteOnce']),
      storageClassName: storageClass,
      resources: obj({ requests: obj({ storage: '10Gi' }) }),
    });
    volumeMounts.push(obj({ name: 'data', mountPath: '/data' }));
    if (settings.workloadType === 'StatefulSet') volumeClaimTemplates = [obj({ metadata: obj({ name: 'data' }), spec: claim })];
    else {
      const claimName = `${name}-data`;
      extraObjects.unshift(
        obj({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: obj({ name: claimName, namespace }), spec: claim }),
      );
      volumes.push(obj({ name: 'data', persistentVolumeClaim: obj({ claimName }) }));
    }
  }

  const resources = obj({
    requests: obj({ cpu: `${settings.cpu}m`, memory: `${settings.memory}Mi` }),
    limits: settings.gpuCount > 0 ? objFromPairs([['nvidia.com/gpu', settings.gpuCount]]) : undefined,
  });
  const container = obj(
    {
      name: 'app',
      image: imageRef.kubernetes,
      ports:
        settings.containerPort > 0
          ? arr([obj({ containerPort: settings.containerPort, hostPort: settings.hostPort > 0 ? settings.hostPort : undefined })])
          : undefined,
      resources,
      securityContext: settings.privileged ? obj({ privileged: true }) : undefined,
      volumeMounts: volumeMounts.length > 0 ? arr(volumeMounts) : undefined,
    },
    { expanded: true },
  );
  const podSpec = obj(
    {
      nodeSelector: objFromPairs(nodeSelector),
      hostNetwork: settings.hostNetwork ? true : undefined,
      containers: arr([container]),
      volumes: volumes.length > 0 ? arr(volumes) : undefined,
    },
    { expanded: true },
  );
  const workloadObject = obj(
    {
      apiVersion: 'apps/v1',
      kind: settings.workloadType,
      metadata: obj(
        {
          name,
          namespace,
          labels: selectorLabels,
          annotations: workload.label ? objFromPairs([[LABEL_ANNOTATION, workload.label]]) : undefined,
        },
        { expanded: true },
      ),
      spec: obj(
        {
          replicas: settings.workloadType === 'DaemonSet' ? undefined : settings.replicas,
          serviceName: settings.workloadType === 'StatefulSet' ? name : undefined,
          selector: obj({ matchLabels: selectorLabels }),
          template: obj({ metadata: obj({ labels: objFromPairs(podLabels) }), spec: podSpec }, { expanded: true }),
          volumeClaimTemplates: volumeClaimTemplates ? arr(volumeClaimTemplates) : undefined,
        },
        { expanded: true },
      ),
    },
    { expanded: true },
  );

  const objects: Code[] = [...extraObjects, workloadObject];
  if (settings.workloadType === 'StatefulSet') {
    // A StatefulSet names its pods through a headless Service.
    objects.push(serviceObject(`${name}-headless`, namespace, name, { clusterIP: 'None', ports: portsFor(settings.containerPort) }));
  }
  const usesController = emitLoadBalancerServices(ctx, workload, name, namespace, settings.containerPort, compute.onFargate, objects);

  const variable = ctx.variable(workload);
  ctx.b.declare(variable, call(`${scope.variable}.addManifest`, ctx.constructId(workload), ...objects));
  ctx.refs.eksWorkloadManifests.set(workload.id, variable);
  const namespaceManifest = ctx.refs.namespaces.get(`${scope.node.id}:${namespace}`);
  if (namespaceManifest) ctx.b.statement(call(`${variable}.node.addDependency`, expr(namespaceManifest)));
  if (usesController && scope.albController) dependOnController(ctx, scope, variable);
}

function portsFor(containerPort: number): Code {
  return arr(containerPort > 0 ? [obj({ port: containerPort, targetPort: containerPort, protocol: 'TCP' })] : []);
}

function serviceObject(
  name: string,
  namespace: string,
  selectorName: string,
  spec: Record<string, Code | undefined>,
  annotations?: Map<string, Code>,
): Code {
  return obj(
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: obj({ name, namespace, annotations: annotations && annotations.size > 0 ? objFromPairs(annotations) : undefined }),
      spec: obj({ ...spec, selector: objFromPairs([[NAME_LABEL, selectorName]]) }, { expanded: true }),
    },
    { expanded: true },
  );
}

/**
 * Services for the load balancers drawn in front of a workload: a backend Service for ALB
 * Ingresses, and a LoadBalancer Service per NLB (through the AWS Load Balancer Controller) or
 * Classic Load Balancer (Kubernetes' built-in cloud provider). Returns whether any of them
 * needs the AWS Load Balancer Controller.
 */
function emitLoadBalancerServices(
  ctx: EmitContext,
  workload: KubernetesWorkload,
  name: string,
  namespace: string,
  containerPort: number,
  onFargate: boolean,
  objects: Code[],
): boolean {
  const routes = ctx.model.edgesTo(workload.id, 'routes-traffic');
  let usesController = false;
  const albRoutes = routes.filter((edge) => ctx.model.node(edge.source)?.kind === 'alb');
  if (albRoutes.length > 0) {
    const first = routeProps<AlbRoute>(albRoutes[0]!, 'alb', 'eks-workload');
    const instance = first.targetType === 'instance';
    const annotations = new Map<string, Code>([
      ['alb.ingress.kubernetes.io/target-type', instance ? 'instance' : 'ip'],
      ['alb.ingress.kubernetes.io/healthcheck-path', first.healthCheckPath],
    ]);
    const port = first.targetPort > 0 ? first.targetPort : containerPort;
    objects.push(
      serviceObject(
        name,
        namespace,
        name,
        { type: instance ? 'NodePort' : 'ClusterIP', ports: arr([obj({ port, targetPort: port, protocol: 'TCP' })]) },
        annotations,
      ),
    );
    usesController = true;
  }
  const byLoadBalancer = new Map<string, DiagramEdge[]>();
  for (const edge of routes) {
    const kind = ctx.model.node(edge.source)?.kind;
    if (kind !== 'nlb' && kind !== 'clb') continue;
    byLoadBalancer.set(edge.source, [...(byLoadBalancer.get(edge.source) ?? []), edge]);
  }
  for (const [lbId, edges] of byLoadBalancer) {
    const loadBalancer = ctx.model.node(lbId)!;
    const annotations = new Map<string, Code>();
    const serviceName = kubernetesName('lb', `${lbId}-${workload.id}`);
    if (loadBalancer.kind === 'nlb') {
      const settings = propsOf(nlbKind, loadBalancer);
      const routesOut = edges.map((edge) => routeProps<NlbRoute>(edge, 'nlb', 'eks-workload'));
      const targetType = routesOut[0]!.targetType === 'instance' && !onFargate ? 'instance' : 'ip';
      annotations.set('service.beta.kubernetes.io/aws-load-balancer-type', 'external');
      annotations.set('service.beta.kubernetes.io/aws-load-balancer-nlb-target-type', targetType);
      annotations.set('service.beta.kubernetes.io/aws-load-balancer-scheme', settings.scheme);
      if (settings.crossZoneLoadBalancing)
        annotations.set('service.beta.kubernetes.io/aws-load-balancer-attributes', 'load_balancing.cross_zone.enabled=true');
      const tls = routesOut.filter((route) => route.protocol === 'TLS');
      if (tls.length > 0) {
        annotations.set(
          'service.beta.kubernetes.io/aws-load-balancer-ssl-cert',
          certificateParameter(ctx, loadBalancer, tls[0]!.listenerPort),
        );
        annotations.set('service.beta.kubernetes.io/aws-load-balancer-ssl-ports', tls.map((route) => String(route.listenerPort)).join(','));
      }
      const ports = routesOut.map((route) =>
        obj({
          name: `port-${route.listenerPort}`,
          port: route.listenerPort,
          targetPort: route.targetPort > 0 ? route.targetPort : containerPort,
          protocol: route.protocol === 'UDP' ? 'UDP' : 'TCP',
        }),
      );
      objects.push(serviceObject(serviceName, namespace, name, { type: 'LoadBalancer', ports: arr(ports) }, annotations));
      usesController = true;
    } else {
      const settings = propsOf(clbKind, loadBalancer);
      const routesOut = edges.map((edge) => routeProps<ClbRoute>(edge, 'clb', 'eks-workload'));
      if (settings.scheme === 'internal') annotations.set('service.beta.kubernetes.io/aws-load-balancer-internal', 'true');
      if (settings.crossZoneLoadBalancing)
        annotations.set('service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled', 'true');
      const secure = routesOut.filter((route) => route.protocol === 'HTTPS' || route.protocol === 'SSL');
      if (secure.length > 0) {
        annotations.set(
          'service.beta.kubernetes.io/aws-load-balancer-ssl-cert',
          certificateParameter(ctx, loadBalancer, secure[0]!.listenerPort),
        );
        annotations.set(
          'service.beta.kubernetes.io/aws-load-balancer-ssl-ports',
          secure.map((route) => String(route.listenerPort)).join(','),
        );
      }
      if (routesOut.some((route) => route.protocol === 'HTTP' || route.protocol === 'HTTPS')) {
        annotations.set('service.beta.kubernetes.io/aws-load-balancer-backend-protocol', 'http');
      }
      const ports = routesOut.map((route) =>
        obj({
          name: `port-${route.listenerPort}`,
          port: route.listenerPort,
          targetPort: route.targetPort > 0 ? route.targetPort : containerPort,
          protocol: 'TCP',
        }),
      );
      ctx.b.comment('The Classic Load Balancer comes from the Service below (Kubernetes built-in cloud provider).');
      objects.push(serviceObject(serviceName, namespace, name, { type: 'LoadBalancer', ports: arr(ports) }, annotations));
    }
  }
  return usesController;
}

/** One Ingress per ALB and namespace, grouped so that they share the one load balancer the diagram draws. */
function emitIngresses(ctx: EmitContext, scope: ClusterScope, workloads: readonly KubernetesWorkload[]): void {
  const ingresses = new Map<
    string,
    { loadBalancer: DiagramNode; namespace: string; routes: { edge: DiagramEdge; workload: DiagramNode }[] }
  >();
  for (const workload of workloads) {
    const namespace = propsOf(eksWorkloadKind, workload).namespace;
    for (const edge of ctx.model.edgesTo(workload.id, 'routes-traffic')) {
      const loadBalancer = ctx.model.node(edge.source);
      if (loadBalancer?.kind !== 'alb') continue;
      const key = `${loadBalancer.id}|${namespace}`;
      const entry = ingresses.get(key) ?? { loadBalancer, namespace, routes: [] };
      entry.routes.push({ edge, workload });
      ingresses.set(key, entry);
    }
  }
  for (const { loadBalancer, namespace, routes } of ingresses.values()) {
    ctx.header(loadBalancer, 'an Ingress for the AWS Load Balancer Controller');
    const settings = propsOf(albKind, loadBalancer);
    const group = kubernetesName('alb', loadBalancer.id);
    const listen: string[] = [];
    const annotations = new Map<string, Code>([
      ['alb.ingress.kubernetes.io/scheme', settings.scheme],
      ['alb.ingress.kubernetes.io/group.name', group],
    ]);
    const paths: Code[] = [];
    let certificate: Code | undefined;
    for (const { edge, workload } of routes) {
      const route = routeProps<AlbRoute>(edge, 'alb', 'eks-workload');
      const entry = `{"${route.protocol}":${route.listenerPort}}`;
      if (!listen.includes(entry)) listen.push(entry);
      if (route.protocol === 'HTTPS' && !certificate) certificate = certificateParameter(ctx, loadBalancer, route.listenerPort);
      const workloadSettings = propsOf(eksWorkloadKind, workload);
      const port = route.targetPort > 0 ? route.targetPort : workloadSettings.containerPort;
      const { path, pathType } = ingressPath(route.pathPattern);
      paths.push(
        obj({
          path,
          pathType,
          backend: obj({ service: obj({ name: scope.workloadNames.get(workload.id)!, port: obj({ number: port }) }) }),
        }),
      );
    }
    annotations.set('alb.ingress.kubernetes.io/listen-ports', `[${listen.join(',')}]`);
    if (settings.ipAddressType === 'dualstack') annotations.set('alb.ingress.kubernetes.io/ip-address-type', 'dualstack');
    if (certificate) annotations.set('alb.ingress.kubernetes.io/certificate-arn', certificate);
    const ingress = obj(
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: obj(
          { name: kubernetesName('ingress', loadBalancer.id), namespace, annotations: objFromPairs(annotations) },
          { expanded: true },
        ),
        spec: obj({ ingressClassName: 'alb', rules: arr([obj({ http: obj({ paths: arr(paths) }) })]) }, { expanded: true }),
      },
      { expanded: true },
    );
    const variable = ctx.variable(loadBalancer, 'Ingress');
    ctx.b.declare(variable, call(`${scope.variable}.addManifest`, ctx.constructId(loadBalancer, 'Ingress'), ingress));
    for (const { workload } of routes) {
      const manifest = ctx.refs.eksWorkloadManifests.get(workload.id);
      if (manifest) ctx.b.statement(call(`${variable}.node.addDependency`, expr(manifest)));
    }
    if (scope.albController) dependOnController(ctx, scope, variable);
  }
}

/** ALB path patterns as Ingress paths: `/api/*` is the prefix `/api`; other wildcards stay as written. */
function ingressPath(pattern: string): { path: string; pathType: string } {
  if (isCatchAll(pattern)) return { path: '/', pathType: 'Prefix' };
  if (pattern.endsWith('/*') && !/[*?]/.test(pattern.slice(0, -2))) return { path: pattern.slice(0, -2) || '/', pathType: 'Prefix' };
  if (!/[*?]/.test(pattern)) return { path: pattern, pathType: 'Exact' };
  return { path: pattern, pathType: 'ImplementationSpecific' };
}

function dependOnController(ctx: EmitContext, scope: ClusterScope, manifest: string): void {
  ctx.b.lines(`if (${scope.variable}.albController) ${manifest}.node.addDependency(${scope.variable}.albController);`);
}

/** Static EFS volumes (PersistentVolume + claim) through the EFS CSI driver. */
function emitEfsVolumes(
  ctx: EmitContext,
  scope: ClusterScope,
  workload: KubernetesWorkload,
  namespace: string,
  volumes: Code[],
  volumeMounts: Code[],
  objects: Code[],
): void {
  const edges = ctx.model.edgesFrom(workload.id, 'mounts');
  const compute = resolveEksCompute(ctx.model, workload);
  edges.forEach((edge, index) => {
    const fileSystem = ctx.refs.fileSystems.get(edge.target);
    if (!fileSystem) {
      ctx.b.comment('A file system this workload mounts belongs to another stack (another Region or VPC), so it is not mounted.');
      return;
    }
    const mount = mountProps(edge, 'eks-workload');
    if (!compute.onFargate && !scope.efsDriver) {
      const eks = ctx.b.use(MODULES.eks);
      ctx.b.comment('Nodes mount EFS through the EFS CSI driver add-on (Fargate has it built in).');
      ctx.b.statement(
        newCall(
          `${eks}.Addon`,
          expr('this'),
          ctx.constructId(scope.node, 'EfsCsiDriver'),
          obj({ cluster: expr(scope.variable), addonName: 'aws-efs-csi-driver' }),
        ),
      );
      scope.efsDriver = true;
    }
    const accessPoint = mount.accessPoint ? emitAccessPoint(ctx, fileSystem, edge, mount) : undefined;
    let volumeHandle: Code;
    if (accessPoint) volumeHandle = expr(`${fileSystem}.fileSystemId + '::' + ${accessPoint}.accessPointId`);
    else if (mount.rootDirectory !== '/') volumeHandle = expr(`${fileSystem}.fileSystemId + ${tsString(`:${mount.rootDirectory}`)}`);
    else volumeHandle = expr(`${fileSystem}.fileSystemId`);
    if (!scope.nfsOpened.has(fileSystem)) {
      scope.nfsOpened.add(fileSystem);
      ctx.b.statement(call(`${fileSystem}.connections.allowDefaultPortFrom`, expr(scope.variable)));
      for (const group of scope.selfManagedGroups) ctx.b.statement(call(`${fileSystem}.connections.allowDefaultPortFrom`, expr(group)));
    }
    const volumeName = `efs-${index + 1}`;
    const persistentVolume = kubernetesName('efs', `${edge.id}`);
    objects.push(
      obj(
        {
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata: obj({ name: persistentVolume }),
          spec: obj(
            {
              capacity: obj({ storage: '5Gi' }),
              volumeMode: 'Filesystem',
              accessModes: arr(['ReadWriteMany']),
              persistentVolumeReclaimPolicy: 'Retain',
              storageClassName: '',
              mountOptions: mount.transitEncryption ? arr(['tls']) : undefined,
              csi: obj({ driver: 'efs.csi.aws.com', volumeHandle }),
            },
            { expanded: true },
          ),
        },
        { expanded: true },
      ),
      obj(
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: obj({ name: persistentVolume, namespace }),
          spec: obj(
            {
              accessModes: arr(['ReadWriteMany']),
              storageClassName: '',
              volumeName: persistentVolume,
              resources: obj({ requests: obj({ storage: '5Gi' }) }),
            },
            { expanded: true },
          ),
        },
        { expanded: true },
      ),
    );
    volumes.push(obj({ name: volumeName, persistentVolumeClaim: obj({ claimName: persistentVolume }) }));
    volumeMounts.push(obj({ name: volumeName, mountPath: mount.containerPath, readOnly: mount.readOnly ? true : undefined }));
  });
}

/** The EBS CSI driver add-on, its node permissions and a gp3 StorageClass, once per cluster. */
function ebsStorageClass(ctx: EmitContext, scope: ClusterScope): string {
  if (scope.ebsStorageClass) return scope.ebsStorageClass;
  const eks = ctx.b.use(MODULES.eks);
  const iam = ctx.b.use(MODULES.iam);
  ctx.b.comment('EBS volumes come from the EBS CSI driver add-on, which calls EC2 with the node role.');
  ctx.b.statement(
    newCall(
      `${eks}.Addon`,
      expr('this'),
      ctx.constructId(scope.node, 'EbsCsiDriver'),
      obj({ cluster: expr(scope.variable), addonName: 'aws-ebs-csi-driver' }),
    ),
  );
  for (const role of scope.nodeRoles) {
    ctx.b.statement(
      call(`${role}.addManagedPolicy`, call(`${iam}.ManagedPolicy.fromAwsManagedPolicyName`, 'service-role/AmazonEBSCSIDriverPolicy')),
    );
  }
  const storageClass = 'ebs-gp3';
  ctx.b.statement(
    call(
      `${scope.variable}.addManifest`,
      ctx.constructId(scope.node, 'EbsStorageClass'),
      obj(
        {
          apiVersion: 'storage.k8s.io/v1',
          kind: 'StorageClass',
          metadata: obj({ name: storageClass }),
          provisioner: 'ebs.csi.aws.com',
          volumeBindingMode: 'WaitForFirstConsumer',
          parameters: obj({ type: 'gp3', encrypted: 'true' }),
        },
        { expanded: true },
      ),
    ),
  );
  scope.ebsStorageClass = storageClass;
  return storageClass;
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
