import { describe, expect, it } from 'vitest';
import { C0_CONTROLS, C0_CONTROLS_NOT_IN_XML, DEL_AND_C1_CONTROLS } from './control-characters';

/** Every UTF-16 code unit a character class made of `range` matches. */
function matched(range: string): number[] {
  const pattern = new RegExp(`[${range}]`);
  return Array.from({ length: 0x10000 }, (_, code) => code).filter((code) => pattern.test(String.fromCharCode(code)));
}

const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('control character ranges', () => {
  it('C0 controls are U+0000 to U+001F', () => {
    expect(matched(C0_CONTROLS)).toEqual(span(0x00, 0x1f));
  });

  it('the C0 controls XML refuses are all of them but tab, line feed and carriage return', () => {
    expect(matched(C0_CONTROLS_NOT_IN_XML)).toEqual(span(0x00, 0x1f).filter((code) => ![0x09, 0x0a, 0x0d].includes(code)));
  });

  it('DEL and the C1 controls are U+007F to U+009F', () => {
    expect(matched(DEL_AND_C1_CONTROLS)).toEqual(span(0x7f, 0x9f));
  });
});
