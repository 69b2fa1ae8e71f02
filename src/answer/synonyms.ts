/**
 * Curated vocabulary for how developers write in chat.
 *
 * - SLANG: spellings of the same word ("k8s" is "kubernetes"). Applied to the index and the
 *   question alike, so either spelling in the content matches either spelling in chat.
 * - PHRASES: idioms whose words mean little one by one ("how much do they make", "push back").
 *   Applied to questions only; they add topic words the way concepts.ts does.
 */

export const SLANG: Readonly<Record<string, string>> = {
  k8s: 'kubernetes',
  kube: 'kubernetes',
  kubectl: 'kubernetes',
  db: 'database',
  dbs: 'database',
  postgresql: 'postgres',
  psql: 'postgres',
  pg: 'postgres',
  mongo: 'mongodb',
  js: 'javascript',
  ts: 'typescript',
  py: 'python',
  node: 'nodejs',
  algo: 'algorithm',
  algos: 'algorithm',
  repo: 'repository',
  repos: 'repository',
  lang: 'language',
  langs: 'language',
  diff: 'difference',
  dev: 'developer',
  devs: 'developer',
  // In this domain a backend engineer, programmer or coder is a backend developer.
  engineer: 'developer',
  engineers: 'developer',
  eng: 'developer',
  engs: 'developer',
  swe: 'developer',
  sde: 'developer',
  programmer: 'developer',
  programmers: 'developer',
  coder: 'developer',
  coders: 'developer',
  prs: 'pr',
  mrs: 'mr',
  infra: 'infrastructure',
  env: 'environment',
  perf: 'performance',
  pwd: 'password',
  creds: 'credentials',
  sec: 'security',
  gh: 'github',
  mgr: 'manager',
  pms: 'pm',
  secure: 'security',
  securing: 'security',
  secured: 'security',
  comms: 'communication',
  fe: 'frontend',
  frontends: 'frontend',
  backends: 'backend',
  gql: 'graphql',
  dockerize: 'docker',
  dockerized: 'docker',
  versus: 'vs',
  salery: 'salary',
  sallary: 'salary',
};

const LANGUAGES =
  'python|java|javascript|js|typescript|ts|node|nodejs|go|golang|csharp|php|ruby|kotlin|rust|scala|elixir|dotnet';

/**
 * Idioms found in the normalized question -> topic words (content words, like concepts), and
 * the words of the idiom that mean nothing on their own ("land" in "land a job").
 */
export const PHRASES: ReadonlyArray<[RegExp, string, string?]> = [
  [/\bhow much\b.*\b(make|makes|earn|earns|paid|pay|pays|get)\b/, 'salary'],
  [/\bmake (more|less|money|bank)\b|\bget paid\b|\bsix figures?\b/, 'salary'],
  [/\bpush(ing)? back\b(?! to)/, 'estimates communication', 'push pushing back'],
  [/\bbox model\b/, 'css', 'box model'],
  [/\bgo back to\b|\broll(ed)? back\b/, 'revert'],
  [/\bstep(ping)? on each other|\bsame (file|files|code)\b/, 'merge conflict'],
  [/\bon my (machine|laptop)\b/, 'prod machine'],
  [/\bday to day\b|\ball day\b|\btypical day\b/, 'day to day'],
  [/\bmachine learning\b/, 'ai'],
  [/\b(local|session) storage\b/, 'browser', 'local storage'],
  [/\bfrontend\b.*\bbackend\b|\bbackend\b.*\bfrontend\b/, 'frontend vs backend'],
  [/\bwhat (should|do|does|must) .*\b(know|learn|study)\b/, 'skills'],
  [/\bwhat ?(is|s) (a |the )?backend\b(?! (salary|pay|language|framework|roadmap))/, 'responsibilities role'],
  [/\bwho (changed|wrote|broke|touched|edited)\b/, 'git history'],
  [
    /\b(from|switch(ing)?|mov(e|ing)|transition(ing)?|pivot(ing)?) ([a-z]+ ){0,3}(to|into) backend\b/,
    'career change',
  ],
  [/\b(get|post|put|patch|delete) (and|or|vs) (get|post|put|patch|delete)\b/, 'http methods'],
  [/\bonly (see|edit|access|delete|view|change|read) (their|his|her|my|your|its) own\b/, 'authorization'],
  [
    /\b(other|another|someone else s|different) (user|users|customer|customers|account|accounts)\b/,
    'authorization',
  ],
  [/\bmany to many\b|\bone to many\b/, 'join schema'],
  [/\bnon technical\b|\btech(nical)? debt\b/, 'communication stakeholders'],
  [/\bconsole log\b|\bprint (statement|statements|debugging)\b/, 'debugging'],
  [new RegExp(`\\b(${LANGUAGES}) (or|vs|versus) (${LANGUAGES})\\b`), 'best language'],
  [
    /\b(best|which|what|first|popular|top|fastest|right) (backend |programming |server side |server |coding )?(language|lang)s?\b/,
    'best language',
  ],
  [
    new RegExp(`\\bfrom (${LANGUAGES}) to (${LANGUAGES})\\b|\\b(stick|stay) with (${LANGUAGES})\\b`),
    'best language',
  ],
  [/\b(role|roles|job) of (a |the )?backend\b/, 'responsibilities'],
  [/\bbreak(ing)? ([a-z]+ ){0,4}(down|into smaller|into pieces|apart)\b/, 'problem solving'],
  [/\bland(ing)? ([a-z]+ ){0,3}(job|role|position|gig|offer)s?\b/, 'first job', 'land landing'],
];
