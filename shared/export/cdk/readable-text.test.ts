import { describe, expect, it } from 'vitest';
import { isBidiControl } from '../../text/unsafe-characters';
import { fileText, finding, generate, loadFixture } from '../../../test/cdk-synth/fixtures';

/**
 * Every generated file is read by people (the README, the code in review). Bidirectional
 * controls in diagram text must not reach any of them raw, or they reorder what the reader
 * sees: in code they are \u escapes inside string literals, in the README they are dropped.
 */
const REVERSED = 'safe\u202etxt.exe\u202c';

describe('generated CDK app text', () => {
  const document = loadFixture('fargate-alb-efs.stowage');
  const hostile = {
    ...document,
    metadata: { title: `Shop ${REVERSED}`, description: `Runs ${REVERSED} \u2067isolated\u2069` },
    nodes: document.nodes.map((node) => ({ ...node, label: `${node.label} ${REVERSED}` })),
  };
  const files = generate(hostile, { findings: [finding('orphan-rule', [], 'warning', `Check ${REVERSED}`)], force: true });

  it('carries no raw bidirectional control in any file', () => {
    for (const file of files) {
      const raw = [...file.content].filter((char) => isBidiControl(char.codePointAt(0)!));
      expect(raw, file.path).toEqual([]);
    }
  });

  it('keeps the words in the README and the exact text in the code', () => {
    const readme = fileText(files, 'README.md');
    expect(readme).toContain('# Shop safetxt\\.exe');
    expect(readme).toContain('Runs safetxt\\.exe isolated');
    expect(files.some((file) => file.path.endsWith('.ts') && file.content.includes('safe\\u202etxt.exe\\u202c'))).toBe(true);
  });
});
