// Tests run in the system's Chromium (Debian package), never a downloaded browser.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { summaryReporter } from './test/reporters/summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { feedRoutes } from './test/server/feed-routes.mjs';
import { hardeningRoutes } from './test/server/hardening-routes.mjs';
import { embedCors, embedRoutes } from './test/server/embed-routes.mjs';
import { streamRoutes } from './test/server/stream-routes.mjs';
import { timezonePlugin } from './test/server/timezone-plugin.mjs';

// papaparse ships only as a UMD/CommonJS script; the browser needs an ES module, so only it is transformed (Vite
// does the same in the build). Its one require() (Node's 'stream', for Papa.NODE_STREAM_INPUT, unused here) is left
// alone, and `strictRequires: false` gives a plain module with a default export (the plugin's lazily wrapped form
// needs proxy modules the dev server does not serve).
const commonjs = fromRollup(rollupCommonjs);

const executablePath =
  process.env.CHROME_PATH ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

if (!executablePath) {
  throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROME_PATH.');
}

export default {
  files: ['src/**/test/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 240000,
  rootDir: '.',
  testFramework: { config: { timeout: 20000 } },
  plugins: [
    timezonePlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    commonjs({ include: ['**/node_modules/papaparse/**'], ignore: ['stream'], strictRequires: false }),
  ],
  middleware: [embedCors, feedRoutes, hardeningRoutes, embedRoutes, streamRoutes],
  browsers: [
    chromeLauncher({
      // Each test page in a browser context (and so a window) of its own: with tabs sharing one window, every page
      // but one is a hidden background tab that gets no animation frames, IntersectionObserver callbacks or WebGL
      // drawing, and <event-map> (which loads when visible and draws with WebGL) could never become ready there.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--use-angle=swiftshader',
          '--enable-unsafe-swiftshader',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
