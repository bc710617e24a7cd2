import type { Severity } from '../../rules/types';

/**
 * The look of a diagram: one set of numbers and colours that the SVG/PNG export draws with
 * and the canvas imports, so an export looks exactly like the canvas. All lengths are px in
 * diagram coordinates; text positions are baselines relative to the node's top-left corner.
 */

/** Helvetica first (macOS), then Arial (Windows) and the metric-compatible clones Linux maps Arial to. */
export const FONT_FAMILY = "'Helvetica Neue', Helvetica, Arial, sans-serif";

export type ExportTheme = 'light' | 'dark';
export type ExportBackground = 'transparent' | 'white' | 'dark';

export const THEMES: Readonly<Record<ExportTheme, ThemeColors>> = {
  light: {
    leafFill: '#ffffff',
    leafStroke: '#c6ccd2',
    label: '#16191f',
    summary: '#5f6b7a',
    edge: '#545b64',
    edgeLabel: '#414d5c',
    edgeLabelBackground: '#ffffff',
  },
  dark: {
    leafFill: '#1b2430',
    leafStroke: '#3a4656',
    label: '#e8ecf0',
    summary: '#9aa5b1',
    edge: '#9aa5b1',
    edgeLabel: '#c5ccd3',
    edgeLabelBackground: '#0f1419',
  },
};

export interface ThemeColors {
  leafFill: string;
  leafStroke: string;
  /** Node and group titles. */
  label: string;
  /** The one-line property summary under (leaf) or beside (group) the title. */
  summary: string;
  edge: string;
  edgeLabel: string;
  edgeLabelBackground: string;
}

/**
 * Icon colours swapped in the dark theme. AWS draws its general resource icons (Users …) in
 * "squid ink" for light backgrounds and in white for dark ones; the bundle has the light
 * version, so the dark theme recolours it the way AWS's dark variant looks.
 */
export const DARK_ICON_RECOLOR: Readonly<Record<string, string>> = {
  '#232f3e': '#ffffff',
  '#242f3e': '#ffffff',
};

/** Page colour behind the diagram; transparent draws nothing. */
export const BACKGROUNDS: Readonly<Record<ExportBackground, string | undefined>> = {
  transparent: undefined,
  white: '#ffffff',
  dark: '#0f1419',
};

/** The background an export gets when none is asked for: the theme's own page colour. */
export const DEFAULT_BACKGROUND: Readonly<Record<ExportTheme, ExportBackground>> = { light: 'white', dark: 'dark' };

/** A component card (every kind without `group` in the catalog). */
export const LEAF = {
  cornerRadius: 8,
  strokeWidth: 1,
  iconX: 8,
  iconY: 8,
  iconSize: 40,
  textX: 56,
  /** Space kept free right of the text. */
  textPaddingRight: 8,
  labelBaseline: 23,
  /** Baseline of the label when the kind has no summary: vertically centred in a 56 px card. */
  labelBaselineAlone: 32,
  labelFontSize: 13,
  labelFontWeight: 600,
  summaryBaseline: 41,
  summaryFontSize: 11,
} as const;

/** An AWS-style group box (region, VPC, subnet, cluster, capacity …): square corners, icon flush in the top-left corner. */
export const GROUP = {
  strokeWidth: 1.5,
  dashArray: '6 4',
  iconSize: 32,
  titleX: 40,
  titleBaseline: 21,
  titleFontSize: 13,
  titleFontWeight: 600,
  /** Space between the title and the summary that follows it on the same line. */
  summaryGap: 8,
  summaryFontSize: 11,
  textPaddingRight: 8,
  /** A summary squeezed narrower than this is left out rather than shown as a lone "…". */
  minSummaryWidth: 24,
} as const;

export const EDGE = {
  strokeWidth: 1.5,
  /** Closed arrowhead at the target: length along the edge and width across it. */
  arrowLength: 10,
  arrowWidth: 8,
  labelFontSize: 11,
  labelPaddingX: 6,
  labelPaddingY: 3,
  labelCornerRadius: 4,
  /** Baseline offset below the label centre that centres mixed-case text visually (about half the x-height plus a bit). */
  labelBaselineOffset: 4,
} as const;

/** Validation badge in a node's top-right corner. */
export const BADGE = {
  radius: 9,
  /** Centre, measured from the node's top-right corner inwards. */
  insetX: 4,
  insetY: 4,
  fontSize: 11,
  fontWeight: 700,
  /** Baseline offset below the centre for digits (cap height / 2). */
  baselineOffset: 4,
  /** Wider counts ("12") turn the circle into a pill with this much room either side of the text. */
  pillPaddingX: 5,
} as const;

export const SEVERITY_COLORS: Readonly<Record<Severity, { fill: string; text: string }>> = {
  error: { fill: '#d13212', text: '#ffffff' },
  warning: { fill: '#f89256', text: '#16191f' },
  info: { fill: '#0972d3', text: '#ffffff' },
};

/** Padding around the content of an export, in px, when none is asked for. */
export const DEFAULT_PADDING = 32;
