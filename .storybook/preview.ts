import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';

// The manifest written by `node scripts/build.mjs --manifest-only` (the storybook scripts run it first). A glob,
// so that Storybook still starts when it has not been generated yet: the docs tables are just empty then.
const manifests = import.meta.glob<{ default: object }>('../dist/custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    // Fail loudly in the a11y panel: every state must pass axe.
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};

export default preview;
