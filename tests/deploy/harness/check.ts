/**
 * `npm run deploy:check`: proves the deploy files without a Docker engine or systemd.
 * 1. Clones the committed repo into a clean folder (the build context).
 * 2. Carries out the Dockerfile's stages there (npm ci, npm run build, npm ci --omit=dev...).
 * 3. Starts the runtime stage's CMD as its USER (or `nobody`), waits for the HEALTHCHECK to pass,
 *    sends SIGTERM and expects exit 0 within 10 s.
 * 4. Does the same with the systemd unit's ExecStart, Environment and WorkingDirectory.
 * Prints what ran and what was substituted; exits 1 on the first failure.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../support/ports.ts';
import { parseDockerfile } from './dockerfile.ts';
import { type BuiltStage, buildStages, hostUser, type RunUser } from './run.ts';
import { parseServiceUnit } from './unit.ts';

const repo = resolve(import.meta.dirname, '../../..');
const log = (line: string) => process.stderr.write(`${line}\n`);

function exitOf(child: ChildProcess, ms: number): Promise<number | string> {
  return new Promise((done) => {
    const timer = setTimeout(() => done('still running'), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      done(code ?? String(signal));
    });
  });
}

async function waitHealthy(check: () => Promise<boolean>, child: ChildProcess, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the bot exited with ${child.exitCode} before it was healthy`);
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not healthy after ${ms / 1000} s`);
}

function runsOk(argv: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<boolean> {
  const [cmd = '', ...args] = argv;
  return new Promise((done) => {
    const probe = spawn(cmd, args, { env, cwd, stdio: 'ignore' });
    probe.once('exit', (code) => done(code === 0));
    probe.once('error', () => done(false));
  });
}

interface Launch {
  label: string;
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  user: RunUser | undefined;
  healthy: () => Promise<boolean>;
}

/** Start, wait for health, SIGTERM, expect exit 0 within 10 s. */
async function startAndStop(launch: Launch): Promise<void> {
  const [cmd = '', ...args] = launch.argv;
  const ids = launch.user ? { uid: launch.user.uid, gid: launch.user.gid } : {};
  // stdin stays open: with no platform credentials the bot runs its console, which ends at EOF.
  const child = spawn(cmd, args, {
    cwd: launch.cwd,
    env: launch.env,
    stdio: ['pipe', 'ignore', 'pipe'],
    ...ids,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    await waitHealthy(launch.healthy, child, 30_000);
    log(`[${launch.label}] healthy; sending SIGTERM`);
    child.kill('SIGTERM');
    const code = await exitOf(child, 10_000);
    if (code !== 0) throw new Error(`exit ${code} after SIGTERM (expected 0 within 10 s)`);
    log(`[${launch.label}] exited 0 after SIGTERM`);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${launch.label}: ${(error as Error).message}\n${stderr.slice(-2000)}`);
  }
}

function baseEnv(): NodeJS.ProcessEnv {
  // Only what a container or a unit would have: no platform credentials, no DATABASE_URL from this shell.
  return { PATH: process.env.PATH, HOME: tmpdir(), LOG_LEVEL: 'warn' };
}

async function checkImage(image: BuiltStage, user: RunUser | undefined): Promise<void> {
  const port = await freePort();
  const env = { ...baseEnv(), ...image.env, HEALTH_PORT: String(port) };
  const cwd = join(image.root, image.workdir);
  if (!image.cmd || !image.healthcheck) throw new Error('the runtime stage needs CMD and HEALTHCHECK');
  const healthcheck = image.healthcheck;
  await startAndStop({
    label: 'docker CMD',
    argv: image.cmd,
    cwd,
    env,
    user,
    healthy: () => runsOk(healthcheck, env, cwd),
  });
}

async function checkUnit(image: BuiltStage, sandbox: string, user: RunUser | undefined): Promise<void> {
  const unit = parseServiceUnit(readFileSync(join(repo, 'deploy/skillbot.service'), 'utf8'));
  if (!unit.restartPreventExitStatus.includes('78')) throw new Error('the unit must not restart on exit 78');
  const state = join(sandbox, 'var-lib-skillbot');
  mkdirSync(state, { recursive: true });
  if (user) chownSync(state, user.uid, user.gid);
  const port = await freePort();
  const env = {
    ...baseEnv(),
    ...unit.environment,
    DATA_FILE: join(state, 'skillbot.json'),
    HEALTH_PORT: String(port),
  };
  // WorkingDirectory holds what the image's /app holds: dist/, node_modules/ and content/.
  const cwd = join(image.root, image.workdir);
  log(`[systemd] ExecStart=${unit.execStart.join(' ')} in a copy of ${unit.workingDirectory ?? '/'}`);
  const healthy = () =>
    fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
  await startAndStop({ label: 'systemd ExecStart', argv: unit.execStart, cwd, env, user, healthy });
}

async function main(): Promise<void> {
  const sandbox = mkdtempSync(join(tmpdir(), 'skillbot-deploy-'));
  chmodSync(sandbox, 0o755);
  const notes: string[] = [];
  try {
    const context = join(sandbox, 'context');
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repo, context]);
    log(
      `[context] clean clone of ${execFileSync('git', ['-C', context, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()}`,
    );
    const stages = parseDockerfile(readFileSync(join(context, 'Dockerfile'), 'utf8'));
    const runtimeUser = stages.at(-1)?.instructions.find((i) => i.op === 'USER');
    const user = hostUser(runtimeUser?.op === 'USER' ? runtimeUser.user : undefined, notes);
    notes.push(
      `base images (${stages.map((s) => s.image).join(', ')}) replaced by this machine's Node ${process.version}`,
    );
    const image = buildStages(stages, context, sandbox, user, log);
    await checkImage(image, user);
    await checkUnit(image, sandbox, user);
    for (const note of notes) log(`note: ${note}`);
    log('deploy check passed');
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(`deploy check failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
