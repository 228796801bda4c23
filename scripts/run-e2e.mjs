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
// `--phase=tests` or `--phase=benchmarks` runs one of the two phases (the test command runs the
// tests while its other builds finish, and the benchmarks later, alone); file arguments run just
// those files, one at a time; no argument runs both phases.
let code;
const args = process.argv.slice(2);
const phase = (args.find((a) => a.startsWith('--phase=')) || '').slice('--phase='.length);
const given = args.filter((a) => !a.startsWith('--phase='));
if (phase && !['tests', 'benchmarks'].includes(phase)) {
  console.error(`unknown --phase=${phase} (tests or benchmarks)`);
  code = 2;
} else if (given.length) {
  code = await runTests(1, given);
} else {
  const dir = 'tests/e2e';
  const all = fs.readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => path.join(dir, f));
  const bench = all.filter((f) => path.basename(f).startsWith('bench-'));
  const rest = all.filter((f) => !bench.includes(f));
  const t0 = Date.now();
  code = phase === 'benchmarks' ? 0 : await runTests(1, rest);
  const t1 = Date.now();
  const benchCode = phase === 'tests' ? 0 : await runTests(1, bench);
  const secs = (a, b) => ((b - a) / 1000).toFixed(0);
  console.log(`e2e phases: ${phase === 'benchmarks' ? '' : `tests ${secs(t0, t1)} s (${rest.length} files)`}${phase ? '' : ', '}${phase === 'tests' ? '' : `benchmarks ${secs(t1, Date.now())} s (${bench.length} files)`}`);
  code = code || benchCode;
}
server.kill();
process.exit(code);
