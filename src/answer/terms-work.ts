/**
 * The vocabulary of running and shipping software and of the job itself (deployment, version
 * control, communication, debugging, frameworks, careers), for the lexicon (see lexicon.ts).
 * Same format and rules as terms.ts.
 */
import type { LexiconGroup } from './lexicon.ts';

const SERVICES: LexiconGroup[] = [
  [
    'api',
    `rest api, restful, endpoint, endpoints, http methods, get request, post request,
    put request, patch request, delete request, put vs patch, status code, status codes,
    request body, response body, query params, query parameters, query string, path params,
    content type, accept header, authorization header, api versioning, backwards compatibility,
    backward compatible, breaking change, breaking changes, pagination, paginate, cursor pagination,
    offset pagination, rate limit, rate limits, rate limiting, throttling, idempotency, idempotent,
    idempotency key, retries, exponential backoff, webhook, webhooks, callback url, websocket,
    websockets, sse, server sent events, long polling, api gateway, sdk, client library,
    third party api, third party apis, external api, payload, serialization, json schema,
    api docs, api documentation, api design, api contract, http2, grpc, graphql, json, xml,
    request response, http request, http requests, http response, requests per minute,
    requests per second, requests per hour, calls per minute, rps, qps, partial success, batch request, batch requests, batch endpoint, bulk endpoint,
    multi status, payment provider, payment providers, payment gateway, delta sync, incremental sync, sync api, since last sync, long running request,
    long running requests, request timeout, nested resources, nested objects, response format,
    response shape, error response, error responses, unauthorized, forbidden, camelcase, snake case,
    rate limiter, iso 8601, file download, sandbox environment`,
  ],
  ['kubernetes', 'k8s, pod, pods, cluster, clusters, node pool, replicaset, horizontal pod autoscaler, hpa'],
  [
    'docker',
    'container, containers, containerize, containerized, containerise, image layers, docker container',
  ],
  [
    'deploy',
    `deployment, deployments, deploying, deployed, zero downtime, blue green, canary, canary release,
    rollout, rollouts, release pipeline, ci, ci pipeline, build pipeline, pipeline, pipelines,
    staging, staging environment, environment variables, env vars, env var, rollback deploy,
    12 factor, twelve factor, config files, environment specific, env specific,
    keep it running, keep running, runs in the background, run in the background, background process,
    daemon, nohup, process manager, close the terminal`,
  ],
  [
    'server',
    `web server, web servers, reverse proxy, load balancer, load balancers, load balancing, port,
    ports, localhost, ssh, ubuntu, debian, centos, linux server, 502, 503, 504, bad gateway,
    gateway timeout, health check, health checks, uptime, downtime, vm, vms, virtual machine,
    vps, bare metal, serverless, autoscaling, auto scaling, horizontal scaling, vertical scaling,
    memory usage, cpu usage, oom, out of memory, disk full, dns, domain name, cname, subdomain, subdomains, s3 bucket, multiple instances, two instances,
    background worker, background workers, black friday,
    handle the load, heavy load, under load, load spikes, traffic spike, traffic spikes, cdn, tls termination, hosting, self hosted, on prem`,
  ],
  [
    'monitoring',
    'observability, logging, log aggregation, metrics, alerting, alerts, oncall, tracing, dashboards, apm',
  ],
];

