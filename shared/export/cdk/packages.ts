/** The kubectl Lambda layer package the generated EKS code imports (matches Kubernetes 1.33). */
export const KUBECTL_LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33';
