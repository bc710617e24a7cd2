import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { expect } from 'vitest';
import { C0_CONTROLS_NOT_IN_XML } from '../../text/unsafe-characters';

/**
 * xmldom warns when text contains U+FFFD, guessing the source was decoded wrongly. U+FFFD is
 * valid XML 1.0 text (a user may paste it), so that one heuristic is not a failure.
 */
const DECODING_HEURISTIC = /Unicode replacement character detected/;

/** Parses an SVG strictly: any parser warning or error fails the test. Line endings follow XML 1.0 only. */
export function parseSvg(svg: string): Document {
  const parser = new DOMParser({
    normalizeLineEndings: (source) => source.replace(/\r\n?/g, '\n'),
    onError: (level, message) => {
      if (level === 'warning' && DECODING_HEURISTIC.test(message)) return;
      throw new Error(`XML ${level}: ${message}`);
    },
  });
  const document = parser.parseFromString(svg, 'image/svg+xml');
  expect(document.documentElement?.localName).toBe('svg');
  return document;
}

export function elements(document: Document, name: string): Element[] {
  return Array.from(document.getElementsByTagName(name));
}

/** Text content of every `<text>` element, in document order. */
export function textContents(document: Document): string[] {
  return elements(document, 'text').map((element) => element.textContent ?? '');
}

const INVALID_XML_CHAR = new RegExp(
  String.raw`[${C0_CONTROLS_NOT_IN_XML}\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`,
);

/**
 * The safety contract of an export: well-formed XML 1.0, no scripts, no foreignObject, no
 * event handlers, no references outside the file, every `<use>` pointing at a symbol it defines.
 */
export function expectSelfContainedSvg(svg: string): Document {
  expect(INVALID_XML_CHAR.test(svg), 'no characters XML 1.0 forbids').toBe(false);
  const document = parseSvg(svg);
  const all = elements(document, '*');
  const names = new Set(all.map((element) => element.localName));
  for (const forbidden of ['script', 'foreignObject', 'iframe', 'image', 'style', 'a', 'animate', 'set']) {
    expect(names.has(forbidden), `no <${forbidden}>`).toBe(false);
  }
  const ids = new Set(all.map((element) => element.getAttribute('id')).filter((id): id is string => id !== null && id !== ''));
  for (const element of all) {
    for (const attribute of Array.from(element.attributes)) {
      expect(/^on/i.test(attribute.localName ?? attribute.name), `no event handler ${attribute.name}`).toBe(false);
      if (attribute.localName === 'href') {
        expect(attribute.value.startsWith('#'), `local href ${attribute.value}`).toBe(true);
        expect(ids.has(attribute.value.slice(1)), `href ${attribute.value} names an element`).toBe(true);
      }
      expect(/url\(\s*['"]?(?!#)/i.test(attribute.value), `no external url() in ${attribute.name}`).toBe(false);
      expect(attribute.localName === 'style', 'no style attributes').toBe(false);
    }
  }
  return document;
}
