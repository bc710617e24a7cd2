import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDiagram } from '../../bench/generate-diagram';
import { DocumentIndex, serializeDocument } from '../../shared/document';
import { exportDate, exportSvg } from '../../shared/export/svg';
import { sampleDocument } from '../../shared/export/svg/sample.test-support';
import { runRules } from '../../shared/rules';
import { EXIT, type Output } from '../io';
import { main } from '../main';
import { countInk, decodePng, pngHeader } from '../png.test-support';
import { MAX_PNG_PIXELS, rasterizeSvg, withPhysicalSize } from '../rasterize';
import { parseScale } from './export-png';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const sample = sampleDocument();
let folder: string;
let sampleFile: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'stowage-export-'));
  sampleFile = join(folder, 'sample.stowage');
  writeFileSync(sampleFile, serializeDocument(sample));
});

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

async function run(...args: string[]) {
  const output = capture();
  const code = await main(args, output);
  return { code, stdout: output.stdout.join('\n'), stderr: output.stderr.join('\n') };
}

const WHITE = [255, 255, 255, 255];

describe('stowage export svg', () => {
  it('writes exactly the SVG the app exports', async () => {
    const out = join(folder, 'plain.svg');
    const result = await run('export', 'svg', sampleFile, '-o', out);
    expect(result).toMatchObject({ code: EXIT.ok, stderr: '' });
    const expected = exportSvg(sample);
    expect(readFileSync(out, 'utf8')).toBe(expected.svg);
    expect(result.stdout).toBe(`Wrote ${out} (${expected.width} × ${expected.height} px, 26 components, 9 connections).`);
  });

  it('passes every option through', async () => {
    const out = join(folder, 'options.svg');
    const result = await run(
      'export',
      'svg',
      sampleFile,
      '--output',
      out,
      '--selection',
      'ecs, ecr',
      '--padding',
      '8',
      '--background',
      'transparent',
      '--theme',
      'dark',
    );
    expect(result.code).toBe(EXIT.ok);
    expect(readFileSync(out, 'utf8')).toBe(
      exportSvg(sample, { selection: ['ecs', 'ecr'], padding: 8, background: 'transparent', theme: 'dark' }).svg,
    );
  });

  it('draws badges from the rule engine with --badges', async () => {
    const out = join(folder, 'badges.svg');
    expect((await run('export', 'svg', sampleFile, '-o', out, '--badges')).code).toBe(EXIT.ok);
    expect(readFileSync(out, 'utf8')).toBe(exportSvg(sample, { findings: runRules(sample) }).svg);
  });

  it("adds the title block with today's date and the legend with --title-block and --legend", async () => {
    const out = join(folder, 'framed.svg');
    expect((await run('export', 'svg', sampleFile, '-o', out, '--title-block', '--legend')).code).toBe(EXIT.ok);
    expect(readFileSync(out, 'utf8')).toBe(exportSvg(sample, { titleBlock: { date: exportDate(new Date()) }, legend: true }).svg);
  });

  it('reports unreadable and invalid files with exit code 2', async () => {
    const missing = await run('export', 'svg', join(folder, 'missing.stowage'), '-o', join(folder, 'x.svg'));
    expect(missing.code).toBe(EXIT.unreadable);
    expect(missing.stderr).toContain('no such file');
    const broken = join(folder, 'broken.stowage');
    writeFileSync(broken, '{ "schemaVersion": 1, "nodes": [');
    const invalid = await run('export', 'svg', broken, '-o', join(folder, 'x.svg'));
    expect(invalid.code).toBe(EXIT.unreadable);
    expect(invalid.stderr).toContain(broken);
    expect(existsSync(join(folder, 'x.svg'))).toBe(false);
  });

  it('refuses wrong usage with exit code 64 and says what to fix', async () => {
    const out = join(folder, 'x.svg');
    const cases: Array<[string[], string]> = [
      [['export', 'svg'], 'name the diagram file'],
      [['export', 'svg', sampleFile], 'with -o OUT'],
      [['export', 'svg', sampleFile, sampleFile, '-o', out], 'one diagram at a time'],
      [['export', 'svg', sampleFile, '-o', out, '--padding', 'wide'], '--padding must be a number'],
      [['export', 'svg', sampleFile, '-o', out, '--padding=-1'], '--padding must be a number'],
      [['export', 'svg', sampleFile, '-o', out, '--background', 'pink'], '--background must be transparent, white or dark'],
      [['export', 'svg', sampleFile, '-o', out, '--theme', 'sepia'], '--theme must be light or dark'],
      [['export', 'svg', sampleFile, '-o', out, '--selection', ' , '], '--selection needs component ids'],
      [['export', 'svg', sampleFile, '-o', out, '--selection', 'ecs,ghost'], 'does not have: "ghost"'],
      [['export', 'svg', sampleFile, '-o', out, '--scale', '2'], "Unknown option '--scale'"],
      [['export', 'svg', sampleFile, '-o', join(folder, 'no-such-folder', 'x.svg')], 'does not exist'],
      [['export', 'svg', sampleFile, '-o', folder], 'is a folder'],
    ];
    for (const [args, message] of cases) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(EXIT.usage);
      expect(result.stderr, args.join(' ')).toContain(message);
      expect(result.stderr).toContain('stowage export svg --help');
    }
    expect(existsSync(out)).toBe(false);
  });

  it('shows its options with --help', async () => {
    const help = await run('export', 'svg', '--help');
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout).toContain('Usage: stowage export svg FILE -o OUT.svg');
    expect(help.stdout).toContain('--selection');
  });

  it('runs as a real process through cli/stowage.mjs', () => {
    const out = join(folder, 'spawned.svg');
    const child = spawnSync(
      process.execPath,
      [join(repositoryRoot, 'cli/stowage.mjs'), 'export', 'svg', sampleFile, '-o', out, '--theme', 'dark'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout).toContain(`Wrote ${out}`);
    expect(readFileSync(out, 'utf8')).toBe(exportSvg(sample, { theme: 'dark' }).svg);
  });
});

