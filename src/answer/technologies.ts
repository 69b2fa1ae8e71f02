/**
 * Technology names -> the topic they belong to, for the lexicon (see lexicon.ts).
 *
 * People name the tool they are fighting with ("CrashLoopBackOff", "sqlalchemy", "pgbouncer"),
 * not the skill it belongs to. The content cannot mention every tool, so this table files the
 * common ones under their skill. Format: [anchor, names]: the anchor is a word that names
 * exactly one entry (a test checks it); names are separated by commas and may be phrases.
 * Names that are also everyday English ("render", "railway", "rocket", "chef", "echo") are left
 * out, or listed in offtopic.ts as everyday names, so they cannot pull unrelated chat to a topic.
 */
import type { LexiconGroup } from './lexicon.ts';

export const TECHNOLOGIES: readonly LexiconGroup[] = [
  // programming languages, runtimes and their tooling
  [
    'language',
    `erlang, ocaml, fsharp, zig, nim, groovy, cobol, fortran, haskell, clojure, perl, lua, julia lang,
    scala, elixir, kotlin, cplusplus, csharp, golang, rustlang, visual basic, vb, objective c,
    wasm, webassembly, clr, jvm, graalvm, cpython, pypy, jdk, jre, openjdk, jdk17, jdk21`,
  ],
  ['nodejs', 'deno, bun, npm, yarn, pnpm, nvm, npx, package json, libuv'],
  ['python', 'pypi, pip, pipenv, conda, virtualenv, venv, mypy, pyright, pydantic, asyncio'],
  ['java', 'maven, gradle, jar file, lombok, jshell'],
  ['rust', 'tokio, borrow checker, rustc, cargo toml, rustup'],
  ['php', 'composer json, php8, php7, phpstorm'],
  ['ruby', 'rubygems, rbenv, method missing, monkey patching, metaprogramming'],
  ['golang', 'goroutine, goroutines, gofmt, go modules, go routines'],
  ['dotnet', 'nuget, linq, csproj, dotnet core'],
  // frameworks
  [
    'framework',
    `koa, hapi, fastify, adonis, adonisjs, micronaut, quarkus, dropwizard, ktor, sinatra, hanami,
    codeigniter, cakephp, lumen, strapi, phoenix framework, actix, axum, drf, django rest framework,
    uvicorn, starlette, sanic, aiohttp, loopback, hono, elysia, litestar,
    javalin, vertx, play framework, gin gonic, gorilla mux, sveltekit, blazor`,
  ],
  ['spring', 'springboot, spring boot, spring mvc, spring security, jpa, jakarta, autowired, autowire'],
  ['django', 'django orm, django admin, django rest, celery'],
  ['express', 'expressjs, express js, express router'],
  ['flask', 'flask blueprint, jinja'],
  ['laravel', 'eloquent, php artisan, laravel blade'],
  ['rails', 'ruby on rails, activerecord, active record, rspec'],
  ['nestjs', 'nest, nest js, nest module, nest modules'],
  // version control
  [
    'git',
    `github, gitlab, bitbucket, gitea, gerrit, sourcetree, gitkraken, husky, precommit, pre commit,
    git lfs, git hooks, git hook, gitignore, gitattributes, git log, git stash, git pull, git push,
    git clone, git fetch, git checkout, git switch, git tag, git diff, git rebase, git merge,
    git reset, git revert, git blame, git reflog, git cherry pick, git bisect, git submodule`,
  ],
  // databases
  [
    'database',
    `cassandra, dynamodb, elasticsearch, opensearch, neo4j, couchdb, couchbase, scylla, scylladb,
    clickhouse, snowflake, bigquery, redshift, timescale, timescaledb, cockroachdb, planetscale,
    influxdb, duckdb, pgbouncer, firestore, firebase, supabase, rds, cosmosdb, oracle db,
    sql server, mssql, sqlserver, tsql, plsql, pgvector, vitess, etcd, leveldb,
    rocksdb, memcache, valkey, keydb, dragonfly db, pgadmin, dbeaver, datagrip, mongosh`,
  ],
  ['migration', 'liquibase, flyway, alembic, knex migrations, prisma migrate'],
  [
    'orm',
    `prisma, sequelize, typeorm, hibernate, sqlalchemy, mongoose, gorm, drizzle, knex, mikroorm,
    peewee, dapper, entity framework, ef core, jooq, mybatis`,
  ],
  // APIs
  [
    'api',
    `hateoas, jsonapi, json api, odata, trpc, apigee, kong gateway, postman, insomnia, httpie, swagger ui,
    openapi spec, protobuf, protobufs, protocol buffers, avro, msgpack, graphql schema, apollo client,
    apollo server, graphql resolver, resolvers, rest client, http client, retrofit, okhttp, requests library`,
  ],
  // servers and deployment
  [
    'cloud',
    `ecs, eks, gke, aks, fargate, cloud run, app engine, linode, hetzner, digitalocean, droplet,
    ec2, s3, aws lambda, cloudfront, route53, route 53, iam role, elastic beanstalk, lightsail,
    azure functions, cloud functions, gcp, vercel, netlify, fly io, flyio, cloudflare, cloudflare workers`,
  ],
  [
    'kubernetes',
    `istio, envoy proxy, argocd, argo cd, kustomize, minikube, k3s, kind cluster, helm, helm chart,
    kubectl, crashloopbackoff, imagepullbackoff, oomkilled, ingress, ingress controller, statefulset,
    daemonset, configmap, configmaps, liveness probe, readiness probe, service mesh, openshift`,
  ],
  [
    'docker',
    `podman, containerd, buildkit, dockerhub, docker hub, docker compose, docker image, docker images,
    dockerfile, dockerfiles, docker swarm, docker desktop, container registry, ecr, ghcr`,
  ],
  ['infrastructure', 'pulumi, cloudformation, bicep, ansible, terraform, opentofu, chef cookbook, puppet'],
  [
    'monitoring',
    `elk stack, kibana, grafana loki, sentry, newrelic, new relic, pagerduty, opsgenie, cloudwatch, opentelemetry,
    otel, jaeger, zipkin, prometheus, grafana, datadog, splunk, statsd, uptime robot`,
  ],
  [
    'server',
    `tomcat, jetty, kestrel, iis, gunicorn, uwsgi, pm2, caddy, traefik, haproxy, nginx config,
    apache httpd, httpd, systemd, systemctl, supervisord, crontab, cron job, cron jobs, openresty`,
  ],
  [
    'cicd',
    `jenkins, circleci, travis ci, github actions, gitlab ci, buildkite, teamcity, drone ci,
    argo workflows, tekton, spinnaker`,
  ],
  // data structures and algorithms
  ['leetcode', 'hackerrank, codewars, neetcode, codeforces, advent of code, project euler, codility'],
  // problem solving
  [
    'debugging',
    'gdb, pdb, lldb, ipdb, valgrind, strace, profiler, flamegraph, flame graph, coredump, core dump, pprof, async profiler',
  ],
  // communication
  ['communication', 'adr, adrs, jira, asana, linear app, trello, confluence, notion page'],
  // front-end basics
  [
    'javascript',
    `babel, eslint, prettier, webpack, vite, esbuild, parcel bundler, jquery, lodash,
    typescript frontend, npm run dev, vanilla js, vanillajs, ecmascript, es6`,
  ],
  [
    'css',
    'scss, sass, less css, postcss, tailwind, tailwindcss, bootstrap css, bulma, styled components, css modules',
  ],
  [
    'react',
    'usestate, useeffect, usememo, usecallback, redux, zustand, react query, nextjs, next js, jsx, tsx, create react app',
  ],
  ['vue', 'nuxt, nuxtjs, vuex, pinia, vuejs'],
  ['angular', 'angularjs, rxjs, ngrx'],
  ['browser', 'chrome, firefox, chromium, devtools, dev tools, chrome devtools'],
  // security
  [
    'authentication',
    'keycloak, auth0, cognito, passkeys, passkey, webauthn, fido2, okta sso, clerk auth, firebase auth, passport js, passportjs, nextauth',
  ],
  ['security', 'waf, helmet, hsts, owasp zap, burp suite, metasploit, nmap, fail2ban, crowdsec'],
  ['encryption', 'aes, rsa, hmac, pbkdf2, scrypt, libsodium, openssl, gpg, pgp'],
  ['secrets', 'kms, hashicorp vault, secrets manager, aws secrets manager, doppler, sops, dotenv'],
  [
    'vulnerability',
    'trivy, sonarqube, snyk, dependabot, renovate bot, npm audit, cve, cves, log4j, log4shell, heartbleed',
  ],
  // careers
  [
    'ai',
    'cursor ai, openai codex, gpt4, gpt 4, openai, anthropic, mistral ai, tabnine, codeium, github copilot, copilot chat',
  ],
  ['salary', 'glassdoor, levels fyi, levelsfyi, blind app'],
];
