/**
 * Idioms of team chat whose words mean little one by one ("how much do they make", "push
 * back", "falls over", "my mom asked"). Each is matched against the normalized question
 * (lower case, letters and digits, single spaces) and adds its topic words the way concepts.ts
 * does; every topic word must occur in the content (a test checks it).
 *
 * Format: [pattern, topic words, words of the idiom that mean nothing on their own ("land" in
 * "land a job")].
 */
import { type Idiom, near, together } from './idiom-patterns.ts';
import { COMMUNICATION, PROBLEM_SOLVING } from './idioms-people.ts';
import { ENGINEERING, SECURITY } from './idioms-work.ts';

export type { Idiom };

const LANGUAGES =
  'python|java|javascript|js|typescript|ts|node|nodejs|go|golang|csharp|php|ruby|kotlin|rust|scala|elixir|dotnet';

/** The language names as chat words spell them out ("go" -> "golang", "js" -> "javascript"). */
const LANGUAGE_WORDS =
  'python java javascript typescript nodejs golang csharp php ruby kotlin rust scala elixir dotnet';

/** People outside the trade, on whose behalf someone asks what "backend" means. */
const OUTSIDERS =
  'mom|mum|dad|parents?|family|grandma|grandpa|grandparents|relatives|layman|laymen|5 year old|five year old|non ?tech(nical|ie|y)?|(isnt|is not|not) technical';

const CAREERS: Idiom[] = [
  [
    new RegExp(near('how much', 'make|makes|earn|earns|paid|pay|pays|get|ask for|charge|negotiate')),
    'salary',
  ],
  [/\bmake (more|less|money|bank)\b|\bget paid\b|\bsix figures?\b/, 'salary'],
  [
    /\bwhat (do|does|would|could|will|can|did) ([a-z]+ ){1,4}(make|earn|get paid|take home|pull in)\b(?! (of|with|for|it|sure|sense|them|a |the |an |this|that))/,
    'salary',
  ],
  [/\b(is|offered|offer of|making|make|earn|earning|paid|paying) \d+k\b/, 'salary'],
  [/\bday to day\b|\ball day\b|\btypical day\b/, 'day to day'],
  [/\bmachine learning\b/, 'ai'],
  // "AI can write it for me" is the question whether AI replaces the job.
  [
    /\b(ai|chatgpt|copilot|llms?|gpt|claude)\b( [a-z]+){0,3} (write|writes|writing|generate|generates|replace|replaces|build|builds)\b/,
    'ai replace',
  ],
  [together('frontend', 'backend'), 'frontend vs backend'],
  [
    /\b(go|choose|pick|stick with|specialize in|specialise in) (backend|frontend|fullstack)\b/,
    'frontend vs backend',
  ],
  // "what does a backend dev need to know about the front end" asks about the front end.
  [new RegExp(`${near('what (should|do|does|must)', 'know|learn|study')}(?! about)`), 'skills'],
  [/\b(besides|other than|apart from|beyond) (coding|programming|code)\b/, 'skills'],
  [
    /\bwhat (else )?(does|do|should) (a |an )?(backend |junior |senior |good )*(developer|engineer|devs?|developers|engineers) (need|needs)\b(?! to (know|learn) about)/,
    'skills',
  ],
  [/\bminimum (knowledge|skills?|requirements?)\b/, 'skills requirements'],
  [
    /\b(bare )?minimum (i|you|we|one) (need|have|ought|should) to know\b|\b(need|have) to know (to|for|before) (get|land|apply|be|become|start|work)/,
    'skills requirements',
  ],
  [/\bwhat ?(is|s) (a |the )?backend\b(?! (salary|pay|language|framework|roadmap))/, 'responsibilities role'],
  [/\b(role|roles|job) of (a |the )?backend\b/, 'responsibilities'],
  [/\bis (the )?backend (just|only|mostly|basically|really|all about)\b/, 'responsibilities role'],
  [
    /\b(does|do) (a |the |our |your )?backend (team|teams|developers?|engineers?|devs?) (own|handle|build|work on|take care of|deal with|look after)\b/,
    'responsibilities role',
  ],
  [
    /\bwhat (do |does )?(the |a |our |your )?backend (team|teams|developers?|engineers?|people|folks|side) (do|does|actually do|work on|works on|build|builds)\b/,
    'responsibilities role',
  ],
  [
    /\bwhat (does |do |is )?(the |a )?(word |term )?backend( even| actually| really| exactly)? (means?|stand for|refer to)\b/,
    'responsibilities role',
  ],
  [
    /\bwhat (is|s) (a |the )?backend (developer|engineer)?s? ?(job|work|role) (like|about)\b/,
    'responsibilities role',
  ],
  [/\b(mostly|all) (coding|code|programming|meetings)\b|\bcoding or (meetings|talking)\b/, 'day to day'],
  [together(OUTSIDERS, 'backend'), 'responsibilities role'],
  [
    /\bwhat (i|we|you|they|he|she) (actually |really )?(do|does) (at|for) (work|a living)\b/,
    'responsibilities role',
  ],
  [
    /\b(from|switch(ing)?|mov(e|ing)|transition(ing)?|pivot(ing)?|get(ting)?|break(ing)?) ([a-z]+ ){0,3}(to|into) (backend|tech|software|programming|coding|development)\b/,
    'career change',
  ],
  [/\bland(ing)? ([a-z]+ ){0,3}(job|role|position|gig|offer)s?\b/, 'first job', 'land landing'],
  [/\bwhats next\b|\bwhat is next\b|\bwhat comes next\b/, 'future trends'],
  [
    /\b(jobs?|roles?|work|positions?)( [a-z]+){0,3} (move|moving|moved|go|going|get|getting|be|being) (offshore|outsourced|overseas|abroad|to (cheaper|other|low cost) countries)\b/,
    'future job market',
  ],
  [
    /\blook like in (the )?(next |a )?(\d+|few|couple|five|ten|twenty|20\d\d)\b|\b(next|in) (few |couple of |\d+ |five |ten |twenty )?(years|decade|decades)\b/,
    'future trends',
  ],
];