describe('stowage export png', () => {
  it('renders at 2× by default with exactly twice the SVG size, marked as 192 dpi', async () => {
    const out = join(folder, 'sample.png');
    const result = await run('export', 'png', sampleFile, '-o', out);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    const svg = exportSvg(sample);
    const png = readFileSync(out);
    expect(pngHeader(png)).toMatchObject({ width: svg.width * 2, height: svg.height * 2 });
    const image = decodePng(png);
    expect(image.chunks.slice(0, 2)).toEqual(['IHDR', 'pHYs']);
    expect(image.chunks.at(-1)).toBe('IEND');
    expect(image.pixelsPerMetre).toBe(Math.round(192 / 0.0254));
    // Not blank: a good share of the image is drawn, and the corners are the white background.
    const ink = countInk(image, { x: 0, y: 0, width: image.width, height: image.height }, WHITE);
    expect(ink).toBeGreaterThan(image.width * image.height * 0.02);
    expect(Array.from(image.pixels.subarray(0, 4))).toEqual(WHITE);
    expect(result.stdout).toContain(`(${svg.width * 2} × ${svg.height * 2} px at 2×`);
  });

  it('draws the text: the label area of a white card holds dark glyphs', async () => {
    const out = join(folder, 'text.png');
    expect((await run('export', 'png', sampleFile, '-o', out, '--scale', '1', '--padding', '0')).code).toBe(EXIT.ok);
    const image = decodePng(readFileSync(out));
    const index = new DocumentIndex(sample);
    const bounds = exportSvg(sample, { padding: 0 });
    // The content group is translated so the drawing's extent starts at 0,0; find the card relative to the leftmost node.
    const parsedOffset = /translate\((-?[\d.]+) (-?[\d.]+)\)/.exec(bounds.svg)!;
    const card = index.absoluteRect('orders-api');
    const x = Math.round(card.x + Number(parsedOffset[1]));
    const y = Math.round(card.y + Number(parsedOffset[2]));
    const labelArea = { x: x + 56, y: y + 10, width: 136, height: 15 };
    const summaryArea = { x: x + 56, y: y + 32, width: 136, height: 12 };
    const iconArea = { x: x + 8, y: y + 8, width: 40, height: 40 };
    const blankArea = { x: x + 60, y: y + 46, width: 120, height: 6 };
    expect(countInk(image, labelArea, WHITE)).toBeGreaterThan(100);
    expect(countInk(image, summaryArea, WHITE)).toBeGreaterThan(60);
    expect(countInk(image, iconArea, WHITE)).toBeGreaterThan(150);
    expect(countInk(image, blankArea, WHITE)).toBe(0);
  });

  it('honours --scale 1 and 4 and --dpi', async () => {
    const svg = exportSvg(sample, { selection: ['alb'] });
    for (const [flag, value, factor] of [
      ['--scale', '1', 1],
      ['--scale', '4', 4],
      ['--dpi', '288', 3],
      ['--scale', '1.5', 1.5],
    ] as const) {
      const out = join(folder, `scale-${value}.png`);
      const result = await run('export', 'png', sampleFile, '-o', out, '--selection', 'alb', flag, value);
      expect(result.code, result.stderr).toBe(EXIT.ok);
      expect(pngHeader(readFileSync(out)), `${flag} ${value}`).toMatchObject({
        width: Math.ceil(svg.width * factor),
        height: Math.ceil(svg.height * factor),
      });
    }
  });

  it('paints the chosen background', async () => {
    const corner = async (...args: string[]) => {
      const out = join(folder, `background-${args.join('-')}.png`);
      expect((await run('export', 'png', sampleFile, '-o', out, '--selection', 'alb', '--scale', '1', ...args)).code).toBe(EXIT.ok);
      return Array.from(decodePng(readFileSync(out)).pixels.subarray(0, 4));
    };
    expect(await corner()).toEqual(WHITE);
    expect(await corner('--background', 'transparent')).toEqual([0, 0, 0, 0]);
    expect(await corner('--background', 'dark')).toEqual([0x0f, 0x14, 0x19, 255]);
    expect(await corner('--theme', 'dark')).toEqual([0x0f, 0x14, 0x19, 255]);
  });

  it('renders a diagram of 1,000 components (over 8,000 px a side) completely', async () => {
    const big = generateDiagram(1000);
    const bigFile = join(folder, 'big.stowage');
    writeFileSync(bigFile, serializeDocument(big));
    const out = join(folder, 'big.png');
    const result = await run('export', 'png', bigFile, '-o', out, '--scale', '1');
    expect(result.code, result.stderr).toBe(EXIT.ok);
    const svg = exportSvg(big);
    const image = decodePng(readFileSync(out));
    expect([image.width, image.height]).toEqual([svg.width, svg.height]);
    expect(Math.max(image.width, image.height)).toBeGreaterThan(8000);
    // The far ends are drawn: the right-most and bottom-most content lie within the padding of the edges.
    const strip = 120;
    expect(countInk(image, { x: image.width - strip, y: 0, width: strip, height: image.height }, WHITE)).toBeGreaterThan(1000);
    expect(countInk(image, { x: 0, y: image.height - strip, width: image.width, height: strip }, WHITE)).toBeGreaterThan(1000);
    // Every cell of a coarse grid over the content has something drawn in it, as the generator fills the plane.
    const index = new DocumentIndex(big);
    const offset = /translate\((-?[\d.]+) (-?[\d.]+)\)/.exec(svg.svg)!;
    const regions = big.nodes.filter((node) => node.kind === 'region');
    for (const region of regions) {
      const rect = index.absoluteRect(region.id);
      const x = Math.round(rect.x + Number(offset[1]));
      const y = Math.round(rect.y + Number(offset[2]));
      expect(
        countInk(image, { x: x + rect.width - 400, y: y + rect.height - 400, width: 400, height: 400 }, WHITE),
        region.id,
      ).toBeGreaterThan(500);
    }
  }, 120_000);

  it('refuses an image too large to make, and says which scale would work', async () => {
    const big = generateDiagram(1000);
    const bigFile = join(folder, 'big-refused.stowage');
    writeFileSync(bigFile, serializeDocument(big));
    const out = join(folder, 'too-big.png');
    const result = await run('export', 'png', bigFile, '-o', out, '--scale', '4');
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(/more than the 500-megapixel limit\. Use --scale 2\.\d+ or less/);
    expect(existsSync(out)).toBe(false);
    expect(MAX_PNG_PIXELS).toBe(500_000_000);
  });

  it('refuses wrong scales', async () => {
    for (const [args, message] of [
      [['--scale', '0'], '--scale must be a number above 0'],
      [['--scale', 'big'], '--scale must be a number above 0'],
      [['--scale', '17'], 'at most 16'],
      [['--dpi', '0'], '--dpi must be a number above 0'],
      [['--dpi', '96', '--scale', '1'], 'not both'],
    ] as const) {
      const result = await run('export', 'png', sampleFile, '-o', join(folder, 'x.png'), ...args);
      expect(result.code, args.join(' ')).toBe(EXIT.usage);
      expect(result.stderr).toContain(message);
    }
  });
});

