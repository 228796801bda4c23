// Serve dist/ on 127.0.0.1 (a free port) and run the end-to-end tests in tests/e2e/ against it.
import { spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';

const freePort = () => new Promise((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

const port = Number(process.env.E2E_PORT || await freePort());
const server = spawn(process.execPath, ['scripts/serve-static.mjs', 'dist', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => { if (String(d).includes('serving')) resolve(); });
  server.on('exit', (c) => reject(new Error(`server exited ${c}`)));
});
// Two phases: the tests first, then the benchmarks (bench-*.test.mjs), so nothing else uses the
// machine while they measure. Files run one at a time: on this 2-core machine two at a time took
// 135 s instead of 140 s (the browsers share the cores).
// Arguments: run just these files, one at a time.
const env = { ...process.env, BASE_URL: `http://127.0.0.1:${port}` };
const runTests = (concurrency, files) => new Promise((resolve) => {
  const run = spawn(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...files], { stdio: 'inherit', env });
  run.on('exit', (c) => resolve(c ?? 1));
});
let code;
const given = process.argv.slice(2);
if (given.length) {
  code = await runTests(1, given);
} else {
  const dir = 'tests/e2e';
  const all = fs.readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => path.join(dir, f));
  const bench = all.filter((f) => path.basename(f).startsWith('bench-'));
  const rest = all.filter((f) => !bench.includes(f));
  const t0 = Date.now();
  code = await runTests(1, rest);
  const t1 = Date.now();
  const benchCode = await runTests(1, bench);
  console.log(`e2e phases: tests ${((t1 - t0) / 1000).toFixed(0)} s (${rest.length} files), benchmarks ${((Date.now() - t1) / 1000).toFixed(0)} s (${bench.length} files)`);
  code = code || benchCode;
}
server.kill();
process.exit(code);