const PRACTICE: LexiconGroup[] = [
  [
    'git',
    `commit, commits, committed, branch, branches, merge, merged, merging, rebase, rebasing,
    interactive rebase, squash, cherry pick, cherrypick, stash, revert, reflog, blame, pull request,
    pull requests, merge request, force push, force pushed, push, pushed, pull, clone, fork,
    upstream, origin, remote branch, detached head, merge conflict, merge conflicts, submodule,
    monorepo, trunk, trunk based, feature branch, feature branches, main branch, master branch,
    hotfix, hotfix branch, release branch, rename a branch, rename branch, unmerged, commit message, commit messages, conventional commits,
    commit history, version history, repo, repository, branching strategy, code history`,
  ],
  [
    'communication',
    `ticket, tickets, user story, user stories, story points, acceptance criteria, scope creep,
    non technical, nontechnical, product manager, product owner, project manager, sales team,
    sales director, sales, customer success, support team, account manager, tech lead, manager,
    standup, stand up, status update, status updates, demo, presentation, retro, retrospective,
    sprint planning, one on one, documentation, readme, wiki, design doc, rfc,
    email, remote team, remote teams, time zone, time zones, timezone, timezones, misunderstanding,
    misunderstandings, miscommunication, review comments, pr comments, code review, code reviews,
    nitpick, nitpicks, reviewer, reviewers, micromanagement, micromanaging, qa team,
    disagreement, push back, pushback, saying no, mentoring, mentor,
    onboarding, pair programming, pairing, knowledge sharing, handover, handoff, jargon,
    plain language, not technical, stakeholder, stakeholders, estimate, estimates,
    estimation, deadline, deadlines, timeline, agenda, one pager, write up, writeup, status report,
    escalate, escalation, difficult conversation, speak up, speaking up, trade offs, tradeoffs,
    kickoff, meeting notes, behind schedule, running late, falling behind,
    miss the deadline, give an update, hand off work, handing off, knowledge transfer,
    hand over work, clarifying questions, clarifying question,
    architecture decision, architecture decisions,
    decision record, decision records`,
  ],
  [
    'debugging',
    `debug, debugger, breakpoint, breakpoints, step through, stack trace, stack traces, traceback,
    error message, error messages, root cause, root cause analysis, rca, reproduce, repro,
    reproduction, minimal reproducible example, rubber duck, rubber ducking, rubber duck debugging,
    print debugging, print statements, console log, heisenbug, flaky, flaky test, flaky tests,
    intermittent, intermittently, race condition, race conditions, edge case, edge cases,
    off by one, segfault, segmentation fault, memory dump, troubleshoot,
    troubleshooting, postmortem, post mortem, incident, hypothesis, narrow down, narrowing down,
    binary search the bug, legacy code, unfamiliar codebase, spaghetti code, banging my head,
    bang my head, going in circles, rabbit hole, unstuck, works on my machine,
    bug, bugs, buggy, crash, crashes, crashing, typo, typos, on my machine, exit code, exits with code,
    exited with code, exit status, undefined is not a function, typeerror, passes locally, works locally,
    fails in ci, fails on ci, failing in ci, failing on ci, green locally, red in ci, red on ci,
    only fails in ci, tdd, test driven, mocking, mocks, test coverage, testing strategy, googling the error,
    search the error, debugging strategy, troubleshooting steps, five whys, 5 whys, think like a programmer, integration test, integration tests,
    unit test, unit tests, test suite, failing test, failing tests, test fails, tests fail,
    e2e test, e2e tests, end to end tests, old codebase, legacy codebase, inherited codebase,
    inherited code, existing codebase, huge codebase, new codebase, large codebase`,
  ],
  [
    'framework',
    `frameworks, web framework, middleware, middlewares, mvc, routing, router, routes, controller,
    controllers, dependency injection, ioc container, inversion of control, decorators,
    annotations, boilerplate, scaffolding, wsgi, asgi, request lifecycle, providers, beans,
    opinionated framework, microframework, micro framework`,
  ],
];

const CAREERS: LexiconGroup[] = [
  [
    'ai',
    `artificial intelligence, genai, gen ai, generative ai, llm, llms, chatgpt, copilot, ai tools,
    ai assistant, ai assistants, ai agents, ai coding, vibe coding, prompt engineering,
    replace developers, replace programmers, automated away, out of a job, take our jobs,
    take my job, steal our jobs, replace us, replace me, replaced by ai`,
  ],
  [
    'salary',
    `base salary, base pay, higher base, better paid, paid better, pays better, paid less, pays less, well paid, highest paid, best paid,
    comp, total comp, tc, pay, paycheck, wage, wages, raise, bonus, equity, stock options, rsu,
    rsus, lowball, lowballed, negotiate, negotiation, underpaid, overpaid, hourly rate, six figures,
    salaries, earn, earning, earnings, paid, pays, compensation, pay band, pay bands, pay range`,
  ],
  [
    'future',
    `trends, outlook, demand, in demand, job market, layoffs, saturated, oversaturated, dying,
    dead end, next decade, long term, future proof, hiring freeze, career prospects, still growing,
    still hiring, hiring trends, growing field`,
  ],
  [
    'junior',
    `bootcamp, bootcamps, self taught, career switch, career change, career changer, career switcher,
    no degree, cs degree, computer science degree, portfolio, resume, cv, internship, internships,
    first job, entry level, roadmap, learning path, from scratch, get hired, job hunt, job search,
    job applications`,
  ],
  [
    'skill',
    `skillset, skill set, job posts, job post, job postings, job posting, job ads, job ad,
    job listings, job listing, requirements, must have, must haves, nice to have,
    employers expect, employers want, hiring managers, tech stack, checklist, hard skills`,
  ],
  [
    'responsibilities',
    `typical day, day in the life, day to day, daily work, daily routine, job description, work day`,
  ],
  [
    'fullstack',
    'full stack, fullstack developer, full stack developer, fe vs be, be vs fe, both frontend and backend, frontend and backend both',
  ],
];

export const WORK_TERMS: readonly LexiconGroup[] = [...SERVICES, ...PRACTICE, ...CAREERS];
