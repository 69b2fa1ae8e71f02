/**
 * Carries out a Dockerfile's stages on this machine, without a Docker engine: each stage gets
 * its own folder standing in for the image's root, COPY copies from the build context or an
 * earlier stage, RUN runs the same shell command there. What cannot be reproduced (the base
 * image itself, a user that does not exist here) is substituted and reported, never hidden.
 */
import { execFileSync, execSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Instruction, Stage } from './dockerfile.ts';

export interface BuiltStage {
  name: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
  user?: string;
  cmd?: string[];
  healthcheck?: string[];
}

export interface RunUser {
  name: string;
  uid: number;
  gid: number;
}

/** The user the Dockerfile names, or `nobody` when it does not exist here and we are root. */
export function hostUser(wanted: string | undefined, notes: string[]): RunUser | undefined {
  if (!wanted || process.getuid?.() !== 0) return undefined;
  for (const name of [wanted, 'nobody']) {
    try {
      const uid = Number(
        execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
      );
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      if (name !== wanted) notes.push(`user "${wanted}" does not exist here; ran as "${name}" instead`);
      return { name, uid, gid };
    } catch {}
  }
  return undefined;
}

/** Container path -> folder standing in for it; relative paths are taken from the working directory. */
function hostPath(stage: BuiltStage, path: string): string {
  return path.startsWith('/') ? join(stage.root, path) : join(stage.root, stage.workdir, path);
}

/** Absolute container paths inside a command or a variable point into the stage's folder. */
function rewritePaths(stage: BuiltStage, text: string): string {
  return text.replace(/(^|[\s=:'"])(\/app)(?=[/\s'"]|$)/g, (_, before: string, path: string) => {
    return `${before}${join(stage.root, path)}`;
  });
}

/** A `chown` that hands files to the user we will really run as (see `hostUser`). */
function chownShim(dir: string, user: RunUser | undefined): string {
  mkdirSync(dir, { recursive: true });
  const owner = user ? `${user.uid}:${user.gid}` : '0:0';
  writeFileSync(join(dir, 'chown'), `#!/bin/sh\nshift\nexec /bin/chown ${owner} "$@"\n`);
  chmodSync(join(dir, 'chown'), 0o755);
  return dir;
}

interface StepContext {
  context: string;
  built: Map<string, BuiltStage>;
  shimDir: string;
  log: (line: string) => void;
}

function copyStep(stage: BuiltStage, step: Extract<Instruction, { op: 'COPY' }>, ctx: StepContext): void {
  const from = step.from ? ctx.built.get(step.from) : undefined;
  if (step.from && !from) throw new Error(`COPY --from=${step.from}: no such stage`);
  const dest = hostPath(stage, step.dest);
  for (const source of step.sources) {
    const src = from ? hostPath(from, source) : join(ctx.context, source);
    const target = step.sources.length > 1 || step.dest.endsWith('/') ? join(dest, source) : dest;
    cpSync(src, target, { recursive: true });
  }
}

function runStep(stage: BuiltStage, command: string, ctx: StepContext): void {
  ctx.log(`[${stage.name}] RUN ${command}`);
  execSync(rewritePaths(stage, command), {
    cwd: join(stage.root, stage.workdir),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...stage.env, PATH: `${ctx.shimDir}:${process.env.PATH ?? ''}` },
    shell: '/bin/sh',
  });
}

function applyStep(stage: BuiltStage, step: Instruction, ctx: StepContext): void {
  if (step.op === 'WORKDIR') {
    stage.workdir = step.path;
    mkdirSync(hostPath(stage, '.'), { recursive: true });
  } else if (step.op === 'COPY') copyStep(stage, step, ctx);
  else if (step.op === 'RUN') runStep(stage, step.command, ctx);
  else if (step.op === 'ENV') {
    for (const [k, v] of Object.entries(step.vars)) stage.env[k] = rewritePaths(stage, v);
  } else if (step.op === 'USER') stage.user = step.user;
  else if (step.op === 'CMD') stage.cmd = step.argv;
  else if (step.op === 'HEALTHCHECK') stage.healthcheck = step.argv;
}

/** Builds every stage in order under `sandbox`; returns the last one (the image that runs). */
export function buildStages(
  stages: Stage[],
  context: string,
  sandbox: string,
  runAs: RunUser | undefined,
  log: (line: string) => void,
): BuiltStage {
  const ctx: StepContext = {
    context,
    built: new Map(),
    shimDir: chownShim(join(sandbox, '.shim'), runAs),
    log,
  };
  let last: BuiltStage | undefined;
  for (const stage of stages) {
    const built: BuiltStage = { name: stage.name, root: join(sandbox, stage.name), workdir: '/', env: {} };
    mkdirSync(built.root, { recursive: true });
    for (const step of stage.instructions) applyStep(built, step, ctx);
    ctx.built.set(stage.name, built);
    last = built;
  }
  if (!last || !existsSync(last.root)) throw new Error('the Dockerfile has no stages');
  return last;
}
