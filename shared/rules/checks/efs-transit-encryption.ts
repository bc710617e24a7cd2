import { listText, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { setEdgeProps } from '../support/fixes';
import { mounts } from '../support/mounts';

export const efsTransitEncryption: RuleDefinition = {
  id: 'efs-transit-encryption',
  category: 'EFS',
  severity: 'error',
  title: 'EFS access points need encryption in transit and the root directory "/"',
  explanation:
    'When a task mounts EFS through an access point, transit encryption must be enabled, and the volume\'s root directory must be left out or set to "/", because the access point enforces its own root directory.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html',
  check({ model }) {
    return mounts(model).flatMap(({ workload, edge, fileSystem }) => {
      if (edge.props.accessPoint !== true) return NONE;
      const problems = [
        edge.props.transitEncryption === false ? 'encryption in transit is off' : '',
        edge.props.rootDirectory !== undefined && edge.props.rootDirectory !== '/' ? `the root directory is ${String(edge.props.rootDirectory)} instead of /` : '',
      ].filter(Boolean);
      if (problems.length === 0) return NONE;
      return [
        report(efsTransitEncryption, {
          message: `${nodeName(workload)} mounts ${nodeName(fileSystem)} through an access point, but ${listText(problems)}.`,
          nodes: [workload, fileSystem],
          edges: [edge],
          fix: setEdgeProps('Enable encryption in transit and use the root directory /', edge.id, { transitEncryption: true, rootDirectory: '/' }),
        }),
      ];
    });
  },
};
