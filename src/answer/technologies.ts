/**
 * Technology names -> topic words that occur in the content.
 *
 * People name the tool they are fighting with ("CrashLoopBackOff", "sqlalchemy", "pgbouncer"),
 * not the skill it belongs to. The content cannot mention every tool, so this table files the
 * common ones under their skill. Same format and rules as concepts.ts: [target words, names];
 * every target must occur in the content (a test checks it). Names that are also everyday
 * English ("render", "railway", "rocket", "chef") are left out on purpose: they would pull
 * unrelated chat towards a topic.
 */
export const TECHNOLOGY_GROUPS: ReadonlyArray<[string, string]> = [
  // programming languages and runtimes
  ['language', 'erlang ocaml fsharp zig nim crystal groovy cobol wasm webassembly clr'],
  ['garbage collection', 'ownership lifetimes allocator allocation malloc'],
  ['concurrency', 'mutex mutexes semaphore asyncio tokio gevent'],
  ['static typing', 'mypy pyright pydantic typehints'],
  ['python', 'pypi poetry pipenv conda'],
  ['nodejs', 'npm yarn pnpm nvm'],
  ['java', 'jdk jre openjdk'],
  // frameworks
  ['framework', 'actix axum ktor dropwizard micronaut quarkus loopback adonis adonisjs'],
  ['framework', 'hanami codeigniter cakephp lumen strapi phoenix drf uvicorn'],
  ['django', 'drf'],
  ['spring', 'jpa jakarta'],
  // version control
  ['git', 'husky precommit lfs gerrit sourcetree gitkraken changelog semver'],
  // databases
  ['nosql database', 'cassandra dynamodb elasticsearch opensearch neo4j couchdb scylla'],
  ['sql database', 'clickhouse snowflake bigquery redshift timescale cockroachdb planetscale'],
  ['database', 'influxdb duckdb pgbouncer liquibase flyway alembic knex drizzle'],
  ['orm', 'mongoose gorm entity'],
  ['index', 'btree'],
  // APIs
  ['api', 'hateoas jsonapi odata trpc apigee'],
  ['json api', 'yaml avro msgpack'],
  ['api http', 'etag etags idempotent idempotency'],
  ['api', 'websocket websockets'],
  // servers and deployment
  ['cloud', 'ecs eks gke aks fargate cloudrun appengine linode hetzner'],
  ['kubernetes', 'istio envoy argocd kustomize minikube k3s nomad'],
  ['docker container', 'podman containerd buildkit'],
  ['cloud infrastructure', 'pulumi cloudformation bicep'],
  ['monitoring logs', 'elk kibana loki sentry newrelic pagerduty cloudwatch opentelemetry tracing'],
  ['server', 'uvicorn tomcat jetty kestrel'],
  ['deploy', 'rollouts rollout bluegreen'],
  // data structures and algorithms
  ['algorithm', 'backtracking topological memoize'],
  ['hash table', 'lru'],
  ['tree', 'bst avl redblack'],
  ['graph', 'astar'],
  // problem solving
  ['debugging', 'gdb pdb lldb ipdb repl profiler flamegraph coredump'],
  // communication
  ['communication', 'adr adrs jira asana'],
  // front-end basics
  ['javascript', 'babel eslint prettier'],
  ['css', 'scss postcss'],
  ['html', 'aria semantic svg canvas'],
  ['react', 'usestate useeffect'],
  // security
  ['authentication', 'keycloak auth0 cognito passkeys webauthn'],
  ['security', 'ssrf rce xxe clickjacking mitm waf helmet hsts'],
  ['encryption', 'aes rsa hmac pbkdf2 scrypt'],
  ['secrets', 'kms'],
  ['vulnerability', 'trivy sonarqube'],
];
