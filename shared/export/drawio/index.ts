export { exportDrawio, iconCellId, DRAWIO_LAYER_ID, DRAWIO_ROOT_ID, type DrawioExport } from './render';
export { AWS4, AWS4_SHAPE_NAMES, DRAWIO_LOOKS, type Aws4ShapeName, type DrawioLook } from './shapes';
