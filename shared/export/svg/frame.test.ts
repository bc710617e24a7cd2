import { describe, expect, it } from 'vitest';
import { updateMetadata } from '../../document';
import type { Finding } from '../../rules/types';
import { measureText } from '../text-metrics';
import { FRAME, wrapText } from './frame';
import { exportSvg } from './render';
import { sampleDocument } from './sample.test-support';
import { elements, expectSelfContainedSvg, textContents } from './svg.test-support';

const sample = updateMetadata(sampleDocument(), {
  title: 'Shop <production>',
  description: 'Two services behind one load balancer.\nImages come from ECR.',
});

function group(svg: string, id: string) {
  return elements(expectSelfContainedSvg(svg), 'g').find((element) => element.getAttribute('id') === id);
}

describe('title block and legend', () => {
  it('are left out unless asked for, so plain exports stay as they were', () => {
    const plain = exportSvg(sample).svg;
    expect(group(plain, 'stowage-title-block')).toBeUndefined();
    expect(group(plain, 'stowage-legend')).toBeUndefined();
  });

  it('put the title, the description and the date above the diagram, which moves down to make room', () => {
    const plain = exportSvg(sample);
    const framed = exportSvg(sample, { titleBlock: { date: '2 December 2026' } });
    const block = group(framed.svg, 'stowage-title-block')!;
    expect(textContents(block.ownerDocument!).slice(-4)).toEqual([
      'Shop <production>',
      'Two services behind one load balancer.',
      'Images come from ECR.',
      '2 December 2026',
    ]);
    expect(framed.height).toBe(plain.height + FRAME.titleLine + 2 * FRAME.textLine + FRAME.textLine + FRAME.gap);
    expect(framed.width).toBe(plain.width);
  });

  it('list each kind of connection drawn once, and the badge colours when badges are shown', () => {
    const findings: Finding[] = [{ ruleId: 'r', severity: 'warning', message: 'check this', nodeIds: [sample.nodes[0]!.id], edgeIds: [] }];
    const svg = exportSvg(sample, { legend: true, findings }).svg;
    const texts = Array.from(group(svg, 'stowage-legend')!.getElementsByTagName('text')).map((element) => element.textContent);
    expect(texts[0]).toBe('Legend');
    expect(texts).toContain('Warning');
    expect(texts).not.toContain('Error');
    const labels = texts.filter((text) => text !== 'Legend' && text !== 'Warning' && text !== '!');
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.length).toBeGreaterThan(1);
  });

  it('wraps long descriptions into at most four lines that fit, the last ending in an ellipsis', () => {
    const words = Array.from({ length: 200 }, (_, index) => `word${index}`).join(' ');
    const lines = wrapText(words, 300, FRAME.text, FRAME.maxDescriptionLines);
    expect(lines).toHaveLength(FRAME.maxDescriptionLines);
    for (const line of lines) expect(measureText(line, FRAME.text)).toBeLessThanOrEqual(300);
    expect(lines[3]!.endsWith('…')).toBe(true);
  });
});
