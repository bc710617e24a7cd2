import { propsOf } from '../../../../catalog';
import { parseLabels } from '../../../../model/compute';
import { arr, call, expr, obj, objFromPairs, type Code } from '../../code';
import type { EmitContext } from '../../context';
import type { EksWorkloadPlan } from '../../plan/eks';
import { imageOf, placeholderImage } from '../images';
import { dependOnController, emitLoadBalancerServices, serviceObject } from './load-balancers';
import { NAME_LABEL, type ClusterScope } from './scope';
import { ebsStorageClass, emitEfsVolumes } from './storage';

/** Kubernetes workloads as manifests: their namespaces, the Deployment, StatefulSet or DaemonSet, and its volumes. */

const LABEL_ANNOTATION = 'stowage/label';

/** Namespace manifests for the namespaces the workloads use, other than default and kube-system. */
export function emitNamespaces(ctx: EmitContext, scope: ClusterScope): void {
  const { namespaces, node: cluster } = scope.plan;
  if (namespaces.length === 0) return;
  ctx.b.blank();
  ctx.b.comment('Namespaces of the workloads below.');
  namespaces.forEach((namespace, index) => {
    const variable = ctx.variable(cluster, `Namespace${index + 1}`);
    ctx.b.declare(
      variable,
      call(
        `${scope.variable}.addManifest`,
        ctx.constructId(cluster, `Namespace${index + 1}`),
        obj({ apiVersion: 'v1', kind: 'Namespace', metadata: obj({ name: namespace.name }) }),
      ),
    );
    ctx.declared.declare(namespace.construct, variable);
  });
}

export function emitWorkload(ctx: EmitContext, scope: ClusterScope, plan: EksWorkloadPlan): void {
  const workload = plan.node;
  const settings = propsOf(workload);
  ctx.header(workload, settings.workloadType);
  const { name, compute } = plan;
  const namespace = settings.namespace;
  const image = imageOf(ctx, workload);
  if (image) ctx.notes.writeFor(image.node.id, ctx.b, { primaryOnly: true });
  if (!image) ctx.b.comment('The diagram connects no image to these pods: a public placeholder to replace.');
  else if (image.ref.hasCredentials)
    ctx.b.comment('Pods pull from Docker Hub anonymously here: add an image pull secret for your credentials.');
  const imageRef = image?.ref ?? placeholderImage(ctx);
  const selectorLabels = objFromPairs([[NAME_LABEL, plan.selector]]);
  // The drawn labels as they are (a Fargate profile may select on any of them), with the one Services select by.
  const podLabels = new Map<string, Code>(parseLabels(settings.labels));
  podLabels.set(NAME_LABEL, plan.selector);

  const nodeSelector = new Map<string, Code>([
    ['kubernetes.io/os', settings.operatingSystem],
    ['kubernetes.io/arch', settings.cpuArchitecture],
  ]);
  if (plan.nodeGroup)
    nodeSelector.set('eks.amazonaws.com/nodegroup', expr(`${ctx.declared.variable(plan.nodeGroup.construct)}.nodegroupName`));

  const volumes: Code[] = [];
  const volumeMounts: Code[] = [];
  const extraObjects: Code[] = [];
  emitEfsVolumes(ctx, scope, plan, namespace, volumes, volumeMounts, extraObjects);
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
    objects.push(
      serviceObject(`${name}-headless`, namespace, plan.selector, { clusterIP: 'None', ports: portsFor(settings.containerPort) }),
    );
  }
  const usesController = emitLoadBalancerServices(
    ctx,
    workload,
    { name, selector: plan.selector },
    namespace,
    settings.containerPort,
    compute.onFargate,
    objects,
  );

  const variable = ctx.variable(workload);
  ctx.b.declare(variable, call(`${scope.variable}.addManifest`, ctx.constructId(workload), ...objects));
  ctx.declared.declare(plan.manifest, variable);
  if (plan.namespace) ctx.b.statement(call(`${variable}.node.addDependency`, expr(ctx.declared.variable(plan.namespace.construct))));
  if (usesController && scope.plan.albController) dependOnController(ctx, scope, variable);
}

export function portsFor(containerPort: number): Code {
  return arr(containerPort > 0 ? [obj({ port: containerPort, targetPort: containerPort, protocol: 'TCP' })] : []);
}
