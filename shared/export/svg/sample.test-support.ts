import { addEdges, addNodes, createDocument, createEdge, createNode, type DiagramDocument, type DiagramNode } from '../../document';

/**
 * A small but complete architecture for export tests and visual checks: a Region with a VPC,
 * two AZs with public and private subnets, an ECS cluster on Fargate and EC2, an EKS cluster,
 * load balancers, ECR, Docker Hub, EFS, auto scaling and the internet, all wired up.
 */
export function sampleDocument(): DiagramDocument {
  const nodes: DiagramNode[] = [];
  const add = (
    id: string,
    kind: string,
    x: number,
    y: number,
    options: { parentId?: string; label?: string; props?: Record<string, unknown>; size?: { width: number; height: number } } = {},
  ) => {
    const node = createNode(kind, { id, position: { x, y }, ...options });
    nodes.push(node);
    return node;
  };
  add('region', 'region', 0, 0, { label: 'US East (N. Virginia)', size: { width: 1640, height: 980 } });
  add('vpc', 'vpc', 40, 60, { parentId: 'region', label: 'Production VPC', size: { width: 1300, height: 880 } });
  add('az-a', 'availability-zone', 30, 60, { parentId: 'vpc', label: 'us-east-1a', size: { width: 600, height: 780 } });
  add('az-b', 'availability-zone', 670, 60, {
    parentId: 'vpc',
    label: 'us-east-1b',
    props: { zone: 'b' },
    size: { width: 600, height: 780 },
  });
  add('public-a', 'subnet', 20, 50, {
    parentId: 'az-a',
    label: 'Public subnet A',
    props: { access: 'public', cidr: '10.0.0.0/24' },
    size: { width: 560, height: 150 },
  });
  add('private-a', 'subnet', 20, 230, {
    parentId: 'az-a',
    label: 'Private subnet A',
    props: { cidr: '10.0.10.0/24' },
    size: { width: 560, height: 520 },
  });
  add('public-b', 'subnet', 20, 50, {
    parentId: 'az-b',
    label: 'Public subnet B',
    props: { access: 'public', cidr: '10.0.1.0/24' },
    size: { width: 560, height: 150 },
  });
  add('private-b', 'subnet', 20, 230, {
    parentId: 'az-b',
    label: 'Private subnet B',
    props: { cidr: '10.0.11.0/24' },
    size: { width: 560, height: 520 },
  });
  add('alb', 'alb', 24, 64, { parentId: 'public-a', label: 'web-alb' });
  add('nat', 'nat-gateway', 300, 64, { parentId: 'public-a', label: 'nat-a' });
  add('nlb', 'nlb', 24, 64, { parentId: 'public-b', label: 'api-nlb' });
  add('ecs', 'ecs-cluster', 20, 50, { parentId: 'private-a', label: 'orders', size: { width: 520, height: 450 } });
  add('fargate', 'ecs-fargate-capacity', 20, 50, { parentId: 'ecs', label: 'Fargate', size: { width: 230, height: 380 } });
  add('ec2', 'ecs-ec2-capacity', 270, 50, { parentId: 'ecs', label: 'EC2 capacity', size: { width: 230, height: 380 } });
  add('orders-api', 'ecs-service', 15, 60, {
    parentId: 'fargate',
    label: 'orders-api',
    props: { desiredCount: 3, cpu: 512, memory: 1024 },
  });
  add('orders-worker', 'ecs-service', 15, 160, { parentId: 'fargate', label: 'orders-worker' });
  add('report-task', 'ecs-task', 15, 60, { parentId: 'ec2', label: 'nightly-report', props: { schedule: 'cron(0 3 * * ? *)' } });
  add('eks', 'eks-cluster', 20, 50, { parentId: 'private-b', label: 'payments', size: { width: 520, height: 450 } });
  add('nodes', 'eks-managed-node-group', 20, 50, { parentId: 'eks', label: 'general-purpose', size: { width: 480, height: 250 } });
  add('payments-api', 'eks-workload', 20, 60, { parentId: 'nodes', label: 'payments-api' });
  add('ledger', 'eks-workload', 250, 60, { parentId: 'nodes', label: 'ledger' });
  add('scaling', 'service-auto-scaling', 20, 340, { parentId: 'ecs', label: 'orders-api scaling' });
  add('ecr', 'ecr-repository', 1380, 80, { parentId: 'region', label: 'orders', props: { repositoryName: 'orders', tag: 'v1.4.2' } });
  add('efs', 'efs', 1380, 200, { parentId: 'region', label: 'shared-files' });
  add('dockerhub', 'dockerhub-image', 1700, 300, { label: 'nginx' });
  add('users', 'internet', -280, 150, { label: 'Customers' });

  const edges = [
    createEdge('e-users-alb', { source: 'users', target: 'alb' }, {}),
    createEdge('e-users-nlb', { source: 'users', target: 'nlb' }, {}),
    createEdge('e-alb-api', { source: 'alb', target: 'orders-api' }, {}),
    createEdge('e-nlb-payments', { source: 'nlb', target: 'payments-api' }, {}),
    createEdge('e-api-ecr', { source: 'orders-api', target: 'ecr' }, {}),
    createEdge('e-worker-ecr', { source: 'orders-worker', target: 'ecr' }, {}),
    createEdge('e-worker-efs', { source: 'orders-worker', target: 'efs' }, {}),
    createEdge('e-ledger-dockerhub', { source: 'ledger', target: 'dockerhub' }, {}),
    createEdge('e-scaling-api', { source: 'scaling', target: 'orders-api' }, {}),
  ];
  return addEdges(addNodes(createDocument('Orders and payments'), nodes), edges);
}
