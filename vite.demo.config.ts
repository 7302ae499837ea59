// Serves the demo page (demo/index.html) and the embed builder (demo/builder.html) with the library's sources, for
// `npm start` / `npm run dev`; `vite build --config vite.demo.config.ts` writes both as a static site to dist-demo/
// (the builder then looks for the CDN files at ../dist/cdn/ next to it: see its <meta name="turnout-cdn">).
// The root is the repository, so the page imports src/ directly and the bundled feeds are plain static files
// at /demo/data/*. The package build has its own config (vite.config.ts). TypeScript (and Lit's legacy
// decorators) is compiled by Vite following tsconfig.json.
import { defineConfig, type Plugin } from 'vite';

/** "/" has no page of its own: send visitors to the demo. */
function redirectRootToDemo(): Plugin {
  return {
    name: 'turnout-demo-root',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url === '/' || req.url === '/index.html') {
          res.statusCode = 302;
          res.setHeader('Location', '/demo/');
          res.end();
          return;
        }
        next();
      });
    },
  };
}

export default defineConfig({
  root: '.',
  publicDir: false,
  plugins: [redirectRootToDemo()],
  build: {
    outDir: 'dist-demo',
    emptyOutDir: true,
    rolldownOptions: {
      input: { index: 'demo/index.html', builder: 'demo/builder.html' },
    },
  },
  server: {
    port: 5173,
    // Opens a browser where one is available (`CI=1` or a headless machine skips it quietly).
    open: process.env.CI ? false : '/demo/',
  },
});
