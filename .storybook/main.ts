// Storybook for the Turnout elements: stories live next to each element (src/elements/<tag>/stories/) and
// docs pages in stories/. `npm run storybook` / `npm run build-storybook` first write dist/custom-elements.json,
// which fills the docs tables (see preview.ts).
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const demoData = fileURLToPath(new URL('../demo/data', import.meta.url));

// Every element gets a docs page (autodocs, preview.ts) and the a11y panel from its stories: say so when an
// element has none yet, rather than leaving it silently out of the docs.
const elementsDir = fileURLToPath(new URL('../src/elements', import.meta.url));
for (const tag of existsSync(elementsDir) ? readdirSync(elementsDir) : []) {
  const stories = fileURLToPath(new URL(`../src/elements/${tag}/stories`, import.meta.url));
  if (!existsSync(stories) || !readdirSync(stories).some((f) => f.endsWith('.stories.ts'))) {
    console.warn(`Storybook: <${tag}> has no stories (src/elements/${tag}/stories/*.stories.ts), so no docs page.`);
  }
}

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/*.mdx', '../stories/*.stories.ts', '../src/elements/**/stories/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // Stories fetch the bundled sample feeds as `demo/data/<file>` (same origin, no third-party requests).
  staticDirs: existsSync(demoData)
    ? [
        { from: '../demo/data', to: '/demo/data' },
        { from: '../demo/logos', to: '/demo/logos' },
      ]
    : [],
  core: { disableTelemetry: true },
  // Vite reads vite.config.ts (minus its `build` section) and tsconfig.json, so Lit's experimental decorators
  // are transpiled here exactly as in the library build.
};

export default config;
