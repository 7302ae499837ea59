#!/usr/bin/env node
// Runs the feed tool's node:test files (test/node/*.test.mjs): compiles src/ with tsc first when dist/cli is out
// of date, runs the files one after another with the spec reporter, and ends with one plain line for CI:
// "N passed, N failed, N skipped (feed tool, node:test)". Exits 1 when a test failed.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, root } from './helpers.mjs';

ensureBuilt();
const dir = join(root, 'test/node');
const files = readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(dir, f));
const tap = join(tmpdir(), `turnout-node-tests-${process.pid}.tap`);
const child = spawn(
  process.execPath,
  ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
  { cwd: root, stdio: 'inherit' },
);
child.on('close', (code) => {
  let text = '';
  try {
    text = readFileSync(tap, 'utf8');
    rmSync(tap, { force: true });
  } catch {
    // No report: the runner itself failed; counted below as one failure.
  }
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled') + (text ? 0 : 1);
  const skipped = count('skipped') + count('todo');
  process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped (feed tool, node:test)\n`);
  process.exitCode = code === 0 && failed === 0 ? 0 : 1;
});
