// Serve dist/ on 127.0.0.1 (a free port) and run the end-to-end tests in tests/e2e/ against it.
import { spawn } from 'node:child_process';
import net from 'node:net';

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
const files = process.argv.slice(2);
const args = ['--test', '--test-concurrency=1', ...(files.length ? files : ['tests/e2e/'])];
const run = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, BASE_URL: `http://127.0.0.1:${port}` } });
const code = await new Promise((resolve) => run.on('exit', resolve));
server.kill();
process.exit(code ?? 1);
