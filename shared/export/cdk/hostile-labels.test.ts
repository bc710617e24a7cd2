import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiagramDocument } from '../../document';
import type { Finding } from '../../rules/types';
import { comments, stringLiterals, templateExpressions, typeCheckApps, type AppUnderTest } from '../../../test/cdk-synth/compile';
import { generate, loadFixture } from '../../../test/cdk-synth/fixtures';
import { sampleDocument } from '../../catalog/sample-document.test-support';

/**
 * Diagram text is user input. Whatever it holds — quotes, backslashes, comment closers, `${}`,
 * backticks, line and paragraph separators, `</script>`, emoji, right-to-left text, lone
 * surrogates — the generated app must compile, and the text must come out as string literals
 * whose values are exactly the text, never in comments, identifiers or template literals.
 */

/** Stands for the sample document with a node of every kind among the fixtures. */
const EVERY_KIND = 'every-kind.stowage';

/** Starts every generated label, so a label found in a comment or identifier cannot be a coincidence. */
const MARK = '\u24DB';

const nasty = fc.constantFrom(
  "'",
  '"',
  '\\',
  '\\u0041',
  '*/',
  '/*',
  '//',
  '${process.exit(1)}',
  '`',
  '\n',
  '\r\n',
  '\u2028',
  '\u2029',
  '</script>',
  '<!--',
  '\u0000',
  '\u001b[31m',
  '\ud83d\ude00',
  '\ud83d',
  '\ude00',
  '\u202e',
  '\u2066',
  'مرحبا بالعالم',
  'שלום',
  '\ufeff',
  ' ',
  '',
);

const piece = fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
const label = fc.array(piece, { maxLength: 8 }).map((parts) => `${MARK}${parts.join('')}`.slice(0, 200));

/** Kinds whose label the generated code writes (as a Name tag, a Kubernetes annotation or a stack description). */
const LABELLED_KINDS = new Set([
  'vpc',
  'vpc-endpoint',
  'ecr-repository',
  'ecs-cluster',
  'ecs-ec2-capacity',
  'ecs-service',
  'ecs-task',
  'eks-cluster',
  'eks-managed-node-group',
  'eks-self-managed-nodes',
  'eks-fargate-profile',
  'eks-workload',
  'efs',
]);

/** A fixture with every label, the title and description, and the free-text properties replaced. */
function withHostileText(document: DiagramDocument, labels: readonly string[]): DiagramDocument {
  let next = 0;
  const take = () => labels[next++ % labels.length]!;
  return {
    ...document,
    metadata: { title: take(), description: take() },
    nodes: document.nodes.map((node) => {
      const props = { ...node.props };
      if (node.kind === 'dockerhub-image' && props.credentialsSecret) props.credentialsSecret = take();
      if (node.kind === 'ecr-repository' || node.kind === 'dockerhub-image') props.tag = take();
      return { ...node, label: take(), props };
    }),
    edges: document.edges.map((edge) => {
      const props = { ...edge.props };
      for (const key of ['pathPattern', 'healthCheckPath', 'containerPath', 'rootDirectory']) if (key in props) props[key] = take();
      return { ...edge, props };
    }),
  };
}

describe('generated code with hostile diagram text', () => {
  it('compiles, and carries every label only as an exact string literal', () => {
    const seed = Date.now() % 2 ** 31;
    const samples = fc.sample(fc.array(label, { minLength: 12, maxLength: 24 }), { numRuns: 3, seed });
    const fixtures = ['fargate-alb-efs.stowage', 'ec2-clb-nlb.stowage', 'eks-platform.stowage', 'sketch.stowage', EVERY_KIND];
    const apps: (AppUnderTest & { document: DiagramDocument; findings: Finding[] })[] = [];
    samples.forEach((labels, sample) => {
      for (const fixture of fixtures) {
        // The sample of every kind too, so each emitter (a new kind's as well) meets hostile text.
        const source = fixture === EVERY_KIND ? sampleDocument().document : loadFixture(fixture);
        const document = withHostileText(source, labels);
        const findings: Finding[] = [
          { ruleId: `hostile-rule */ ${labels[0]}`, severity: 'error', message: labels[1]!, nodeIds: [document.nodes[0]!.id], edgeIds: [] },
          { ruleId: 'dangling', severity: 'warning', message: labels[2]!, nodeIds: [], edgeIds: [] },
        ];
        const files = generate(document, { appName: labels[3]!, findings, force: true });
        apps.push({ name: `sample${sample}-${fixture.replace('.stowage', '')}`, files, document, findings });
      }
    });

    const { diagnostics } = typeCheckApps(apps);
    expect(diagnostics, `seed ${seed}`).toEqual([]);

    for (const app of apps) {
      const sources = app.files.filter((file) => file.path.endsWith('.ts'));
      const literals = new Set(sources.flatMap((file) => stringLiterals(file.content)));
      for (const file of sources) {
        expect(templateExpressions(file.content), `${app.name}/${file.path}: template literal (seed ${seed})`).toBe(0);
        for (const comment of comments(file.content)) {
          expect(comment.includes(MARK), `${app.name}/${file.path}: diagram text in a comment (seed ${seed}): ${comment}`).toBe(false);
        }
        // Identifiers cannot even hold the mark, but nothing of a label may turn into code either.
        expect(
          file.content.split('\n').every((line) => !line.startsWith(MARK)),
          `seed ${seed}`,
        ).toBe(true);
      }
      const expected = app.document.nodes
        .filter((node) => LABELLED_KINDS.has(node.kind) && node.label.trim() !== '')
        .map((node) => node.label);
      expected.push(app.document.metadata.title);
      for (const finding of app.findings) expected.push(finding.message);
      for (const text of expected) {
        expect(literals.has(text), `${app.name}: ${JSON.stringify(text)} is not a string literal of the code (seed ${seed})`).toBe(true);
      }
      const readme = app.files.find((file) => file.path === 'README.md')!.content;
      expect(readme.includes('<script'), `seed ${seed}`).toBe(false);
    }
  }, 120_000);
});
