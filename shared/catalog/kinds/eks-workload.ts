import { z } from 'zod';
import { AWS_COLORS, LEAF_SIZE, containerPort } from '../common';
import { mountsEfs, pullsImage, runsOnEksCapacity } from '../connections';
import { defineKind } from '../types';

export const eksWorkload = defineKind({
  id: 'eks-workload',
  traits: { workload: { platform: 'kubernetes', longRunning: true } },
  label: 'Kubernetes workload',
  category: 'eks',
  order: 50,
  description: 'A Deployment, StatefulSet or DaemonSet: the pods of one application.',
  learn: {
    what: 'Your application in Kubernetes: a Deployment, StatefulSet or DaemonSet that runs pods. Pods are to EKS what tasks are to ECS.',
    when: 'Use one per application or microservice; a Deployment suits most services that keep no data of their own.',
  },
  defaultLabel: 'web',
  keywords: ['pod', 'pods', 'deployment', 'statefulset', 'daemonset', 'kubernetes', 'k8s', 'workload'],
  icon: 'resource/AmazonElasticContainerServiceContainer1',
  appearance: { color: AWS_COLORS.containers },
  props: z.strictObject({
    workloadType: z.enum(['Deployment', 'StatefulSet', 'DaemonSet']).default('Deployment').meta({ title: 'Workload type' }),
    namespace: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'A namespace is lowercase letters, digits and dashes.')
      .max(63)
      .default('default')
      .meta({ title: 'Namespace' }),
    labels: z
      .string()
      .max(1024)
      .regex(/^$|^[\w./-]+=[\w.-]*(\s*,\s*[\w./-]+=[\w.-]*)*$/, 'Labels are key=value pairs separated by commas.')
      .default('')
      .meta({ title: 'Pod labels', description: 'key=value pairs, comma separated; Fargate profile selectors match them.' }),
    replicas: z.number().int().min(0).max(10000).default(2).meta({ title: 'Replicas', description: 'Ignored for DaemonSets.' }),
    cpu: z.number().int().min(1).max(192000).default(250).meta({ title: 'CPU request', unit: 'millicores' }),
    memory: z.number().int().min(1).max(1048576).default(512).meta({ title: 'Memory request', unit: 'MiB' }),
    operatingSystem: z.enum(['linux', 'windows']).default('linux').meta({ title: 'Operating system' }),
    cpuArchitecture: z.enum(['amd64', 'arm64']).default('amd64').meta({ title: 'CPU architecture' }),
    containerPort: containerPort(),
    privileged: z.boolean().default(false).meta({ title: 'Privileged' }),
    hostNetwork: z.boolean().default(false).meta({ title: 'Host network' }),
    hostPort: z.number().int().min(0).max(65535).default(0).meta({ title: 'Host port', description: '0: none.' }),
    gpuCount: z.number().int().min(0).max(16).default(0).meta({ title: 'GPUs' }),
    ebsVolume: z.boolean().default(false).meta({ title: 'EBS volume', description: 'Mounts an EBS-backed persistent volume.' }),
  }),
  size: LEAF_SIZE,
  connections: [pullsImage, mountsEfs, runsOnEksCapacity],
  summary: (props) => `${props.workloadType}${props.workloadType === 'DaemonSet' ? '' : ` × ${props.replicas}`} · ${props.namespace}`,
  docsUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/eks-workloads.html',
  sample: { in: { capacity: { platform: 'kubernetes', compute: 'ec2' } }, connects: [{ imageSource: { registry: 'ecr' } }] },
});
