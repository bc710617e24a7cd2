import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../catalog';
import { ICONS } from '../../catalog/icons.generated';
import { iconSymbol, svgToSymbol } from './icons';
import { elements, expectSelfContainedSvg, parseSvg } from './svg.test-support';

const wrap = (symbol: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs>${symbol}</defs></svg>`;

describe('iconSymbol', () => {
  it('turns every bundled icon into a symbol that keeps all of its drawing', () => {
    const ids = new Set<string>();
    for (const [iconId, source] of Object.entries(ICONS)) {
      const symbol = iconSymbol(iconId)!;
      expect(symbol.id).toMatch(/^stowage-icon-[A-Za-z0-9_-]+$/);
      ids.add(symbol.id);
      expect(symbol.viewBox).toMatch(/^0 0 (40|48|64) (40|48|64)$/);
      const parsed = expectSelfContainedSvg(wrap(symbol.markup));
      expect(elements(parsed, 'title')).toHaveLength(0);
      // Nothing that draws is lost: the same number of shapes as the source icon.
      const source_ = parseSvg(source);
      for (const shape of ['path', 'rect', 'circle', 'g']) {
        expect(elements(parsed, shape).length, `${iconId} <${shape}>`).toBe(elements(source_, shape).length);
      }
    }
    expect(ids.size).toBe(Object.keys(ICONS).length);
  });

  it('has a symbol for every icon the catalog uses', () => {
    for (const kind of CATALOG) {
      for (const icon of [kind.icon, ...(kind.variantIcons ?? [])]) expect(iconSymbol(icon), icon).toBeDefined();
    }
  });

  it('returns undefined for an unknown icon, including prototype names', () => {
    expect(iconSymbol('resource/Nope')).toBeUndefined();
    expect(iconSymbol('constructor')).toBeUndefined();
    expect(iconSymbol('__proto__')).toBeUndefined();
  });
});

describe('svgToSymbol', () => {
  it('drops scripts, styles, foreign content, handlers and external references', () => {
    const hostile = `<?xml version="1.0"?><!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 20" onload="alert(1)">
      <title>t</title><desc>d</desc><metadata><x/></metadata><style>path{fill:red}</style>
      <script>alert(1)</script><script/>
      <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
      <image href="http://example.com/x.png"/>
      <a href="javascript:alert(1)"><path d="M0 0h1"/></a>
      <g onclick="x()" style="fill:url(http://evil)" fill="url(http://evil/#a)">
        <path id="p" d="M0 0h10v10z" fill="url(#grad)" stroke="url( #grad )"/>
        <use href="http://evil/x.svg#a"/>
      </g>
      <linearGradient id="grad"><stop offset="0" stop-color="#fff"/></linearGradient>
      <!-- comment --> text
    </svg>`;
    const symbol = svgToSymbol(hostile, 'stowage-icon-test');
    expect(symbol.viewBox).toBe('0 0 10 20');
    const parsed = expectSelfContainedSvg(wrap(symbol.markup));
    expect(symbol.markup).not.toMatch(/script|style|onload|onclick|foreignObject|image|http|javascript|title|desc|metadata|comment|text/i);
    expect(elements(parsed, 'path').map((path) => path.getAttribute('id'))).toEqual(['stowage-icon-test-p']);
    expect(elements(parsed, 'path')[0]!.getAttribute('fill')).toBe('url(#stowage-icon-test-grad)');
    expect(elements(parsed, 'linearGradient')[0]!.getAttribute('id')).toBe('stowage-icon-test-grad');
    expect(elements(parsed, 'g')[0]!.hasAttribute('fill')).toBe(false);
  });

  it('re-escapes attribute values and closes what the source left open', () => {
    const symbol = svgToSymbol('<svg width="24" height="12"><g><path d="M0 0" fill="&quot;&amp;&lt;"/><path fill=\'a"b\'/>', 's');
    expect(symbol.viewBox).toBe('0 0 24 12');
    const parsed = expectSelfContainedSvg(wrap(symbol.markup));
    expect(elements(parsed, 'path').map((path) => path.getAttribute('fill'))).toEqual(['"&<', 'a"b']);
  });
});

describe('dark theme icons', () => {
  it('draws the squid-ink general icons in white, under their own id', () => {
    const light = iconSymbol('resource/Users', 'light')!;
    const dark = iconSymbol('resource/Users', 'dark')!;
    expect(light.markup).toContain('fill="#242f3e"');
    expect(dark.markup).not.toContain('#242f3e');
    expect(dark.markup).toContain('fill="#ffffff"');
    expect(dark.id).not.toBe(light.id);
    expectSelfContainedSvg(wrap(dark.markup));
  });

  it('keeps coloured icons as they are', () => {
    expect(iconSymbol('resource/AmazonElasticContainerServiceService', 'dark')).toBe(
      iconSymbol('resource/AmazonElasticContainerServiceService', 'light'),
    );
  });
});
