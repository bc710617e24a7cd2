/**
 * Catalog colours are CSS colours ("#ED7100", "rgba(0, 164, 166, 0.06)"). SVG 1.1 and the
 * office tools that import SVG know only opaque colours plus a separate opacity, so an
 * `rgba()` becomes a hex colour and a fill-opacity / stroke-opacity.
 */
export interface Paint {
  /** "#rrggbb", or a colour keyword. */
  color: string;
  /** 1 when opaque. */
  opacity: number;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNCTIONAL = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+%?)\s*)?\)$/i;
const KEYWORD = /^[a-z]{3,20}$/i;

/** Parses a CSS colour; anything unrecognised gives `fallback`, so a bad colour can never reach an attribute. */
export function parsePaint(css: string, fallback: Paint = { color: '#7d8998', opacity: 1 }): Paint {
  const value = css.trim();
  const hex = HEX.exec(value);
  if (hex) {
    let digits = hex[1]!.toLowerCase();
    if (digits.length <= 4) digits = [...digits].map((digit) => digit + digit).join('');
    const alpha = digits.length === 8 ? parseInt(digits.slice(6), 16) / 255 : 1;
    return { color: `#${digits.slice(0, 6)}`, opacity: roundOpacity(alpha) };
  }
  const functional = FUNCTIONAL.exec(value);
  if (functional) {
    const channel = (text: string) => Math.max(0, Math.min(255, Math.round(Number(text))));
    const [red, green, blue] = [functional[1]!, functional[2]!, functional[3]!].map(channel);
    const alphaText = functional[4];
    const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number(alphaText.slice(0, -1)) / 100 : Number(alphaText);
    return { color: `#${[red!, green!, blue!].map((part) => part.toString(16).padStart(2, '0')).join('')}`, opacity: roundOpacity(alpha) };
  }
  if (value.toLowerCase() === 'transparent') return { color: 'none', opacity: 1 };
  if (KEYWORD.test(value)) return { color: value.toLowerCase(), opacity: 1 };
  return fallback;
}

function roundOpacity(alpha: number): number {
  if (!Number.isFinite(alpha)) return 1;
  return Math.round(Math.max(0, Math.min(1, alpha)) * 1000) / 1000;
}
