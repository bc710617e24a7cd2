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

/** The longest a path or message of one problem is shown; a hostile file can make either megabytes long. */
export const MAX_ISSUE_CHARS = 300;

/** `text`, cut to `max` characters with an ellipsis when longer (whole surrogate pairs kept). */
export function capText(text: string, max = MAX_ISSUE_CHARS): string {
  if (text.length <= max) return text;
  const cut = /[\ud800-\udbff]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, cut)}…`;
}

/** The first `limit` problems, one line each, then "… and K more problems." */
export function describeIssues(issues: readonly DocumentIssue[], limit = 8): string[] {
  const lines = issues
    .slice(0, limit)
    .map((issue) => capText(issue.path ? `${capText(issue.path, 120)}: ${issue.message}` : issue.message));
  if (issues.length > limit) lines.push(`… and ${(issues.length - limit).toLocaleString('en-US')} more problems.`);
  return lines;
}

/** `text` as a sentence: a full stop added unless it already ends with one (or ! ? …), so messages never end in "..". */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
