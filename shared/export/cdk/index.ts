export { generateCdkApp, packageNameOf } from './app';
export type { CdkAppOptions, CdkAppResult, CdkVersions, GeneratedFile } from './types';
export { DEFAULT_TOOL_VERSIONS, ESSENTIAL_FEATURE_FLAGS } from './files/project';
export { KUBECTL_LAYER_PACKAGE } from './stack-builder';
