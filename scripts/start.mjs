/**
 * `npm start`: run the bot compiled, building it first only when its sources changed.
 *
 * The TypeScript loader (tsx) costs about 35 MB and 400 ms at every start, so `npm start` runs
 * plain JavaScript instead: esbuild bundles src/main.ts (node_modules stay external, and each
 * platform adapter stays a chunk of its own that loads only when configured) into
 * `dist/start/<content hash>/`. `dist/start/current.json` names that build and every file it was
 * made from, with its size and mtime; when they all still match, the build is reused without
 * loading esbuild at all. Two starts building at once both produce the same folder (named by the
 * hash of its contents), so neither can see the other's half-written files.
 *
 * Plain JavaScript on purpose: this file runs before anything is compiled. The bot runs in this
 * same process (no extra launcher process between npm and the bot); only compiling, when needed,
 * happens in a short-lived child.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist', 'start');
const POINTER = join(OUT, 'current.json');
const ENTRY = 'src/main.ts';
/** Files esbuild reads that are not modules: a change to them changes the output too. */
const SETTINGS = ['tsconfig.json', 'package.json'];
/** Older builds are removed once this old: a bot still running from one has loaded its chunks by then. */
const KEEP_OLD_BUILDS_MS = 60 * 60_000;
/** Argument of the child process that compiles and prints the path of the build's main.js. */
const COMPILE_ONLY = '--compile-only';

const fingerprint = (file) => {
  const info = statSync(join(ROOT, file));
  return [info.size, info.mtimeMs];
};

/** The current build's main.js when every input is as it was built from, else undefined. */
function upToDateBuild() {
  let pointer;
  try {
    pointer = JSON.parse(readFileSync(POINTER, 'utf8'));
    for (const [file, [size, mtimeMs]] of Object.entries(pointer.inputs)) {
      const [nowSize, nowMtime] = fingerprint(file);
      if (nowSize !== size || nowMtime !== mtimeMs) return undefined;
    }
    const main = join(OUT, pointer.build, 'main.js');
    statSync(main);
    return main;
  } catch {
    return undefined; // no build yet, an input gone, or a damaged pointer: build again
  }
}

async function build() {
  const esbuild = await import('esbuild');
  const staging = join(OUT, `.staging-${process.pid}-${Date.now()}`);
  try {
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: { main: ENTRY },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      outdir: staging,
      sourcemap: true,
      metafile: true,
      logLevel: 'error',
    });
    const inputs = {};
    for (const file of [...Object.keys(result.metafile.inputs), ...SETTINGS]) {
      inputs[file] = fingerprint(file);
    }
    const id = hashFolder(staging);
    const final = join(OUT, id);
    try {
      renameSync(staging, final);
    } catch {
      // The same build is already there (another start made it at the same moment): use it.
    }
    const pointerTemp = `${POINTER}.${process.pid}.tmp`;
    writeFileSync(pointerTemp, `${JSON.stringify({ build: id, inputs })}\n`);
    renameSync(pointerTemp, POINTER);
    removeOldBuilds(id);
    return join(final, 'main.js');
  } finally {
    rmSync(staging, { recursive: true, force: true });
    await esbuild.stop?.();
  }
}

function hashFolder(folder) {
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).sort()) {
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(join(folder, name)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function removeOldBuilds(keep) {
  for (const name of readdirSync(OUT)) {
    const path = join(OUT, name);
    if (name === keep || name === 'current.json' || name.endsWith('.tmp')) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_BUILDS_MS)
        rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another start meanwhile.
    }
  }
}

/**
 * Compiling runs in a child process: esbuild's JavaScript side holds its build results in memory
 * (about 130 MB more RSS in the process that calls it), and the bot should not keep that.
 */
function compileInChild() {
  const started = performance.now();
  const child = spawnSync(process.execPath, [import.meta.filename, COMPILE_ONLY], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  const main = child.stdout?.trim();
  if (child.status !== 0 || !main) {
    process.stderr.write(`skillbot cannot start: compiling ${ENTRY} failed (see above).\n`);
    process.exit(1);
  }
  const ms = Math.round(performance.now() - started);
  process.stderr.write(`skillbot: compiled the sources changed since the last start (${ms} ms)\n`);
  return main;
}

if (process.argv[2] === COMPILE_ONLY) {
  try {
    mkdirSync(OUT, { recursive: true });
    process.stdout.write(`${await build()}\n`);
  } catch (error) {
    // esbuild has already printed what is wrong in the sources, with file and line; anything else, say here.
    if (!Array.isArray(error?.errors)) process.stderr.write(`${error?.message ?? error}\n`);
    process.exit(1);
  }
} else {
  await import(pathToFileURL(upToDateBuild() ?? compileInChild()).href);
}
