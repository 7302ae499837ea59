// `npm run screenshots` (after `npm run build-storybook`): a picture of each element for the docs,
// docs/images/<tag>.png, taken from its story in the static Storybook (storybook-static/), so the pictures follow
// the code. Serves the folder on 127.0.0.1, opens each story's canvas in the system Chromium (playwright-core; never
// a downloaded browser), waits for the element's ready signal (its feed loaded and drawn; for <event-map>,
// `:state(ready)`: the map is idle), then photographs the element alone.
//   --dir <folder>     another static Storybook build (default storybook-static)
//   --only <tag,...>   just these elements
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { findElements, root } from './lib/elements.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dir = join(root, opt('--dir') ?? 'storybook-static');
const only = opt('--only')?.split(',');
const outDir = join(root, 'docs/images');
const MAX_HEIGHT = 720;

/** The story shown in the docs for each element (else its first story). */
const PREFERRED = {
  'event-list': 'default',
  'event-map': 'default',
  'event-countdown': 'before',
  'action-banner': 'before-bar',
  'partner-list': 'grid',
};

if (!existsSync(join(dir, 'index.json'))) {
  console.error(`No Storybook build in ${dir}: run \`npm run build-storybook\` first.`);
  process.exit(1);
}
const executablePath =
  process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!executablePath) {
  console.error('No Chromium found: install it (apt-get install -y chromium) or set CHROME_PATH.');
  process.exit(1);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.csv': 'text/csv', '.jsonld': 'application/ld+json', '.pmtiles': 'application/octet-stream' };
const server = createServer((req, res) => {
  const path = normalize(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  const file = path.startsWith(dir) && existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
  if (!file.startsWith(dir) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
const tags = findElements().map((e) => e.tag).filter((t) => !only || only.includes(t));

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking'],
});
mkdirSync(outDir, { recursive: true });
let failed = 0;
try {
  const context = await browser.newContext({ viewport: { width: 960, height: 800 }, reducedMotion: 'reduce', colorScheme: 'light' });
  for (const tag of tags) {
    const own = stories.filter((s) => s.importPath.includes(`/elements/${tag}/`));
    const story = own.find((s) => s.id.endsWith(`--${PREFERRED[tag]}`)) ?? own[0];
    if (!story) {
      console.log(`  ${tag.padEnd(16)} no story: skipped`);
      failed++;
      continue;
    }
    const page = await context.newPage();
    const foreign = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
    });
    const t0 = performance.now();
    try {
      await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story`);
      const el = page.locator(tag).first();
      await el.waitFor({ state: 'attached', timeout: 20000 });
      // Ready: the element has drawn, is not loading, and a map is idle.
      await page.waitForFunction(
        (name) => {
          const node = document.querySelector(name);
          if (!node?.shadowRoot || !customElements.get(name)) return false;
          const text = node.shadowRoot.textContent ?? '';
          if (/Loading/.test(text)) return false;
          if (name === 'event-map') {
            try {
              return node.matches(':state(ready)');
            } catch {
              return node.hasAttribute('ready');
            }
          }
          return text.trim().length > 0 || node.getBoundingClientRect().height > 0;
        },
        tag,
        { timeout: 30000 },
      );
      await page.evaluate(() => document.fonts.ready);
      const file = join(outDir, `${tag}.png`);
      const box = await el.boundingBox();
      // The element alone, at most MAX_HEIGHT tall (a long list shows its first screen).
      if (box && box.height > 0) {
        const clip = { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, MAX_HEIGHT) };
        await page.screenshot({ path: file, clip, fullPage: true, animations: 'disabled' });
      } else await page.screenshot({ path: file, animations: 'disabled' });
      const size = statSync(file).size;
      console.log(
        `  ${tag.padEnd(16)} ${story.id.padEnd(48)} ${(size / 1024).toFixed(0).padStart(4)} KB  ${((performance.now() - t0) / 1000).toFixed(1)} s` +
          (foreign.length ? `  (requests to other origins: ${foreign.join(', ')})` : ''),
      );
    } catch (e) {
      failed++;
      console.log(`  ${tag.padEnd(16)} ${story.id}: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`docs/images/: ${tags.length - failed} of ${tags.length} pictures`);
process.exit(failed ? 1 : 0);
