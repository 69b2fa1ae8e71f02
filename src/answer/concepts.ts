import { stem } from './normalize.ts';

/**
 * Everyday and neighbouring technical words -> topic words that occur in the content.
 *
 * The content names each topic with its own vocabulary; people in chat use their own ("squash",
 * "dynamo", "box model", "remember users", "underpaid"). These groups bridge the two. They are
 * applied to questions only and count less than the words people typed (see query.ts), so they
 * can tip a vague question towards a topic but never outweigh an explicit one. Every target
 * word must occur in the content; a test checks it. Targets are content words, never entry ids,
 * so rewording an entry cannot silently break a mapping.
 *
 * Technical terms that name a topic outright ("div", "idor", "pgbouncer") live in the lexicon
 * (lexicon.ts) and count as strong signals; these groups are the weaker, everyday bridges.
 *
 * Format: [target words, the words that point at them].
 */
const GROUPS: ReadonlyArray<[string, string]> = [
  // programming languages
  ['language', 'scala elixir erlang haskell clojure perl swift dart lua cobol fortran cplusplus syntax'],
  ['language', 'compiler compiled interpreted runtime oop functional concurrency threads goroutines'],
  ['static typing', 'generics typed typing types typechecker mypy'],
  ['nodejs', 'bun deno npm'],
  ['concurrency async', 'parallel parallelism concurrent asynchronous await promise promises coroutine'],
  [
    'concurrency async',
    'coroutines multithreaded multithreading multiprocessing thread blocking nonblocking',
  ],
  ['garbage collection', 'gc'],
  ['static typing', 'nonetype nullpointerexception typeerror typescript'],
  ['syntax language', 'idiomatic idioms keywords semicolons indentation verbose verbosity pythonic'],
  ['language', 'bytecode interpreter polyglot'],
  [
    'language syntax',
    'closure closures lambda lambdas variable variables var const enum enums struct structs',
  ],
  [
    'language syntax',
    'interface interfaces inheritance polymorphism pointer pointers immutable immutability',
  ],
  ['language', 'pip maven gradle cargo virtualenv venv classes oop paradigm paradigms transpile'],
  ['language', 'jit stdlib'],
  ['language syntax', 'comprehension comprehensions generator generators'],
  // frameworks
  ['express middleware', 'koa hapi fastify'],
  ['gin golang framework', 'echo fiber'],
  ['spring framework', 'micronaut quarkus'],
  ['rails', 'sinatra'],
  ['framework', 'boilerplate scaffold scaffolding decorators annotations plugins'],
  ['routing', 'route routes router controller controllers handler handlers'],
  ['dependency injection', 'di ioc injectable providers provider autowired autowire beans'],
  ['framework', 'bootstrapping modules module serializer serializers blueprint blueprints views'],
  // version control
  ['rebase commit', 'squash squashing'],
  ['commit reset', 'amend'],
  ['branch git', 'checkout trunk gitflow master detached head'],
  ['git', 'clone fork blame submodule monorepo upstream origin tag tags tagging versioned'],
  ['merge conflict', 'overwrite overwrites overwrote overwriting clobbered'],
  ['revert reset git', 'undo rollback'],
  ['git commit', 'history staged unstaged uncommitted'],
  ['git revert', 'accidentally'],
  ['push git', 'pushed pushing'],
  ['git', 'repository pull'],
  ['branch git', 'branches'],
  // databases
  ['nosql database', 'dynamo firebase firestore supabase couchdb couchbase'],
  ['database', 'remember persist persistence storage save saved spreadsheet orders records'],
  ['database', 'row rows table tables column columns sharding shard replication replica backup backups'],
  ['database storage', 'vanish vanishes vanished vanishing disappear disappears disappeared wiped erased'],
  ['database storage', 'durable durability stored storing store saving csv'],
  ['sql', 'select oracle mssql sqlserver'],
  ['orm', 'prisma sequelize typeorm hibernate sqlalchemy activerecord'],
  ['transaction', 'deadlock locking isolation rollbacks'],
  ['cache', 'ttl expiry evict eviction invalidate invalidation stale'],
  ['join', 'foreign'],
  ['normalization database', 'denormalize denormalized denormalization denormalizing normalize normalized'],
  ['schema database', 'relationship relationships relational uuid autoincrement increment'],
  ['index hash', 'lookups lookup'],
  ['connection pool database', 'connections'],
  ['sql database', 'insert inserts upsert duplicates varchar blob blobs partition partitioning'],
  ['sql', 'procedure procedures trigger triggers'],
  ['schema database', 'erd modeling modelling'],
  // APIs
  ['grpc', 'rpc protobuf protobufs'],
  ['api http', 'websocket websockets realtime sse'],
  ['pagination', 'paginate paging paginated cursor'],
  ['api http', 'polling retry retries backoff headers'],
  ['rate limiting', 'throttle throttling ratelimit bots spam scrape scraping scraper scrapers'],
  ['postman', 'insomnia'],
  ['api versioning', 'deprecate deprecation deprecated backwards compatible'],
  ['webhook', 'callback callbacks'],
  ['webhook', 'notify notified notification notifications subscribe subscriber subscribers'],
  ['api versioning', 'breaking'],
  ['api', 'microservice microservices sdk integration integrate integrations partner endpoint'],
  ['api integration', 'expose exposing exposed consume consuming consumer consumers thirdparty'],
  ['json', 'payload payloads serialize serialization'],
  ['http methods', 'patch'],
  ['http', '200 201 204 301 302 304 400 401 403 404 409 422 429 500 2xx 3xx 4xx 5xx'],
  ['api', 'params param querystring'],
  ['api http', 'chunk chunks chunked multipart'],
  // servers and deployment
  ['kubernetes', 'helm pod pods cluster clusters'],
  ['docker', 'registry dockerhub'],
  ['reverse proxy', 'traefik caddy haproxy'],
  // Gateway errors come from the proxy in front of the app, not from the API design.
  ['reverse proxy server', '502 503 504'],
  ['server', 'gunicorn uwsgi pm2 port localhost cpu ram disk'],
  ['linux', 'systemd cron bash shell terminal ubuntu debian centos'],
  ['hosting', 'dns domain domains host'],
  ['load balancer', 'autoscaling autoscale scale scaling'],
  ['load balancer scaling traffic', 'spike spikes spiking surge overloaded overload capacity concurrent'],
  ['deploy hosting', 'publicly publish published accessible reachable url'],
  ['docker container', 'image images containerize containerized compose'],
  ['kubernetes', 'crashloopbackoff ingress'],
  ['monitoring', 'observability metrics grafana prometheus datadog alerts alerting oncall uptime'],
  ['monitoring production', 'outage downtime'],
  ['pipeline cicd', 'jenkins circleci actions'],
  ['deploy production', 'staging rollout canary live'],
  ['deploy', 'launch ship release'],
  ['deploy hosting', 'online internet'],
  ['cloud', 'iac terraform ansible infrastructure'],
  ['hosting cloud', 'heroku vercel netlify'],
  ['cloud hosting', 'region regions latency cdn cloudflare'],
  ['vps', 'droplet digitalocean vm'],
  ['aws', 'ec2 s3'],
  ['serverless', 'lambda'],
  ['devops', 'sre'],
  ['prod machine', 'locally'],
  // data structures and algorithms
  ['graph', 'bfs dfs breadth depth dijkstra'],
  ['tree', 'trie tries traversal traverse'],
  ['algorithm recursion', 'memoization dp'],
  ['algorithm', 'greedy puzzle puzzles interview interviews interviewer interviewers'],
  ['sorting', 'quicksort mergesort sort sorted'],
  ['hash table', 'collision collisions dedupe deduplicate'],
  ['trie tree', 'autocomplete typeahead'],
  ['heap', 'priority'],
  ['array', 'matrix vector'],
  ['leetcode', 'hackerrank codewars neetcode'],
  ['complexity', 'optimize optimization efficient efficiency loop loops nested'],
  ['hash map', 'dictionary dict'],
  // problem solving
  ['debugging', 'unstuck stuck error errors crash crashes broken flaky clue investigate diagnose'],
  ['debugging', 'segfault null undefined intermittent timeout timeouts hangs freezes'],
  ['debugging', 'random randomly occasionally sporadic sporadically'],
  ['debugging', 'print prints hunting bughunt clueless broke breaks'],
  ['debugging logs', 'silently silent fails failing failure failures'],
  ['problem solving', 'systematic systematically methodical methodically solution solutions'],
  ['legacy code', 'rewrite rewriting refactor refactoring refactored'],
  ['debugging reproduce', 'repro reproducible reproducing intermittently'],
  ['stack trace', 'traceback exception exceptions'],
  ['debugging logs', 'println printf logging'],
  ['git bisect', 'regression regressions'],
  ['root cause', 'rca'],
  ['incident debugging', 'panic panicking calm firefighting'],
  ['problem solving', 'approach tackle logic figure'],
  ['troubleshooting', 'troubleshoot'],
  // communication
  ['communication', 'manager boss pm colleague coworker teammates argue disagree presentation'],
  ['communication', 'designer designers'],
  ['communication', 'technical present presenting demo listen listening empathy polite politely rude tone'],
  ['communication feedback', 'teammate mentor mentoring mentee'],
  ['feedback review', 'defensive criticism kindly harsh nitpicky nitpicking'],
  ['feedback review communication', 'respond responding reply replying rejected rejecting reject blunt'],
  ['feedback review communication', 'attacking offensive awkward condescending passive aggressive sounding'],
  ['communication stakeholders', 'proposal proposals pitch leadership executives execs'],
  ['communication', 'interrupt interrupting interruptions interrupted distraction distractions'],
  ['communication', 'clash clashing friction tension argument arguments arguing'],
  ['communication writing', 'summary summarize summarise announcement announce email emails'],
  ['communication', 'shy nervous introvert introverted speak speaking excuse excuses'],
  ['communication estimates', 'timeline timelines eta'],
  ['stakeholders communication', 'business nontechnical convince convincing persuade persuading'],
  ['delay estimates', 'late'],
  ['estimates', 'deadline deadlines unrealistic pushback scope'],
  ['documentation', 'onboarding readme wiki confluence'],
  ['communication meetings', 'retro retros retrospective retrospectives sprint sprints planning'],
  ['stakeholders', 'stakeholder'],
  // front-end basics
  ['css', 'flexbox tailwind sass bootstrap responsive selector selectors styling layout'],
  ['css layout', 'flex inline overlap overlaps overlapping overflow misaligned'],
  ['frontend browser', 'flicker flickers flickering'],
  ['css layout', 'center centre centered centred centering centring align aligned alignment margin margins'],
  ['css layout', 'padding div divs font fonts stylesheet stylesheets'],
  ['html', 'markup semantic'],
  ['templates html', 'htmx jinja handlebars ejs'],
  ['css', 'color colors colour colours animation animations'],
  ['react vue', 'svelte nextjs nuxt component components jsx redux'],
  ['dom javascript', 'onclick click'],
  ['browser', 'localstorage sessionstorage'],
  ['html', 'accessibility a11y'],
  ['forms', 'submit submits submitting submission'],
  ['ssr', 'seo hydration'],
  ['javascript', 'webpack vite bundler jquery'],
  ['fetch', 'axios xhr'],
  ['frontend', 'ui ux button'],
  ['web page', 'website'],
  // security
  ['password hashing', 'md5 sha sha256 salt salting hashing'],
  ['mfa', '2fa totp otp'],
  ['oauth', 'sso saml openid oidc'],
  ['authorization', 'rbac roles permission permissions idor'],
  ['secrets', 'vault dotenv leaked'],
  ['secrets password', 'credentials'],
  ['vulnerability', 'pentest penetration cve patching dependabot snyk exploit vulnerable'],
  ['security', 'ddos phishing firewall gdpr privacy pii hacked hacker hackers attacker attack breach'],
  ['security', 'steal stolen safe safely prevent protect protection defend mitigate secure brute'],
  ['security', 'vpn upload uploads uploading uploaded guess guessing guessed guessable'],
  ['security privacy', 'credit card cards ssn ssns sensitive'],
  ['authorization', 'admin admins'],
  ['security injection', 'malicious'],
  ['xss', 'csp'],
  ['security', 'captcha recaptcha audit'],
  ['injection xss', 'sanitize sanitise sanitizing escaping'],
  ['sql injection', 'parameterized'],
  ['tls', 'certificate certificates cert certs letsencrypt'],
  ['jwt', 'token tokens'],
  ['sessions browser', 'cookie cookies'],
  ['login', 'logout signin'],
  ['password hashing', 'plaintext cleartext unhashed unencrypted'],
  ['authentication', 'authenticate authenticated authenticating identity'],
  ['authorization', 'authorize authorise authorized authorised'],
  ['authentication', 'signup'],
  ['encryption', 'encrypt'],
  // careers
  ['self taught bootcamp', 'degree college university'],
  ['skills requirements', 'prerequisites prerequisite prereqs'],
  ['internship', 'intern interns'],
  ['first job', 'apply applying hired hire hiring'],
  ['portfolio', 'resume cv'],
  ['junior', 'entry'],
  ['beginner', 'newbie noob'],
  ['career change', 'transition pivot'],
  ['learning path', 'path syllabus curriculum'],
  ['salary', 'lowball lowballed hourly'],
  ['salary', 'offer equity paid earn earning underpaid overpaid bonus negotiate'],
  ['responsibilities', 'duties responsible'],
  ['day to day', 'daily'],
  ['ai', 'agent agents prompt prompts generative genai robots claude gemini'],
  ['ai replace', 'obsolete'],
  ['automation', 'automate automated'],
  ['future', 'decade dying dead relevant prospects outsource outsourced outsourcing offshore offshoring'],
  ['future relevant', 'employable employability nocode lowcode'],
  ['future trends', 'industry'],
  ['job market', 'saturated oversaturated layoffs'],
  ['frontend backend', 'harder easier'],
];

export const CONCEPTS: Readonly<Record<string, string>> = (() => {
  const map: Record<string, string> = {};
  for (const [targets, words] of GROUPS) {
    for (const word of words.split(' ')) map[word] = map[word] ? `${map[word]} ${targets}` : targets;
  }
  return map;
})();

/** The same, keyed by stem, so that every inflection of a listed word ("buttons", "spiked") counts. */
const CONCEPTS_BY_STEM: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [word, targets] of Object.entries(CONCEPTS)) {
    const key = stem(word);
    map.set(key, map.has(key) ? `${map.get(key)} ${targets}` : targets);
  }
  return map;
})();

/** The topic words a question word points at, if any. */
export function conceptOf(word: string): string | undefined {
  // Own keys only: "constructor" is a word people write, not a key of every object.
  return (Object.hasOwn(CONCEPTS, word) ? CONCEPTS[word] : undefined) ?? CONCEPTS_BY_STEM.get(stem(word));
}
