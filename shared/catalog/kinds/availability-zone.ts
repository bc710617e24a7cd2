import { z } from 'zod';
import { AWS_COLORS } from '../common';
import { defineKind } from '../types';

const zoneProps = z.strictObject({
  zone: z
    .string()
    .regex(/^[a-z]$/, 'The zone letter is one lowercase letter, such as a.')
    .default('a')
    .meta({ title: 'Zone letter', description: 'Combined with the Region: us-east-1 + a = us-east-1a.' }),
});

export const availabilityZone = defineKind({
  id: 'availability-zone',
  traits: { network: 'availability-zone', vpc: 'inside' },
  label: 'Availability Zone',
  category: 'network',
  order: 30,
  description: 'An Availability Zone of the Region. Subnets drawn inside it are in this AZ.',
  learn: {
    what: 'One or more data centres of a Region, with their own power and network. The zones of a Region are far enough apart that one failing does not take down another.',
    when: 'Spread what must stay up over at least two zones: a subnet in each, and your tasks, nodes and load balancers in both.',
  },
  defaultLabel: 'Availability Zone A',
  keywords: ['az', 'zone'],
  icon: 'stowage/availability-zone',
  appearance: { color: AWS_COLORS.az, dashed: true },
  props: zoneProps,
  size: { width: 440, height: 520 },
  group: {
    contains: [{ network: 'subnet' }, { network: 'nat-gateway' }, { cluster: true }, { fileSystem: true }],
  },
  connections: [],
  summary: (props) => `zone ${props.zone}`,
  initialFor: (siblings) => {
    const taken = new Set(
      siblings.filter((sibling) => sibling.kind === 'availability-zone').map((sibling) => zoneProps.safeParse(sibling.props).data?.zone),
    );
    const zone = [...'abcdefghijklmnopqrstuvwxyz'].find((letter) => !taken.has(letter)) ?? 'a';
    return { label: `Availability Zone ${zone.toUpperCase()}`, props: { zone } };
  },
  docsUrl: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-regions-availability-zones.html',
  sample: { in: { network: 'vpc' } },
});
