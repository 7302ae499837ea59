// Tests run in the system's Chromium (Debian package), never a downloaded browser.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { summaryReporter } from './test/reporters/summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { feedRoutes } from './test/server/feed-routes.mjs';
import { timezonePlugin } from './test/server/timezone-plugin.mjs';

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
  ],
  middleware: [feedRoutes],
  browsers: [
    chromeLauncher({
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
