// Finds the elements of the library: every folder src/elements/<tag>/ that holds a <tag>.define.ts.
// The build, the size check and the consistency checks all read the list from here, so adding an element
// folder is enough for it to get its own CDN bundle.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** @returns {{ tag: string, define: string, module: string }[]} sorted by tag; paths relative to the repo root */
export function findElements(base = root) {
  const dir = join(base, 'src/elements');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, `${d.name}.define.ts`)))
    .map((d) => ({
      tag: d.name,
      define: `src/elements/${d.name}/${d.name}.define.ts`,
      module: `src/elements/${d.name}/${d.name}.ts`,
    }))
    .sort((a, b) => a.tag.localeCompare(b.tag));
}
