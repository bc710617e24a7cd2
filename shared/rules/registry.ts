import { eksFargateProfileCaptures } from './checks/eks-fargate-profile-captures';
import { cidrBlockInvalid } from './checks/cidr-block-invalid';
import { taskScheduleInvalid } from './checks/task-schedule-invalid';
import { subnetOutsideVpcCidr } from './checks/subnet-outside-vpc-cidr';
import { subnetCidrOverlap } from './checks/subnet-cidr-overlap';
import { natGatewayPublicSubnet } from './checks/nat-gateway-public-subnet';
import { internetToInternalLb } from './checks/internet-to-internal-lb';
import { albRequestCountNeedsAlb } from './checks/alb-request-count-needs-alb';
import { albTwoAz } from './checks/alb-two-az';
import { asgCapacityProviderConfig } from './checks/asg-capacity-provider-config';
import { azDuplicateZone } from './checks/az-duplicate-zone';
import { clbAwsvpc } from './checks/clb-awsvpc';
import { daemonDeployment } from './checks/daemon-deployment';
import { daemonNotOnFargate } from './checks/daemon-not-on-fargate';
import { deploymentPercentDeadlock } from './checks/deployment-percent-deadlock';
import { dockerhubAnonymous } from './checks/dockerhub-anonymous';
import { duplicateTargetTrackingMetric } from './checks/duplicate-target-tracking-metric';
import { ec2NeedsInstances } from './checks/ec2-needs-instances';
import { ecrCrossRegion } from './checks/ecr-cross-region';
import { ecrImmutableLatest } from './checks/ecr-immutable-latest';
import { efsAzCoverage } from './checks/efs-az-coverage';
import { efsCrossRegion } from './checks/efs-cross-region';
import { efsOtherVpc } from './checks/efs-other-vpc';
import { efsTransitEncryption } from './checks/efs-transit-encryption';
import { efsWindows } from './checks/efs-windows';
import { eksFargateLbIpMode } from './checks/eks-fargate-lb-ip-mode';
import { eksFargatePrivateSubnets } from './checks/eks-fargate-private-subnets';
import { eksFargateProfileMismatch } from './checks/eks-fargate-profile-mismatch';
import { eksFargateProfileShape } from './checks/eks-fargate-profile-shape';
import { eksFargateWorkload } from './checks/eks-fargate-workload';
import { eksIngressNeedsLbc } from './checks/eks-ingress-needs-lbc';
import { eksPodsUnschedulable } from './checks/eks-pods-unschedulable';
import { eksTwoAz } from './checks/eks-two-az';
import { eksWindowsNeedsLinux } from './checks/eks-windows-needs-linux';
import { externalLimits } from './checks/external-limits';
import { fargateEfsPlatformVersion } from './checks/fargate-efs-platform-version';
import { fargateImageEgress } from './checks/fargate-image-egress';
import { fargateNlbUdp } from './checks/fargate-nlb-udp';
import { fargateRequiresAwsvpc } from './checks/fargate-requires-awsvpc';
import { fargateSpotPlatform } from './checks/fargate-spot-platform';
import { fargateTaskSize } from './checks/fargate-task-size';
import { fargateUnsupportedParams } from './checks/fargate-unsupported-params';
import { fargateWindowsLimits } from './checks/fargate-windows-limits';
import { hostportMismatch } from './checks/hostport-mismatch';
import { launchtypeXorStrategy } from './checks/launchtype-xor-strategy';
import { lbModeNone } from './checks/lb-mode-none';
import { lbOneSubnetPerAz } from './checks/lb-one-subnet-per-az';
import { lbVpcMismatch } from './checks/lb-vpc-mismatch';
import { placementConflict } from './checks/placement-conflict';
import { privateSubnetEgress } from './checks/private-subnet-egress';
import { scalingBounds } from './checks/scaling-bounds';
import { scalingWithoutCapacity } from './checks/scaling-without-capacity';
import { staticPortDensity } from './checks/static-port-density';
import { strategyMixesFargateAsg } from './checks/strategy-mixes-fargate-asg';
import { strategyShape } from './checks/strategy-shape';
import { tgTypeMismatch } from './checks/tg-type-mismatch';
import type { Rule } from './types';

/** Every rule Stowage checks, in the order docs/rules.md lists them. One rule per file in shared/rules/checks/. */
export const RULES: readonly Rule[] = [
  // Fargate
  fargateRequiresAwsvpc,
  fargateUnsupportedParams,
  fargateTaskSize,
  fargateEfsPlatformVersion,
  fargateWindowsLimits,
  fargateSpotPlatform,
  fargateNlbUdp,
  daemonNotOnFargate,
  fargateImageEgress,
  // Networking and load balancing
  clbAwsvpc,
  tgTypeMismatch,
  albTwoAz,
  lbOneSubnetPerAz,
  azDuplicateZone,
  lbVpcMismatch,
  lbModeNone,
  internetToInternalLb,
  hostportMismatch,
  staticPortDensity,
  // Network addressing
  cidrBlockInvalid,
  subnetOutsideVpcCidr,
  subnetCidrOverlap,
  natGatewayPublicSubnet,
  // Launch types and capacity
  launchtypeXorStrategy,
  placementConflict,
  strategyMixesFargateAsg,
  strategyShape,
  ec2NeedsInstances,
  asgCapacityProviderConfig,
  externalLimits,
  daemonDeployment,
  deploymentPercentDeadlock,
  // Scaling
  taskScheduleInvalid,
  albRequestCountNeedsAlb,
  duplicateTargetTrackingMetric,
  scalingBounds,
  scalingWithoutCapacity,
  // EFS
  efsCrossRegion,
  efsOtherVpc,
  efsAzCoverage,
  efsWindows,
  efsTransitEncryption,
  // Registries and egress
  ecrCrossRegion,
  ecrImmutableLatest,
  privateSubnetEgress,
  dockerhubAnonymous,
  // EKS
  eksTwoAz,
  eksFargateWorkload,
  eksFargatePrivateSubnets,
  eksFargateLbIpMode,
  eksIngressNeedsLbc,
  eksPodsUnschedulable,
  eksFargateProfileMismatch,
  eksFargateProfileCaptures,
  eksWindowsNeedsLinux,
  eksFargateProfileShape,
];
