import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';

// The manifest written by `node scripts/build.mjs --manifest-only` (the storybook scripts run it first). A glob,
// so that Storybook still starts when it has not been generated yet: the docs tables are just empty then.
const manifests = import.meta.glob<{ default: object }>('../dist/custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

// The "Language" toolbar menu: every story's elements follow the story root's `lang` (shared/locale.ts), Arabic
// right to left.
const LANGUAGES: [string, string][] = [
  ['en', 'English'],
  ['es', 'Español'],
  ['so', 'Soomaali'],
  ['am', 'አማርኛ'],
  ['ar', 'العربية'],
  ['vi', 'Tiếng Việt'],
  ['zh-Hans', '简体中文'],
  ['ht', 'Kreyòl ayisyen'],
  ['fr', 'Français'],
  ['tl', 'Tagalog'],
];

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    // Fail loudly in the a11y panel: every state must pass axe.
    a11y: { test: 'error' },
  },
  globalTypes: {
    locale: {
      description: "Language of the elements (their lang attribute's ancestor)",
      toolbar: { title: 'Language', icon: 'globe', items: LANGUAGES.map(([value, title]) => ({ value, title })), dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'en' },
  decorators: [
    (story, context) => {
      const lang = (context.globals.locale as string) || 'en';
      // Storybook renders the story inside #storybook-root; the elements take the language of this ancestor.
      document.querySelector('#storybook-root')?.setAttribute('lang', lang);
      document.querySelector('#storybook-docs')?.setAttribute('lang', lang);
      return story();
    },
  ],
  tags: ['autodocs'],
};

export default preview;
