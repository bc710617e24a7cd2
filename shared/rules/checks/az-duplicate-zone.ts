import { networkKinds, propsOf } from '../../catalog';
import { listNodes } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { setNodeProps } from '../support/fixes';
import { zoneName } from '../support/network';
import type { Finding } from '../types';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export const azDuplicateZone: RuleDefinition = {
  id: 'az-duplicate-zone',
  teaches: 'availability-zone',
  category: 'Networking and load balancing',
  severity: 'warning',
  title: 'Each Availability Zone is drawn once per VPC',
  explanation:
    'An Availability Zone box stands for one zone of the Region, named by its letter. Two boxes with the same letter in one VPC are the same zone, so resources spread across them are not spread across zones at all; usually the second box was meant to be another zone.',
  docUrl: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-regions-availability-zones.html',
  check({ model }) {
    let order: Map<string, number> | undefined;
    return networkKinds('vpc')
      .flatMap((kind) => model.nodesOfKind(kind))
      .flatMap((vpc) => {
        const zones = model.nodesInVpc(vpc.id, ...networkKinds('availability-zone'));
        if (zones.length < 2 || new Set(zones.map((zone) => propsOf(zone).zone)).size === zones.length) return NONE;
        // Document order decides which box keeps its letter; built only when a VPC repeats one.
        order ??= new Map(model.document.nodes.map((node, index) => [node.id, index]));
        const byLetter = new Map<string, (typeof zones)[number][]>();
        for (const zone of [...zones].sort((a, b) => (order!.get(a.id) ?? 0) - (order!.get(b.id) ?? 0))) {
          const letter = String(propsOf(zone).zone);
          const list = byLetter.get(letter);
          if (list) list.push(zone);
          else byLetter.set(letter, [zone]);
        }
        const used = new Set(byLetter.keys());
        return [...byLetter.values()].flatMap((zones): Finding[] => {
          if (zones.length < 2) return NONE;
          const fixes = zones.slice(1).map((zone) => {
            const letter = [...LETTERS].find((candidate) => !used.has(candidate)) ?? 'z';
            used.add(letter);
            return { zone, letter };
          });
          const first = fixes[0]!;
          return [
            report(azDuplicateZone, {
              message: `${listNodes(zones)} are ${zones.length === 2 ? 'both' : 'all'} ${zoneName(model, zones[0]!.id)}, so they are one zone drawn ${zones.length === 2 ? 'twice' : `${zones.length} times`}; give each box its own zone letter.`,
              nodes: zones,
              fix: setNodeProps(`Make ${first.zone.label || first.zone.id} zone ${first.letter}`, first.zone, { zone: first.letter }),
            }),
          ];
        });
      });
  },
};
