// Shared by the feed tool's node:test files: compile src/ with tsc when dist/cli is older than the sources, run
// the real bin in a child process, and serve bodies from a local HTTP server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtures = join(root, 'test/node/fixtures');
export const demo = join(root, 'demo/data');
const bin = join(root, 'bin/turnout-feed.mjs');
const built = join(root, 'dist/cli/main.js');

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    if (!String(name).endsWith('.ts')) continue;
    t = Math.max(t, statSync(join(dir, String(name))).mtimeMs);
  }
  return t;
}

/** Runs tsc (as `npm run build` does) when dist/cli is missing or older than the TypeScript it depends on. */
export function ensureBuilt() {
  const sources = ['src/cli', 'src/feed', 'src/geo', 'src/shared'].map((d) => join(root, d)).filter(existsSync);
  const stale = !existsSync(built) || !existsSync(join(root, 'dist/geo/locality.js')) ||
    Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
  if (!stale) return;
  const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' });
  // Type errors elsewhere in src/ still emit JavaScript; only a missing output is fatal here.
  if (!existsSync(built)) throw new Error(`tsc did not produce dist/cli/main.js:\n${tsc.stdout}${tsc.stderr}`);
}

let main;

/**
 * Runs `turnout-feed ...args` in this process through the same `run()` the bin calls (fast: no Node start-up per
 * call); resolves with { code, stdout, stderr }.
 */
export async function cli(args) {
  main ??= await import(join(root, 'dist/cli/main.js'));
  let stdout = '';
  let stderr = '';
  const code = await main.run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Runs the real bin (bin/turnout-feed.mjs) in a child process; resolves with { code, stdout, stderr }. */
export function binCli(args, { stdin } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'turnout-feed-test-'));
}

/**
 * A local server: `handler(req, res)`; resolves with { url, close, requests } where requests lists the paths
 * asked for.
 */
export function serve(handler) {
  return new Promise((resolve) => {
    const requests = [];
    const server = createServer((req, res) => {
      requests.push(req.url);
      handler(req, res);
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Loads the compiled feed layer (what the widgets run) after ensureBuilt. */
export async function feedLayer() {
  const parse = await import(join(root, 'dist/feed/parse.js'));
  const locality = await import(join(root, 'dist/geo/locality.js'));
  return { ...parse, localityCentre: locality.localityCentre };
}

/** What a person sees of an event: title and times (zone-independent instants), for comparing two reads. */
export function seen(events) {
  return events.map((e) => `${e.title}|${new Date(e.start).toISOString()}|${e.end ? new Date(e.end).toISOString() : ''}|${e.status}`).sort();
}
