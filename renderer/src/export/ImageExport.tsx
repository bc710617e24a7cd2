import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import {
  DEFAULT_BACKGROUND,
  exportDate,
  exportSvg,
  type ExportBackground,
  type ExportTheme,
  type SvgExportOptions,
} from '../../../shared/export/svg';
import { useServices } from '../app/services';
import { safeFileStem } from '../files/file-actions';
import { understoodPart } from '../../../shared/document';
import { findingsFor } from '../problems/findings';
import { blobToBase64, rasterSize, svgToPng } from './rasterize';

type Format = 'svg' | 'png';
const SCALES = [1, 2, 4] as const;

/**
 * SVG and PNG export with a live preview. The SVG is the native export from shared/ (the same
 * the CLI writes); the PNG is that SVG rasterized by the browser at the chosen scale.
 */
export function ImageExport({ onDone }: { onDone: () => void }) {
  const { documents, session, host, ui } = useServices();
  const document = useStore(documents, (state) => state.document);
  const readOnly = useStore(documents, (state) => state.readOnly);
  const fileName = useStore(documents, (state) => state.file?.name ?? null);
  const selectedNodeIds = useStore(session, (state) => state.selectedNodeIds);
  const [format, setFormat] = useState<Format>('png');
  // The whole diagram unless the user picks the selection: a selection left over from editing is rarely what is exported.
  const [scope, setScope] = useState<'all' | 'selection'>('all');
  const [theme, setTheme] = useState<ExportTheme>('light');
  const [background, setBackground] = useState<ExportBackground>(DEFAULT_BACKGROUND.light);
  const [padding, setPadding] = useState(32);
  const [badges, setBadges] = useState(false);
  // A saved image travels without the app: it says what it shows. Copy PNG (pasting into a document that has its own caption) leaves them out.
  const [titleBlock, setTitleBlock] = useState(true);
  const [legend, setLegend] = useState(true);
  const [scale, setScale] = useState<(typeof SCALES)[number]>(2);
  const [busy, setBusy] = useState<string | null>(null);

  const base = useMemo(
    (): SvgExportOptions => ({
      ...(scope === 'selection' ? { selection: [...selectedNodeIds] } : {}),
      padding,
      theme,
      background,
      // Findings of what this version checks; placeholders from a newer Stowage are drawn as plain boxes.
      ...(badges ? { findings: findingsFor(understoodPart(document, readOnly)) } : {}),
    }),
    [background, badges, document, padding, readOnly, scope, selectedNodeIds, theme],
  );
  const result = useMemo(
    () =>
      exportSvg(document, {
        ...base,
        ...(titleBlock ? { titleBlock: { date: exportDate(new Date()) } } : {}),
        ...(legend ? { legend: true } : {}),
      }),
    [base, document, legend, titleBlock],
  );
  const previewUrl = useMemo(() => URL.createObjectURL(new Blob([result.svg], { type: 'image/svg+xml' })), [result.svg]);
  useEffect(() => () => URL.revokeObjectURL(previewUrl), [previewUrl]);

  const pixels =
    format === 'png'
      ? rasterSize(result.width, result.height, scale)
      : { width: Math.ceil(result.width), height: Math.ceil(result.height) };
  const stem = safeFileStem(fileName?.replace(/\.stowage$/i, '') ?? document.metadata.title);

  const png = async (image: { svg: string; width: number; height: number } = result): Promise<Blob> => {
    const size = rasterSize(image.width, image.height, scale);
    setBusy(`Rendering ${size.width.toLocaleString()} × ${size.height.toLocaleString()} px…`);
    try {
      return await svgToPng(image.svg, image.width, image.height, scale);
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    try {
      const saved =
        format === 'svg'
          ? await host.exportFile({ suggestedName: `${stem}.svg`, format: 'svg', data: result.svg, encoding: 'utf8' })
          : await host.exportFile({
              suggestedName: `${stem}.png`,
              format: 'png',
              data: await blobToBase64(await png()),
              encoding: 'base64',
            });
      if (saved.status === 'error') ui.getState().showError('Could not export', saved.message);
      else if (saved.status === 'saved') {
        ui.getState().toast(`Exported ${saved.file.name}`, 'success');
        onDone();
      }
    } catch (error) {
      ui.getState().showError('Could not export', error instanceof Error ? error.message : String(error));
    }
  };

  const copyPng = async () => {
    try {
      // The diagram alone: what is pasted sits in a document that has its own title and caption.
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png(exportSvg(document, base)) })]);
      ui.getState().toast('Copied the diagram as PNG.', 'success');
    } catch (error) {
      ui.getState().showError(
        'Could not copy the image',
        `${error instanceof Error ? error.message : String(error)} Save the PNG instead.`,
      );
    }
  };

  return (
    <div className="stowage-export">
      <form className="stowage-export__options" onSubmit={(event) => event.preventDefault()} aria-label="Image export options">
        <Choice<Format>
          label="Format"
          value={format}
          onChange={setFormat}
          options={[
            ['png', 'PNG'],
            ['svg', 'SVG'],
          ]}
          name="format"
        />
        <Choice<'all' | 'selection'>
          label="Content"
          value={scope}
          onChange={setScope}
          options={[
            ['all', 'Whole diagram'],
            ['selection', `Selection (${selectedNodeIds.size})`],
          ]}
          disabled={selectedNodeIds.size === 0 ? ['selection'] : []}
          name="scope"
        />
        <Choice<ExportTheme>
          label="Theme"
          value={theme}
          onChange={(next) => {
            setTheme(next);
            if (background !== 'transparent') setBackground(DEFAULT_BACKGROUND[next]);
          }}
          options={[
            ['light', 'Light'],
            ['dark', 'Dark'],
          ]}
          name="theme"
        />
        <Choice<ExportBackground>
          label="Background"
          value={background}
          onChange={setBackground}
          options={[
            ['white', 'White'],
            ['dark', 'Dark'],
            ['transparent', 'Transparent'],
          ]}
          name="background"
        />
        {format === 'png' && (
          <Choice
            label="Scale"
            value={String(scale)}
            onChange={(next) => setScale(Number(next) as (typeof SCALES)[number])}
            options={SCALES.map((value) => [String(value), `${value}×`])}
            name="scale"
          />
        )}
        <label className="stowage-export__field">
          Padding (px)
          <input
            type="number"
            min={0}
            max={1000}
            value={padding}
            onChange={(event) => setPadding(Math.max(0, Math.min(1000, Number(event.target.value) || 0)))}
            data-field="padding"
          />
        </label>
        <label className="stowage-export__check">
          <input type="checkbox" checked={badges} onChange={(event) => setBadges(event.target.checked)} data-field="badges" />
          Show validation badges
        </label>
        <label className="stowage-export__check">
          <input type="checkbox" checked={titleBlock} onChange={(event) => setTitleBlock(event.target.checked)} data-field="title-block" />
          Title block (title, description, date)
        </label>
        <label className="stowage-export__check">
          <input type="checkbox" checked={legend} onChange={(event) => setLegend(event.target.checked)} data-field="legend" />
          Legend
        </label>
        <p className="stowage-export__size" data-testid="export-size">
          {pixels.width.toLocaleString()} × {pixels.height.toLocaleString()} px · {result.nodeCount} components · {result.edgeCount}{' '}
          connections
        </p>
        {readOnly && readOnly.placeholderNodeIds.length > 0 && (
          <p className="stowage-export__note" data-testid="image-newer-note">
            {readOnly.placeholderNodeIds.length === 1 ? 'One component' : `${readOnly.placeholderNodeIds.length} components`} from a newer
            version of Stowage {readOnly.placeholderNodeIds.length === 1 ? 'is' : 'are'} drawn as a plain box with{' '}
            {readOnly.placeholderNodeIds.length === 1 ? 'its' : 'their'} label.
          </p>
        )}
        <div className="stowage-export__actions">
          {format === 'png' && (
            <button type="button" onClick={() => void copyPng()} disabled={busy !== null}>
              Copy PNG
            </button>
          )}
          <button type="button" className="is-primary" onClick={() => void save()} disabled={busy !== null} data-testid="export-save">
            Export {format.toUpperCase()}…
          </button>
        </div>
        {busy && (
          <p className="stowage-export__busy" role="status">
            {busy}
          </p>
        )}
      </form>
      <div className={`stowage-export__preview is-${background}`} aria-label="Preview">
        <img src={previewUrl} alt="Export preview" data-testid="export-preview" />
      </div>
    </div>
  );
}

function Choice<T extends string>({
  label,
  value,
  onChange,
  options,
  disabled = [],
  name,
}: {
  label: string;
  value: T;
  onChange: (value: T) => void;
  options: readonly (readonly [T, string])[];
  disabled?: readonly T[];
  name: string;
}) {
  return (
    <fieldset className="stowage-export__choice">
      <legend>{label}</legend>
      <div className="stowage-segmented" role="radiogroup" aria-label={label}>
        {options.map(([option, text]) => (
          <label key={option} className={option === value ? 'is-checked' : ''}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={option === value}
              disabled={disabled.includes(option)}
              onChange={() => onChange(option)}
            />
            {text}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
