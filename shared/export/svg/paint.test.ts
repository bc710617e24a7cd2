import { describe, expect, it } from 'vitest';
import { AWS_COLORS } from '../../catalog/common';
import { CATALOG, appearanceOf, defaultProps } from '../../catalog';
import { parsePaint } from './paint';

describe('parsePaint', () => {
  it('normalizes hex colours', () => {
    expect(parsePaint('#ED7100')).toEqual({ color: '#ed7100', opacity: 1 });
    expect(parsePaint('#abc')).toEqual({ color: '#aabbcc', opacity: 1 });
    expect(parsePaint('#00000080')).toEqual({ color: '#000000', opacity: 0.502 });
  });

  it('splits rgba() into an SVG 1.1 colour and opacity', () => {
    expect(parsePaint('rgba(0, 164, 166, 0.06)')).toEqual({ color: '#00a4a6', opacity: 0.06 });
    expect(parsePaint('rgb(237,113,0)')).toEqual({ color: '#ed7100', opacity: 1 });
    expect(parsePaint('rgba(255, 0, 0, 50%)')).toEqual({ color: '#ff0000', opacity: 0.5 });
  });

  it('passes keywords and maps transparent to none', () => {
    expect(parsePaint('white')).toEqual({ color: 'white', opacity: 1 });
    expect(parsePaint('transparent')).toEqual({ color: 'none', opacity: 1 });
  });

  it('never lets an unknown value into an attribute', () => {
    expect(parsePaint('url(http://evil/x)')).toEqual({ color: '#7d8998', opacity: 1 });
    expect(parsePaint('" onload="x')).toEqual({ color: '#7d8998', opacity: 1 });
    expect(parsePaint('12px', { color: 'none', opacity: 1 })).toEqual({ color: 'none', opacity: 1 });
  });

  it('understands every catalog colour', () => {
    const fallback = { color: 'FALLBACK', opacity: 1 };
    for (const color of Object.values(AWS_COLORS)) expect(parsePaint(color, fallback).color).not.toBe('FALLBACK');
    for (const kind of CATALOG) {
      const appearance = appearanceOf(kind, defaultProps(kind));
      expect(parsePaint(appearance.color, fallback).color, kind.id).not.toBe('FALLBACK');
      if (appearance.fill) expect(parsePaint(appearance.fill, fallback).color, kind.id).not.toBe('FALLBACK');
    }
  });
});
