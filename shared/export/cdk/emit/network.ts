import { networkKinds, networkRoleOf, propsOf, type NetworkRole } from '../../../catalog';
import type { DiagramNode } from '../../../document/schema';
import type { VPC_ENDPOINT_SERVICES } from '../../../catalog/kinds/vpc-endpoint';
import { arr, call, expr, newCall, obj, props } from '../code';
import type { EmitContext, VpcRef } from '../context';
import { defineEmitter } from '../emitter';
import { MODULES } from '../stack-builder';

const ENDPOINT_KINDS = networkKinds('vpc-endpoint');
/** What ec2.Vpc builds from the diagram's structure. */
const VPC_PARTS: readonly NetworkRole[] = ['subnet', 'availability-zone', 'nat-gateway'];

/** The CDK name of each endpoint service the catalog offers. */
const ENDPOINT_SERVICES: Record<(typeof VPC_ENDPOINT_SERVICES)[number], { gateway: boolean; member: string }> = {
  'ecr.api': { gateway: false, member: 'ECR' },
  'ecr.dkr': { gateway: false, member: 'ECR_DOCKER' },
  s3: { gateway: true, member: 'S3' },
  logs: { gateway: false, member: 'CLOUDWATCH_LOGS' },
  secretsmanager: { gateway: false, member: 'SECRETS_MANAGER' },
  ssm: { gateway: false, member: 'SSM' },
  sts: { gateway: false, member: 'STS' },
  elasticfilesystem: { gateway: false, member: 'ELASTIC_FILESYSTEM' },
  ecs: { gateway: false, member: 'ECS' },
  'ecs-agent': { gateway: false, member: 'ECS_AGENT' },
  'ecs-telemetry': { gateway: false, member: 'ECS_TELEMETRY' },
  eks: { gateway: false, member: 'EKS' },
  elasticloadbalancing: { gateway: false, member: 'ELASTIC_LOAD_BALANCING' },
  autoscaling: { gateway: false, member: 'AUTOSCALING' },
};

export function emitVpcs(ctx: EmitContext): void {
  const ref = ctx.vpc;
  if (!ref) return;
  ctx.b.section('Network');
  if (ref.layout.node) emitDiagramVpc(ctx, ref, ref.layout.node);
  else emitDefaultVpc(ctx, ref);
}

function emitDefaultVpc(ctx: EmitContext, ref: VpcRef): void {
  const ec2 = ctx.b.use(MODULES.ec2);
  ctx.b.blank();
  ctx.b.comment('Some resources are drawn outside any VPC: they get this one, with public and private');
  ctx.b.comment('subnets in two Availability Zones and one NAT gateway for outbound traffic.');
  ctx.b.declare(
    ref.variable,
    newCall(`${ec2}.Vpc`, expr('this'), ctx.b.constructIds.unique('Vpc'), props({ maxAzs: ref.layout.azCount, natGateways: 1 })),
  );
}

function emitDiagramVpc(ctx: EmitContext, ref: VpcRef, node: DiagramNode): void {
  const ec2 = ctx.b.use(MODULES.ec2);
  const { layout } = ref;
  ctx.header(node);
  // Subnets, AZs and NAT gateways become part of the VPC: their problems are noted here.
  for (const part of ctx.model.index.descendants(node.id)) {
    const role = networkRoleOf(part);
    if (role && VPC_PARTS.includes(role)) ctx.notes.writeFor(part.id, ctx.b, { primaryOnly: true });
  }
  if (layout.groups.length === 0) ctx.b.comment("The diagram draws no subnets here: CDK's default public and private subnets.");
  if (layout.masksDropped) ctx.b.comment('The subnet sizes drawn do not fit the VPC range, so CDK sizes the subnets.');
  if (layout.privateNatGateways > 0) ctx.b.comment('Private NAT gateways are not generated: ec2.Vpc creates public NAT gateways only.');
  const subnetConfiguration = layout.groups.map((group) =>
    obj({
      name: group.name,
      subnetType: expr(`${ec2}.SubnetType.${group.access === 'public' ? 'PUBLIC' : layout.privateSubnetType}`),
      cidrMask: group.cidrMask,
      mapPublicIpOnLaunch: group.mapPublicIpOnLaunch === false ? false : undefined,
    }),
  );
  ctx.b.declare(
    ref.variable,
    newCall(
      `${ec2}.Vpc`,
      expr('this'),
      ctx.constructId(node),
      props({
        ipAddresses: layout.cidr ? call(`${ec2}.IpAddresses.cidr`, layout.cidr) : undefined,
        ipProtocol: layout.dualStack ? expr(`${ec2}.IpProtocol.DUAL_STACK`) : undefined,
        availabilityZones: layout.azNames ? arr(layout.azNames) : undefined,
        maxAzs: layout.azNames ? undefined : layout.azCount,
        natGateways: layout.natGateways,
        subnetConfiguration: subnetConfiguration.length > 0 ? arr(subnetConfiguration) : undefined,
        enableDnsSupport: layout.dnsSupport ? undefined : false,
        enableDnsHostnames: layout.dnsHostnames ? undefined : false,
      }),
    ),
  );
  ctx.nameTag(ref.variable, node);
  emitEndpoints(ctx, ref, node);
}

function emitEndpoints(ctx: EmitContext, ref: VpcRef, vpcNode: DiagramNode): void {
  const ec2 = ctx.b.use(MODULES.ec2);
  const seen = new Set<string>();
  const inVpc = new Set(ctx.model.nodesInVpc(vpcNode.id, ...ENDPOINT_KINDS));
  for (const endpoint of ENDPOINT_KINDS.flatMap((kind) => ctx.model.nodesOfKind(kind)).filter((node) => inVpc.has(node))) {
    const service = propsOf(endpoint).service;
    const spec = ENDPOINT_SERVICES[service];
    ctx.header(endpoint);
    if (seen.has(service)) {
      ctx.b.comment('This VPC already has an endpoint for the same service; a second one is not generated.');
      continue;
    }
    seen.add(service);
    const variable = ctx.variable(endpoint);
    const constructId = ctx.constructId(endpoint);
    if (spec.gateway) {
      ctx.b.declare(
        variable,
        call(
          `${ref.variable}.addGatewayEndpoint`,
          constructId,
          props({ service: expr(`${ec2}.GatewayVpcEndpointAwsService.${spec.member}`) }),
        ),
      );
    } else {
      const place = ref.layout.places.get(ctx.model.subnetAround(endpoint.id)?.id ?? '');
      ctx.b.declare(
        variable,
        call(
          `${ref.variable}.addInterfaceEndpoint`,
          constructId,
          props({
            service: expr(`${ec2}.InterfaceVpcEndpointAwsService.${spec.member}`),
            // Interface endpoints belong in every AZ of the subnet group the diagram draws them in.
            subnets: place ? obj({ subnetGroupName: place.group }) : undefined,
          }),
        ),
      );
    }
    ctx.nameTag(variable, endpoint);
  }
}

export const networkEmitter = defineEmitter({
  id: 'network',
  stack: 'workload',
  order: 1,
  kinds: {
    vpc: { creates: ['ec2.Vpc'], readme: { counted: true, example: 5 } },
    'availability-zone': { creates: ['availabilityZones'] },
    subnet: { creates: ['subnetConfiguration'] },
    'nat-gateway': { creates: ['natGateways'] },
    'vpc-endpoint': { creates: ['InterfaceVpcEndpointAwsService'] },
  },
  emit: (ctx) => emitVpcs(ctx),
});
