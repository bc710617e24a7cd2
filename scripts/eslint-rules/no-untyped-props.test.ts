import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The rule runs with the repository's own config and type information, on source text linted
 * as if it were a file of shared/ (an existing one, so the type-checker's project includes it).
 */
const root = join(import.meta.dirname, '../..');
const asSharedFile = join(root, 'shared/rules/checks/daemon-deployment.ts');

async function findings(source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(source, { filePath: asSharedFile });
  return result!.messages.filter((message) => message.ruleId === 'stowage/no-untyped-props').map((message) => message.message);
}

const header = `import { isNodeOfKind, propsOf } from '../../catalog';
import type { DiagramNode } from '../../document/schema';
`;

describe('stowage/no-untyped-props', () => {
  it('refuses a field read by name from a node’s untyped props, and says how to read it typed', async () => {
    const messages = await findings(`${header}
export const cpu = (node: DiagramNode) => node.props.cpu;
export const memory = (node: DiagramNode) => node.props['memory'];
export const viaVariable = ({ props }: DiagramNode) => props.desiredCount;
`);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain('props.cpu is read from an untyped record');
    expect(messages[0]).toContain('propsOf(node).cpu');
    expect(messages[1]).toContain('props.memory');
    expect(messages[2]).toContain('props.desiredCount');
  }, 60_000);

  it('lets typed reads, keys computed at run time and writes through', async () => {
    const messages = await findings(`${header}
export const cpu = (node: DiagramNode) => (isNodeOfKind(node, 'ecs-service') ? propsOf(node).cpu : undefined);
export const field = (node: DiagramNode, key: string) => node.props[key];
export const typedParameter = (props: { cpu: number }) => props.cpu;
export function write(node: DiagramNode) {
  node.props.cpu = 256;
}
`);
    expect(messages).toEqual([]);
  }, 60_000);
});
