export { exportSvg, svgDimensions, MAX_PADDING, type SvgExport, type SvgExportOptions } from './render';
export { exportScope, unknownNodeIds, type ExportScope } from './scope';
export * from './style';
export { exportDate } from './frame';
