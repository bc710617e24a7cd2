import {
  addEdges,
  addNodes,
  createDocument,
  createEdge,
  createNode,
  type DiagramDocument,
  type DiagramEdge,
  type DiagramNode,
} from '../shared/document';

/**
 * A realistic diagram of about `targetNodes` nodes for benchmarks: Regions with a VPC, two
 * AZs with public and private subnets, an ECS cluster with Fargate and EC2 capacity full of
 * services, load balancers, ECR repositories, EFS and scaling policies, all wired up.
 * Deterministic: the same count always gives the same document.
 */
export function generateDiagram(targetNodes: number): DiagramDocument {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  let nextId = 0;
  const id = (prefix: 'n' | 'e') => `${prefix}-${(nextId++).toString(36).padStart(6, '0')}`;
  const add = (kind: string, x: number, y: number, parentId?: string, size?: { width: number; height: number }) => {
    const node = createNode(kind, { id: id('n'), position: { x, y }, ...(parentId ? { parentId } : {}), ...(size ? { size } : {}) });
    nodes.push(node);
    return node;
  };
  const connect = (source: DiagramNode, target: DiagramNode) =>
    edges.push(createEdge(id('e'), { source: source.id, target: target.id }, {}));

  const servicesPerCell = 12;
  let cell = 0;
  while (nodes.length < targetNodes) {
    const originX = (cell % 4) * 2000;
    const originY = Math.floor(cell / 4) * 1500;
    cell++;
    const region = add('region', originX, originY, undefined, { width: 1900, height: 1400 });
    const vpc = add('vpc', 40, 60, region.id, { width: 1820, height: 1300 });
    const zoneA = add('availability-zone', 40, 60, vpc.id, { width: 420, height: 560 });
    const zoneB = add('availability-zone', 40, 660, vpc.id, { width: 420, height: 560 });
    const publicA = add('subnet', 20, 50, zoneA.id, { width: 380, height: 220 });
    const privateA = add('subnet', 20, 300, zoneA.id, { width: 380, height: 220 });
    const publicB = add('subnet', 20, 50, zoneB.id, { width: 380, height: 220 });
    add('subnet', 20, 300, zoneB.id, { width: 380, height: 220 });
    const nat = add('nat-gateway', 24, 60, publicA.id);
    add('vpc-endpoint', 24, 60, privateA.id);
    const users = add('internet', originX - 260, originY + 200);
    const alb = add('alb', 24, 140, publicB.id);
    connect(users, alb);
    connect(nat, users);
    const repo = add('ecr-repository', 1500, 20, region.id);
    const efs = add('efs', 1500, 100, vpc.id);
    const cluster = add('ecs-cluster', 500, 60, vpc.id, { width: 1280, height: 1160 });
    const fargate = add('ecs-fargate-capacity', 30, 60, cluster.id, { width: 580, height: 1060 });
    const ec2 = add('ecs-ec2-capacity', 650, 60, cluster.id, { width: 580, height: 1060 });
    for (let index = 0; index < servicesPerCell && nodes.length < targetNodes; index++) {
      const capacity = index % 2 === 0 ? fargate : ec2;
      const column = Math.floor(index / 2) % 2;
      const row = Math.floor(index / 4);
      const service = add('ecs-service', 30 + column * 270, 60 + row * 320, capacity.id);
      // Scaling policies sit inside the cluster, under their service.
      const scaling = add('service-auto-scaling', (capacity === fargate ? 30 : 650) + 30 + column * 270, 60 + 150 + row * 320, cluster.id);
      connect(service, repo);
      connect(alb, service);
      if (index % 3 === 0) connect(service, efs);
      connect(scaling, service);
    }
  }
  let document = addNodes(createDocument(`Benchmark diagram (${targetNodes} nodes)`), nodes);
  document = addEdges(document, edges);
  return document;
}
