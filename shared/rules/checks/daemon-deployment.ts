import { propsOf } from '../../catalog';
import { listNodes, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { removeEdgesFix, setNodeProps } from '../support/fixes';
import type { Finding } from '../types';

export const daemonDeployment: RuleDefinition = {
  id: 'daemon-deployment',
  teaches: 'ecs-service',
  category: 'Launch types and capacity',
  severity: 'error',
  title: 'Daemon services deploy one task per instance',
  explanation:
    'A DAEMON service runs exactly one task on each container instance, so its maximum percent must stay at 100, it needs the rolling update (ECS) deployment controller, and it must use the EC2 launch type: ECS rejects a capacity provider strategy for daemon services, including the cluster default one. Service Auto Scaling has nothing to adjust on a daemon service (reported as a warning).',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service-options.html',
  check({ model }) {
    const facts = factsOf(model);
    return model.nodesOfKind('ecs-service').flatMap((service) => {
      if (propsOf(service).schedulingStrategy !== 'DAEMON') return NONE;
      const props = taskProps(service);
      const maximumPercent = Number(propsOf(service).maximumPercent);
      const minimumHealthyPercent = Number(propsOf(service).minimumHealthyPercent);
      const findings: Finding[] = [];
      if (maximumPercent !== 100) {
        findings.push(
          report(daemonDeployment, {
            message: `${nodeName(service)} is a daemon service with a maximum percent of ${maximumPercent}; daemon services run one task per instance and need a maximum percent of 100.`,
            nodes: [service],
            fix: setNodeProps('Set maximum percent to 100', service, {
              maximumPercent: 100,
              // Keep the deployment able to progress: with both at 100 it could stop nothing.
              ...(minimumHealthyPercent >= 100 ? { minimumHealthyPercent: 50 } : {}),
            }),
          }),
        );
      }
      const controller = String(propsOf(service).deploymentController);
      if (controller !== 'ECS') {
        findings.push(
          report(daemonDeployment, {
            message: `${nodeName(service)} is a daemon service with the ${controller} deployment controller; daemon services support only rolling updates (ECS).`,
            nodes: [service],
            fix: setNodeProps('Use the rolling update (ECS) controller', service, { deploymentController: 'ECS' }),
          }),
        );
      }
      const compute = facts.ecsCompute(service);
      if (props.launchType === '' && (props.capacityProviderStrategy.length > 0 || compute.source === 'cluster-default')) {
        const why =
          props.capacityProviderStrategy.length > 0
            ? 'sets a capacity provider strategy'
            : `would take the default capacity provider strategy of ${compute.cluster ? nodeName(compute.cluster) : 'its cluster'}`;
        findings.push(
          report(daemonDeployment, {
            message: `${nodeName(service)} is a daemon service that ${why}; ECS does not accept a capacity provider strategy for daemon services, so set the EC2 launch type.`,
            nodes: [service, ...(compute.cluster && compute.source === 'cluster-default' ? [compute.cluster] : [])],
            fix: setNodeProps('Use the EC2 launch type', service, { launchType: 'EC2', capacityProviderStrategy: [] }),
          }),
        );
      }
      const scaling = model.sources(service.id, 'scales');
      if (scaling.length > 0) {
        const edges = model.edgesTo(service.id, 'scales');
        findings.push(
          report(daemonDeployment, {
            message: `${listNodes(scaling)} ${scaling.length === 1 ? 'scales' : 'scale'} ${nodeName(service)}, a daemon service whose task count follows its instances; Service Auto Scaling has nothing to adjust.`,
            nodes: [service, ...scaling],
            edges,
            severity: 'warning',
            fix: removeEdgesFix(
              'Disconnect the scaling policy',
              edges.map((edge) => edge.id),
            ),
          }),
        );
      }
      return findings;
    });
  },
};
