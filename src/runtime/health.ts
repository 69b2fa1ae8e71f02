import type { Server } from 'node:http';
import { createBoundedServer } from './http-server.ts';

export interface Readiness {
  ready: boolean;
  reasons: string[];
}

/**
 * `GET /healthz`: 200 while the process is alive. `GET /readyz`: 200 only when `readiness()`
 * says so, else 503 with the reasons. Nothing else is served.
 */
export function startHealthServer(port: number, readiness: () => Readiness): Promise<Server> {
  const server = createBoundedServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || (path !== '/healthz' && path !== '/readyz')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}\n');
      return;
    }
    const state = readiness();
    res
      .writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json' })
      .end(`${JSON.stringify({ status: state.ready ? 'ready' : 'not ready', reasons: state.reasons })}\n`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
