/**
 * What people paste into chat rather than describe: error names, log lines, exit codes and
 * the commands they ran ("ECONNREFUSED", "OOMKilled", "upstream timed out", "git push -f",
 * "kubectl describe pod"). Each names its topic as firmly as a technology name does, for the
 * lexicon (see lexicon.ts). Same format and rules as terms.ts; punctuation is dropped the way
 * the question's is ("HEAD~1" is "head 1", "node_modules" is "node modules").
 *
 * An error that belongs to no tool in particular ("ENOENT", "core dumped") is a debugging
 * question; one that names where it happened ("deadlock detected", "502 bad gateway") belongs
 * to that place. Runtime exceptions are both: the language's and the debugger's, and the rest
 * of the message decides.
 */
import type { LexiconGroup } from './lexicon.ts';

const ERRORS: LexiconGroup[] = [
  [
    'debugging',
    `enoent, eacces, eperm, emfile, eisdir, enotdir, no such file or directory, permission denied,
    core dumped, sigsegv, sigabrt, bus error, unhandled exception, uncaught exception,
    unhandled rejection, unhandled promise rejection, unhandledpromiserejection,
    cannot read properties of undefined, cannot read property, cannot read properties of null,
    is not iterable, is not a constructor, referenceerror, rangeerror,
    npm err, npm warn, error dump, error dumps, error output, error log, error logs, log output, logs say, log says,
    memory leak, memory leaks, leaking memory, leaks memory, leaky, heap dump, heap dumps,
    heap snapshot, heap snapshots, memory profiler, memory profiling, cpu profile, cpu profiling,
    stack overflow error, stackoverflowerror, npe, npes, null pointer, null pointer exception,
    null pointer exceptions, keyerror, attributeerror, indexerror, valueerror, importerror,
    modulenotfounderror, module not found, indentationerror, syntaxerror, syntax error,
    classnotfoundexception, classcastexception, illegalargumentexception, illegalstateexception,
    concurrentmodificationexception, indexoutofboundsexception, arrayindexoutofboundsexception,
    numberformatexception, outofmemoryerror, out of memory error, segfaults, segfaulting,
    infinite loop, infinite loops, hangs forever, hanging forever, timing issue, heisenbugs,
    sentry error, sentry errors, error tracking, works on staging, works in staging,
    only in production, only in prod, only happens in prod, only on prod, cant reproduce,
    cannot reproduce, can't repro, cant repro, not reproducible`,
  ],
  [
    'language',
    `null pointer exception, null pointer exceptions, npe, npes, nil pointer, nil pointer dereference,
    invalid memory address, err nil, err not nil, if err, error wrapping, checked exception,
    unchecked exceptions, unchecked exception, try catch, try except, try catch finally,
    exception handling, throw an exception, throws exception, raise an exception, custom exception,
    custom exceptions, stack overflow error, stackoverflowerror, outofmemoryerror,
    concurrentmodificationexception, classcastexception, keyerror, attributeerror, typeerror,
    garbage collected, garbage collector, gc pause, gc pauses, stop the world, memory model,
    value borrowed, borrowed value, borrow of moved value, does not live long enough, lifetimes,
    lifetime annotations, goroutine leak, all goroutines are asleep, data race, data races,
    loose equality, strict equality, integer division, floating point, floating point precision, 0 1 0 2, float precision,
    decimal precision, triple equals, double equals, strict equality, truthy, falsy,
    undefined vs null, null vs undefined, this keyword, arrow function, arrow functions,
    dataclass, dataclasses, staticmethod, classmethod, dunder, dunder methods, self keyword,
    interface vs abstract class, extension methods, sealed classes, data class, data classes,
    records in java, java records, optionals, optional type, maybe type, option type, interface,
    interfaces, abstract method, abstract methods`,
  ],
  ['recursion', 'maximum call stack size exceeded, call stack size, maximum recursion depth, recursionerror'],
  [
    'nodejs',
    `eresolve, peer dependency, peer dependencies, peer deps, legacy peer deps, node modules,
    package lock, lockfile, lock file, npm install, npm ci, npm audit fix,
    node version, nodemon, ts node, tsx watch, esm vs commonjs, commonjs, require vs import,
    cannot use import statement outside a module, err require esm`,
  ],
  [
    'server',
    `eaddrinuse, address already in use, port already in use, port is already allocated,
    econnrefused, connection refused, econnreset, connection reset, connection reset by peer,
    listen eacces, privileged port, port 80, port 443, bind to port, etimedout, connection timed out, socket hang up, enotfound, getaddrinfo, eai again,
    upstream timed out, upstream prematurely closed, no live upstreams, client max body size,
    request entity too large, 413, 499, service unavailable, proxy pass, server block,
    location block, nginx conf, nginx config, sites enabled, worker processes, no space left on
    device, disk space, disk is full, out of disk, inode, inodes, sigkill, sigterm, killed signal,
    exit code 137, exit code 143, graceful shutdown, graceful restart, zombie process,
    process keeps dying, process dies, restart policy, keeps restarting, restarting on its own,
    high cpu, cpu spikes, cpu at 100, memory at 100, load average`,
  ],
  [
    'kubernetes',
    `oom killed, oom kill, errimagepull, crashloop, crash loop, back off restarting, pod evicted,
    evicted pods, pod pending, pods pending, stuck in pending, node not ready, kubectl logs,
    kubectl describe, kubectl apply, kubectl get pods, kubectl exec, kubectl rollout,
    liveness probe failed, readiness probe failed, memory limit, memory limits, cpu limit,
    cpu limits, resource limits, requests and limits, resource requests, deployment yaml,
    k8s manifest, k8s manifests, helm values, helm upgrade, pod disruption budget, sidecar,
    sidecars, init container, init containers, persistent volume, persistent volume claim, pvc`,
  ],
  [
    'docker',
    `docker run, docker build, docker exec, docker ps, docker logs, docker pull, docker push,
    docker volume, docker volumes, docker network, bind mount, bind mounts, multi stage build,
    multistage build, multi stage dockerfile, base image, alpine image, distroless, entrypoint,
    cmd vs entrypoint, dockerignore, image size, layer caching, docker layer, docker layers,
    compose file, compose yaml, docker compose up, container keeps exiting, exited with code 0,
    container exits, container restarts, container restarting, run as root, non root user`,
  ],
  [
    'database',
    `deadlock detected, lock wait timeout, lock timeout, duplicate key, duplicate key value,
    unique violation, violates unique constraint, violates foreign key constraint,
    foreign key violation, relation does not exist, column does not exist, integrityerror,
    integrity error, sqlstate, too many clients, pool exhausted, connection pool exhausted,
    timeout acquiring connection, could not serialize access, serialization failure,
    replication lag, read after write, write ahead log, wal, binlog, vacuum full, autovacuum,
    table bloat, pg dump, pgdump, mysqldump, pg restore, database dump, db dump, sql dump,
    password authentication failed, role does not exist, database does not exist, pg hba,
    access denied for user, too many connections, connection to the database, db connection,
    database connection, database connections`,
  ],
  [
    'security',
    'mixed content, blocked by cors, blocked by cors policy, cors blocked, cors issue, cors issues',
  ],
  [
    'encryption',
    `self signed certificate, self signed cert, certificate has expired, cert expired,
    certificate expired, ssl handshake, tls handshake, handshake failed, err cert, ssl error,
    certificate error, cert error, unable to verify the first certificate, certificate chain`,
  ],
];

