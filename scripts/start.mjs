#!/usr/bin/env node
// `npm start` / `npm run start:api` / `npm run start:worker` / `npm run build`.
// Builds what changed since the last build (server bundle with esbuild, console with Vite), then
// starts the server role in this process. A stamp of the inputs (paths, sizes, mtimes) decides
// whether a part is rebuilt, so later starts skip both builds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const role = process.argv[2] ?? 'all';

function listFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else out.push(full);
  }
  return out;
}

function stampOf(inputs) {
  const h = createHash('sha256');
  for (const input of inputs) {
    const files = existsSync(input) && statSync(input).isDirectory() ? listFiles(input) : [input];
    for (const f of files.sort()) {
      if (!existsSync(f)) continue;
      const s = statSync(f);
      h.update(`${path.relative(root, f)}:${s.size}:${s.mtimeMs}\n`);
    }
  }
  return h.digest('hex');
}

function upToDate(stampFile, stamp) {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
}

async function buildServer() {
  const dist = path.join(root, 'apps/server/dist');
  const stampFile = path.join(dist, '.build-stamp');
  const stamp = stampOf([
    path.join(root, 'apps/server/src'),
    path.join(root, 'packages/schemas/src'),
    path.join(root, 'package-lock.json'),
  ]);
  if (upToDate(stampFile, stamp)) return false;
  const t0 = Date.now();
  const { build } = await import('esbuild');
  const pkg = JSON.parse(readFileSync(path.join(root, 'apps/server/package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies ?? {})
    .filter((d) => !d.startsWith('@raccord/'))
    .flatMap((d) => [d, `${d}/*`]);
  await build({
    entryPoints: {
      main: path.join(root, 'apps/server/src/main.ts'),
      'pglite-worker': path.join(root, 'apps/server/src/db/pglite-worker.ts'),
    },
    outdir: dist,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  writeFileSync(stampFile, stamp);
  console.log(`server built in ${Date.now() - t0} ms`);
  return true;
}

function buildWeb() {
  const web = path.join(root, 'apps/web');
  if (!existsSync(path.join(web, 'index.html'))) return false;
  const stampFile = path.join(web, 'dist', '.build-stamp');
  const stamp = stampOf([web, path.join(root, 'packages/schemas/src'), path.join(root, 'package-lock.json')]);
  if (upToDate(stampFile, stamp)) return false;
  const t0 = Date.now();
  const res = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: web,
      stdio: 'inherit',
    },
  );
  if (res.status !== 0) throw new Error('console build failed');
  writeFileSync(stampFile, stamp);
  console.log(`console built in ${Date.now() - t0} ms`);
  return true;
}

await buildServer();
if (role !== 'worker') buildWeb();
if (role === 'build') process.exit(0);
await import(pathToFileURL(path.join(root, 'apps/server/dist/main.js')).href);