describe('parseScale', () => {
  it('reads scales and dpi', () => {
    expect(parseScale(undefined, undefined)).toBe(2);
    expect(parseScale('4', undefined)).toBe(4);
    expect(parseScale('2x', undefined)).toBe(2);
    expect(parseScale(undefined, '300')).toBe(3.125);
  });
});

describe('rasterizeSvg', () => {
  it('renders text with an installed font', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="4" y="20" font-size="16" font-family="\'Helvetica Neue\', Helvetica, Arial, sans-serif">Stowage</text></svg>';
    const image = decodePng(rasterizeSvg(svg, { scale: 1 }).png);
    expect(countInk(image, { x: 0, y: 0, width: 120, height: 30 }, [0, 0, 0, 0])).toBeGreaterThan(100);
  });

  it('marks the resolution with one valid pHYs chunk', () => {
    const { png } = rasterizeSvg('<svg xmlns="http://www.w3.org/2000/svg" width="3" height="2"/>', { scale: 3 });
    const image = decodePng(png);
    expect(image.chunks.filter((chunk) => chunk === 'pHYs')).toHaveLength(1);
    expect(image.pixelsPerMetre).toBe(Math.round(288 / 0.0254));
    expect(withPhysicalSize(Buffer.from('not a png'), 2).toString()).toBe('not a png');
    expect(spawnPngCheck(png)).toBe(true);
  });
});

/** A second opinion on PNG validity (chunk CRCs included): librsvg's loader, when rsvg-convert is installed. */
function spawnPngCheck(png: Buffer): boolean {
  const probe = spawnSync('rsvg-convert', ['--version']);
  if (probe.error || probe.status !== 0) return true;
  const directory = mkdtempSync(join(tmpdir(), 'stowage-png-'));
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'in.png'), png);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="3" height="2"><image width="3" height="2" xlink:href="in.png"/></svg>`;
  writeFileSync(join(directory, 'wrap.svg'), svg);
  const run = spawnSync('rsvg-convert', ['--output', join(directory, 'out.png'), join(directory, 'wrap.svg')], { encoding: 'utf8' });
  return run.status === 0 && run.stderr === '';
}
