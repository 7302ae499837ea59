// Custom Elements Manifest (dist/custom-elements.json, package.json "customElements"), read by editors,
// Storybook's docs tables and other tools. Run by scripts/build.mjs.
//
// The analyzer reads the TypeScript sources; the manifest then points at the published files (dist/**/*.js) so
// the paths it lists exist in the npm package.
const toDist = (p) => p.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');

function rewritePaths(node) {
  if (Array.isArray(node)) return node.forEach(rewritePaths);
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = toDist(value);
    else rewritePaths(value);
  }
}

export default {
  globs: [
    'src/elements/**/*.ts',
    // The shared base class: its attributes (src, format, time-zone, refresh, ...) are inherited by every element.
    'src/shared/feed-element.ts',
  ],
  exclude: ['src/**/test/**', 'src/**/stories/**', 'src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json's "customElements" field is maintained by hand.
  packagejson: false,
  plugins: [
    {
      name: 'turnout-dist-paths',
      packageLinkPhase({ customElementsManifest }) {
        rewritePaths(customElementsManifest.modules);
      },
    },
  ],
};
