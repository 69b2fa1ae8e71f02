/**
 * Reads a Dockerfile into stages of instructions, so the deploy check can carry out the same
 * build and start commands without a Docker engine. Only what our Dockerfile uses is understood;
 * anything else is an error rather than a silent skip.
 */

export type Instruction =
  | { op: 'WORKDIR'; path: string }
  | { op: 'COPY'; from?: string; sources: string[]; dest: string }
  | { op: 'RUN'; command: string }
  | { op: 'ENV'; vars: Record<string, string> }
  | { op: 'USER'; user: string }
  | { op: 'CMD'; argv: string[] }
  | { op: 'HEALTHCHECK'; argv: string[] }
  | { op: 'EXPOSE'; ports: string[] };

export interface Stage {
  name: string;
  image: string;
  instructions: Instruction[];
}

/** Joins backslash-continued lines and drops comments and blank lines. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    lines.push(pending + line);
    pending = '';
  }
  if (pending) lines.push(pending.trim());
  return lines;
}

function jsonArgv(rest: string, op: string): string[] {
  const parsed: unknown = JSON.parse(rest);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) {
    throw new Error(`${op} must use the JSON array form so signals reach the process`);
  }
  return parsed;
}

function parseEnv(rest: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const pair of rest.split(/\s+/).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`ENV needs NAME=value pairs, got "${pair}"`);
    vars[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return vars;
}

/** BuildKit cache mounts only speed up a Docker build; the command itself runs as written. */
function withoutMountFlags(rest: string): string {
  return rest.replace(/^(--mount=\S+\s+)+/, '');
}

function parseCopy(rest: string): Instruction {
  const words = rest.split(/\s+/).filter(Boolean);
  const fromFlag = words[0]?.startsWith('--from=') ? words.shift()?.slice('--from='.length) : undefined;
  const dest = words.pop();
  if (!dest || words.length === 0) throw new Error(`COPY needs a source and a destination: "${rest}"`);
  return { op: 'COPY', ...(fromFlag ? { from: fromFlag } : {}), sources: words, dest };
}

function parseHealthcheck(rest: string): Instruction {
  const cmdAt = rest.indexOf('CMD ');
  if (cmdAt < 0) throw new Error('HEALTHCHECK needs a CMD');
  return { op: 'HEALTHCHECK', argv: jsonArgv(rest.slice(cmdAt + 4).trim(), 'HEALTHCHECK') };
}

function parseInstruction(op: string, rest: string): Instruction {
  switch (op) {
    case 'WORKDIR':
      return { op, path: rest };
    case 'COPY':
      return parseCopy(rest);
    case 'RUN':
      return { op, command: withoutMountFlags(rest) };
    case 'ENV':
      return { op, vars: parseEnv(rest) };
    case 'USER':
      return { op, user: rest };
    case 'CMD':
      return { op, argv: jsonArgv(rest, 'CMD') };
    case 'HEALTHCHECK':
      return parseHealthcheck(rest);
    case 'EXPOSE':
      return { op, ports: rest.split(/\s+/) };
    default:
      throw new Error(`the deploy check does not understand the Dockerfile instruction ${op}`);
  }
}

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const line of logicalLines(text)) {
    const [op = '', ...restWords] = line.split(/\s+/);
    const rest = restWords.join(' ');
    if (op.toUpperCase() === 'FROM') {
      const [image = '', as, name] = restWords;
      stages.push({
        image,
        name: as?.toUpperCase() === 'AS' && name ? name : `stage${stages.length}`,
        instructions: [],
      });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`${op} before the first FROM`);
    stage.instructions.push(parseInstruction(op.toUpperCase(), rest));
  }
  return stages;
}
