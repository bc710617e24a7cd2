import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { C0_CONTROLS, DEL_AND_C1_CONTROLS } from '../../text/unsafe-characters';
import { camelCase, commentId, markdownText, pascalCase, tsKey, tsString } from './literal';

/** Evaluates a generated literal the way the TypeScript app will see it. */
function valueOf(literal: string): unknown {
  return runInNewContext(`(${literal})`);
}

describe('tsString', () => {
  it('round-trips any UTF-16 text, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (text) => {
        expect(valueOf(tsString(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('writes one line of printable, well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (text) => {
        const literal = tsString(text);
        expect(literal).toMatch(/^'.*'$/s);
        expect(literal).not.toMatch(new RegExp(String.raw`[${C0_CONTROLS}${DEL_AND_C1_CONTROLS}\u2028\u2029\u202a-\u202e\u2066-\u2069]`));
        expect(literal).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        expect(literal).not.toContain('</');
      }),
      { numRuns: 500 },
    );
  });

  it('escapes what could end the literal or start code', () => {
    expect(tsString("it's")).toBe("'it\\'s'");
    expect(tsString('a\\b')).toBe("'a\\\\b'");
    expect(tsString('${x}`')).toBe("'${x}`'");
    expect(tsString('*/ </script>')).toBe("'*/ <\\/script>'");
    expect(tsString('line\nbreak\u2028')).toBe("'line\\nbreak\\u2028'");
    expect(tsString('\u202eevil')).toBe("'\\u202eevil'");
    expect(tsString('\ud83d\ude00')).toBe("'\ud83d\ude00'");
    expect(tsString('\ud83d')).toBe("'\\ud83d'");
  });
});

describe('names', () => {
  it('builds identifiers from ids and kind ids only', () => {
    expect(pascalCase('n-k3x9q2mf')).toBe('NK3x9q2mf');
    expect(camelCase('ecs-service')).toBe('ecsService');
    expect(pascalCase('a__b--c')).toBe('ABC');
    expect(tsKey('app.kubernetes.io/name')).toBe("'app.kubernetes.io/name'");
    expect(tsKey('replicas')).toBe('replicas');
    expect(commentId('n-1*/x')).toBe('n-1__x');
  });
});

describe('markdownText', () => {
  it('shows text literally in Markdown', () => {
    expect(markdownText('# Title <script>alert(1)</script> [x](y) *b*\nnext')).toBe(
      '\\# Title &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[x\\]\\(y\\) \\*b\\* next',
    );
  });

  it('drops bidirectional controls, keeping right-to-left text', () => {
    expect(markdownText('invoice\u202efdp.exe\u202c and \u2067שלום\u2069\u200f')).toBe('invoicefdp\\.exe and שלום');
  });
});
