/** Reads the `[Service]` settings of a systemd unit file that the deploy check exercises. */

export interface ServiceUnit {
  execStart: string[];
  workingDirectory?: string;
  environment: Record<string, string>;
  user?: string;
  restartPreventExitStatus: string[];
}

function serviceLines(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      section = line;
      continue;
    }
    const eq = line.indexOf('=');
    if (section === '[Service]' && eq > 0) pairs.push([line.slice(0, eq), line.slice(eq + 1)]);
  }
  return pairs;
}

export function parseServiceUnit(text: string): ServiceUnit {
  const unit: ServiceUnit = { execStart: [], environment: {}, restartPreventExitStatus: [] };
  for (const [key, value] of serviceLines(text)) {
    if (key === 'ExecStart') unit.execStart = value.split(/\s+/);
    else if (key === 'WorkingDirectory') unit.workingDirectory = value;
    else if (key === 'User') unit.user = value;
    else if (key === 'RestartPreventExitStatus') unit.restartPreventExitStatus = value.split(/\s+/);
    else if (key === 'Environment') {
      const eq = value.indexOf('=');
      unit.environment[value.slice(0, eq)] = value.slice(eq + 1);
    }
  }
  if (unit.execStart.length === 0) throw new Error('the unit file has no ExecStart');
  return unit;
}
