import type { Element } from '@xmldom/xmldom';
import fc from 'fast-check';
import { LEAF_SIZE } from '../../catalog/common';
import { describe, expect, it } from 'vitest';
import type { DiagramDocument } from '../../document';
import { truncateText } from '../text-metrics';
import { exportSvg } from './render';
import { LEAF } from './style';
import { elements, expectSelfContainedSvg } from './svg.test-support';

/**
 * Any text a user can type (or a file can carry) must come out of an export as exactly that
 * text, minus what XML cannot hold: never as markup, never as a broken document.
 */

/** What XML 1.0 allows, minus DEL and C1 controls; written independently of the exporter's regex. */
function isKeptCodePoint(codePoint: number): boolean {
  if (codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd) return true;
  if (codePoint >= 0x20 && codePoint < 0x7f) return true;
  if (codePoint >= 0xa0 && codePoint <= 0xd7ff) return true;
  if (codePoint >= 0xe000 && codePoint <= 0xfffd) return true;
  return codePoint >= 0x10000 && codePoint <= 0x10ffff;
}

/** The label a renderer should show: kept characters only, XML whitespace and line separators collapsed. */
function expectedLabel(raw: string): string {
  let kept = '';
  // for…of walks code points; a lone surrogate comes out as a single unit in the surrogate range and is dropped.
  for (const char of raw) if (isKeptCodePoint(char.codePointAt(0)!)) kept += char;
  return kept
    .replace(/[ \t\n\r\u2028\u2029]+/g, ' ')
    .replace(/^ /, '')
    .replace(/ $/, '');
}

const HOSTILE_PIECES = [
  '<script>alert(1)</script>',
  '</text></g></svg>',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&lt;',
  '&#0;',
  '&',
  '"',
  "'",
  '<',
  '>',
  '\u0000',
  '\u0007',
  '\u000B',
  '\u000C',
  '\u001F',
  '\u007F',
  '\u0085',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\u202E',
  '\u202D',
  '\u2066',
  '\u200F',
  '\u2028',
  'שלום',
  'مرحبا بالعالم',
  '東京',
  '🚀',
  '👩‍👩‍👧',
  '👍🏽',
  'e\u0301',
  '\r\n',
  '\t',
  '  ',
  ' onload="alert(1)"',
  'xlink:href="http://evil"',
];

const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...HOSTILE_PIECES),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

/** One wide region (room for any label up to 200 characters) and one card, both labelled `label`. */
function documentWith(label: string, title: string, description: string): DiagramDocument {
  return {
    schemaVersion: 1,
    metadata: { title, description },
    nodes: [
      {
        id: 'wide',
        kind: 'region',
        label,
        position: { x: 0, y: 0 },
        size: { width: 4000, height: 300 },
        props: { regionCode: 'eu-west-1' },
      },
      {
        id: 'card',
        kind: 'ecs-service',
        label,
        position: { x: 40, y: 80 },
        parentId: 'wide',
        props: { desiredCount: 2, schedulingStrategy: 'REPLICA', cpu: 256, memory: 512 },
      },
    ],
    edges: [],
  };
}

/** The card's summary line as drawn: the default service summary cut to the card. */
const CARD_SUMMARY = truncateText('2 tasks · 0.25 vCPU · 0.5 GB', LEAF_SIZE.width - LEAF.textX - LEAF.textPaddingRight, {
  size: LEAF.summaryFontSize,
});

function nodeTexts(svgDocument: ReturnType<typeof expectSelfContainedSvg>, nodeId: string): string[] {
  const group = elements(svgDocument, 'g').find((element) => element.getAttribute('id') === `stowage-node-${nodeId}`)!;
  return Array.from(group.childNodes)
    .filter((child): child is Element => (child as Element).localName === 'text')
    .map((text) => text.textContent ?? '');
}

describe('hostile text', () => {
  it('round-trips arbitrary labels, titles and descriptions as text (property)', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (label, title, description) => {
        const { svg } = exportSvg(documentWith(label, title, description));
        const parsed = expectSelfContainedSvg(svg);
        const expected = expectedLabel(label);

        // The wide group shows the whole label, then its summary.
        const groupTexts = nodeTexts(parsed, 'wide');
        if (expected === '') expect(groupTexts).toEqual(['eu-west-1']);
        else expect(groupTexts).toEqual([expected, 'eu-west-1']);

        // The card shows the label cut to its width: a prefix of the same text.
        const cardTexts = nodeTexts(parsed, 'card');
        const cardLabel = truncateText(expected, LEAF_SIZE.width - LEAF.textX - LEAF.textPaddingRight, {
          size: LEAF.labelFontSize,
          weight: LEAF.labelFontWeight,
        });
        expect(cardTexts).toEqual(cardLabel === '' ? [CARD_SUMMARY] : [cardLabel, CARD_SUMMARY]);

        const titles = elements(parsed, 'title').map((element) => element.textContent);
        expect(titles).toEqual(expectedLabel(title) === '' ? [] : [expectedLabel(title)]);
        const descriptions = elements(parsed, 'desc').map((element) => element.textContent);
        let expectedDescription = '';
        for (const char of description) if (isKeptCodePoint(char.codePointAt(0)!)) expectedDescription += char;
        expectedDescription = expectedDescription.replace(/\r\n?/g, '\n').trim();
        expect(descriptions).toEqual(expectedDescription === '' ? [] : [expectedDescription]);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a label add elements or attributes', () => {
    fc.assert(
      fc.property(hostileText, (label) => {
        const plain = expectSelfContainedSvg(exportSvg(documentWith('plain', 't', '')).svg);
        const hostile = expectSelfContainedSvg(exportSvg(documentWith(label, 't', '')).svg);
        const shape = (document: typeof plain) =>
          elements(document, '*').map(
            (element) =>
              `${element.localName}:${Array.from(element.attributes)
                .map((attribute) => attribute.name)
                .join(',')}`,
          );
        expect(shape(hostile).filter((entry) => !entry.startsWith('text:'))).toEqual(
          shape(plain).filter((entry) => !entry.startsWith('text:')),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the classic attacks inert', () => {
    const label = '<script>alert(1)</script>]]><svg onload=alert(1)>&amp;\u0000\uD800';
    const parsed = expectSelfContainedSvg(exportSvg(documentWith(label, label, label)).svg);
    expect(nodeTexts(parsed, 'wide')[0]).toBe('<script>alert(1)</script>]]><svg onload=alert(1)>&amp;');
    expect(elements(parsed, 'script')).toHaveLength(0);
    expect(elements(parsed, 'svg')).toHaveLength(1);
  });
});