const COMMANDS: LexiconGroup[] = [
  [
    'git',
    `git add, git commit, git status, git restore, git init, git remote, git config, git worktree,
    git gc, git rm, git mv, git show, git cherry, git am, git apply, git patch, git squash,
    bisect, bisecting, amend, amended, amending, commit amend, worktree, worktrees,
    fast forward, non fast forward, fast forwarded, ff only, no ff, merge commit, merge commits,
    squash merge, squash and merge, rebase onto, rebase vs merge, merge vs rebase, head 1,
    head 2, head 3, origin main, origin master, push rejected, rejected push, updates were rejected,
    force with lease, upstream branch, tracking branch, stale branch, stale branches,
    long lived branch, long lived branches, unstage, unstaged changes, staging area, untracked,
    untracked files, working tree, lazygit, gitk, signed commits, git history, line history,
    file history, commit graph, git graph, history rewrite, rewrite history, rewriting history,
    changed files, uncommitted changes, local changes, discard changes, discard my changes`,
  ],
  [
    'server',
    `chmod, chown, sudo, journalctl, ps aux, kill 9, htop, df h, du sh, lsof, netstat,
    ss tulpn, nslookup, traceroute, iptables, ufw, ssh key, ssh keys, authorized keys,
    ssh into, scp, rsync, bash script, bash scripts, shell script, shell scripts, bashrc, zshrc,
    tmux, screen session, systemd unit, systemd service, service file, unit file, cron expression,
    crontab e, logrotate, log rotation, tail f, tail the logs`,
  ],
  [
    'monitoring',
    `pager, paging me, got paged, get paged, getting paged, on call rotation, oncall rotation,
    alert fatigue, noisy alerts, runbook, runbooks, sla, slo, slos, sli, slis, error budget,
    status page, uptime check, uptime checks, synthetic monitoring, log levels, structured logging,
    structured logs, json logs, correlation id, request id, trace id, distributed tracing,
    golden signals, p99, p95, latency percentiles`,
  ],
];

export const CODE_TERMS: readonly LexiconGroup[] = [...ERRORS, ...COMMANDS];
