/**
 * What every HTTP server of ours shares: timeouts so slow or half-open clients cannot hold the
 * process or its descriptors, and a bounded graceful close for shutdown.
 */
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';

/** A client has this long to send its request headers... */
export const HEADERS_TIMEOUT_MS = 5_000;
/** ...and this long for the whole request, body included. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** An idle keep-alive connection is closed after this. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/**
 * How often Node looks for connections past those limits. Its default (30 s) would let a
 * half-open client hold a descriptor for up to 35 s.
 */
const CONNECTIONS_CHECK_MS = 1_000;
/** Shutdown waits this long for requests already running before it cuts their connections. */
export const CLOSE_GRACE_MS = 3_000;

const draining = new WeakSet<Server>();
/** Answers not yet sent, per server, so a close can mark them `Connection: close` too. */
const unanswered = new WeakMap<Server, Set<ServerResponse>>();

const closeAfter = (res: ServerResponse): void => {
  if (!res.headersSent) res.setHeader('connection', 'close');
};

/** A server with our timeouts. While it closes, every answer carries `Connection: close`. */
export function createBoundedServer(listener: RequestListener): Server {
  const pending = new Set<ServerResponse>();
  const server = createServer({ connectionsCheckingInterval: CONNECTIONS_CHECK_MS }, (req, res) => {
    // A keep-alive client that keeps sending must not keep a closing server open.
    if (draining.has(server)) closeAfter(res);
    pending.add(res);
    res.once('close', () => pending.delete(res));
    listener(req, res);
  });
  unanswered.set(server, pending);
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // A socket that sends nothing at all is cut too, not only one that stalls mid-request.
  server.timeout = REQUEST_TIMEOUT_MS;
  return server;
}

/**
 * Stop accepting, close idle keep-alive connections, answer requests still arriving on open
 * ones with `Connection: close`, and after `graceMs` cut whatever is left. Resolves once closed.
 */
export function closeGracefully(server: Server | undefined, graceMs = CLOSE_GRACE_MS): Promise<void> {
  if (!server) return Promise.resolve();
  draining.add(server);
  for (const res of unanswered.get(server) ?? []) closeAfter(res);
  return new Promise((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    cut.unref();
    const done = () => {
      clearTimeout(cut);
      resolve();
    };
    if (!server.listening) {
      server.closeAllConnections();
      done();
      return;
    }
    server.close(done);
    server.closeIdleConnections();
  });
}