/** In "which language", the word "language" is part of the choice, not a topic of its own. */
const CHOSEN = 'language languages demand';

/** Choosing a language is the FAQ; learning or using one is the skill. */
const LANGUAGE_CHOICE: Idiom[] = [
  // Weighing two languages against each other is the choice itself: their names say no more.
  [new RegExp(`\\b(${LANGUAGES}) (or|vs|versus) (${LANGUAGES})\\b`), 'best language', LANGUAGE_WORDS],
  [
    new RegExp(
      `\\b(${LANGUAGES}) (good enough |enough |ok |fine )?(for (the )?(backend|server|apis?)) (or|vs) (should i |do i |would you )?(learn |pick |switch to |use |go with )?(${LANGUAGES})\\b`,
    ),
    'best language',
    LANGUAGE_WORDS,
  ],
  [
    /\b(best|which|what|first|popular|top|fastest|right|in demand|most used|most common|most wanted) (backend |programming |server side |server |coding )?(language|lang)s?\b/,
    'best language',
    CHOSEN,
  ],
  [
    // Moving between languages is about learning the new one, not about which is best.
    new RegExp(`\\bfrom (${LANGUAGES}) to (${LANGUAGES})\\b|\\b(stick|stay) with (${LANGUAGES})\\b`),
    'language',
  ],
  [
    /\b(pick|choose|recommend|go with|bet on)\b( [a-z]+){0,3} (language|lang)s?\b|\bonly (learn |pick |know )?one (language|lang)\b/,
    'best language',
    CHOSEN,
  ],
  [
    new RegExp(near(LANGUAGES, '(good|right|bad|best|smart|solid|safe) (choice|pick|option|bet)')),
    'best language',
  ],
  [
    /\b(number one|no 1|1) (backend |programming |server side |coding )?(language|lang)\b/,
    'best language',
    CHOSEN,
  ],
  [
    new RegExp(
      `\\b(${LANGUAGES}) (a )?(good|bad|ok|okay|fine|viable|solid|suitable|decent|enough|worth it)( enough)? (choice |option |pick )?(for|as) (a |the )?(backend|server|server side|web backend|apis?|microservices)\\b`,
    ),
    'best language',
  ],
  [/\bsingle threaded\b|\bcpu bound\b|\bio bound\b|\berror handling\b/, 'language concurrency'],
];

export const IDIOMS: readonly Idiom[] = [
  ...CAREERS,
  ...LANGUAGE_CHOICE,
  ...ENGINEERING,
  ...SECURITY,
  ...PROBLEM_SOLVING,
  ...COMMUNICATION,
];
