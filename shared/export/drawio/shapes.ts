import type { KindId } from '../../catalog';

/**
 * Every `mxgraph.aws4.*` name the draw.io export uses, spelled as draw.io's AWS 2019+ library
 * defines them: the palette file Sidebar-AWS4.js of jgraph/drawio
 * (src/main/webapp/js/diagramly/sidebar/Sidebar-AWS4.js), where each entry is written as
 * `shape=mxgraph.aws4.<name>`, `resIcon=' + gn + '.<name>` or `grIcon=' + gn + '.<name>`
 * (gn = 'mxgraph.aws4'). The palettes each name comes from are noted; a name added here must
 * be checked against that file, since draw.io draws a blank box for a name it does not know.
 */
export const AWS4_SHAPE_NAMES = [
  // The shapes that frame the icons (mxAWS4.js registers them; every palette uses them).
  'resourceIcon',
  'group',
  'groupCenter',
  // AWS / Groups
  'group_region',
  'group_vpc2',
  'group_security_group',
  'group_auto_scaling_group',
  'group_on_premise',
  // AWS / Containers
  'ecr',
  'ecs',
  'eks',
  'fargate',
  'container_registry_image',
  'container_1',
  'ecs_service',
  'ecs_task',
  // AWS / Compute
  'auto_scaling2',
  'auto_scaling3',
  // AWS / Network & Content Delivery
  'application_load_balancer',
  'network_load_balancer',
  'classic_load_balancer',
  'nat_gateway',
  'endpoints',
  // AWS / Storage
  'elastic_file_system',
  // AWS / General Resources
  'users',
] as const;

export type Aws4ShapeName = (typeof AWS4_SHAPE_NAMES)[number];

/** The prefix draw.io's AWS 2019+ shapes share. */
export const AWS4 = 'mxgraph.aws4';

/**
 * How a kind is drawn in draw.io:
 * - `service`: an AWS service icon in its coloured square (`shape=mxgraph.aws4.resourceIcon;resIcon=…`),
 * - `resource`: a resource icon drawn on its own (`shape=mxgraph.aws4.<name>`),
 * - `group`: a container with the icon in its top-left corner (`shape=mxgraph.aws4.group;grIcon=…`),
 *   `centred` for the groups draw.io titles in the middle (Auto Scaling groups),
 * - `plainGroup`: a container draw.io's library draws as a plain rectangle, without a shape.
 * Stowage's own icon for the kind picks which: a service icon there is a service icon here.
 */
export type DrawioLook =
  | { readonly service: Aws4ShapeName }
  | { readonly resource: Aws4ShapeName }
  | { readonly group: Aws4ShapeName; readonly centred?: true }
  | { readonly plainGroup: string };

/** The draw.io look of every kind; `Record<KindId, …>`, so a new kind does not compile until it has one. */
export const DRAWIO_LOOKS: Record<KindId, DrawioLook> = {
  region: { group: 'group_region' },
  vpc: { group: 'group_vpc2' },
  'availability-zone': { plainGroup: "draw.io's AWS library draws an Availability Zone as a dashed rectangle with no shape of its own" },
  // draw.io's public and private subnets are the same shape in the subnet's colour.
  subnet: { group: 'group_security_group' },
  'nat-gateway': { resource: 'nat_gateway' },
  'vpc-endpoint': { resource: 'endpoints' },
  internet: { resource: 'users' },
  'ecr-repository': { service: 'ecr' },
  'dockerhub-image': { resource: 'container_registry_image' },
  'ecs-cluster': { group: 'ecs' },
  'ecs-fargate-capacity': { group: 'fargate' },
  'ecs-ec2-capacity': { group: 'group_auto_scaling_group', centred: true },
  'ecs-external-capacity': { group: 'group_on_premise' },
  'ecs-service': { resource: 'ecs_service' },
  'ecs-task': { resource: 'ecs_task' },
  'eks-cluster': { group: 'eks' },
  'eks-fargate-profile': { group: 'fargate' },
  'eks-managed-node-group': { group: 'group_auto_scaling_group', centred: true },
  'eks-self-managed-nodes': { group: 'group_auto_scaling_group', centred: true },
  'eks-workload': { resource: 'container_1' },
  alb: { resource: 'application_load_balancer' },
  nlb: { resource: 'network_load_balancer' },
  clb: { resource: 'classic_load_balancer' },
  efs: { service: 'elastic_file_system' },
  'ec2-auto-scaling': { service: 'auto_scaling2' },
  'service-auto-scaling': { service: 'auto_scaling3' },
};
