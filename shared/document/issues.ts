/** A problem found while loading a document: where (a JSON path) and what. */
export interface DocumentIssue {
  /** JSON path such as `nodes[3].props.cpu`; empty for the whole document. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

export function describeIssues(issues: readonly DocumentIssue[], limit = 8): string[] {
  const lines = issues.slice(0, limit).map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  if (issues.length > limit) lines.push(`… and ${issues.length - limit} more problems.`);
  return lines;
}
