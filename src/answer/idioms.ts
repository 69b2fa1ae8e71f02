/**
 * Idioms of team chat whose words mean little one by one ("how much do they make", "push
 * back", "falls over", "my mom asked"). Each is matched against the normalized question
 * (lower case, letters and digits, single spaces) and adds its topic words the way concepts.ts
 * does; every topic word must occur in the content (a test checks it).
 *
 * Format: [pattern, topic words, words of the idiom that mean nothing on their own ("land" in
 * "land a job")].
 */
export type Idiom = readonly [RegExp, string, string?];

const LANGUAGES =
  'python|java|javascript|js|typescript|ts|node|nodejs|go|golang|csharp|php|ruby|kotlin|rust|scala|elixir|dotnet';

/**
 * `a`, then `b` within a few words: what "the message mentions both" means in a chat line.
 * Bounded, unlike `.*`, so that 2,000 characters of repetition cannot make a pattern quadratic.
 */
function near(a: string, b: string, words = 12): string {
  return `\\b(${a})( [a-z0-9]+){0,${words}} (${b})\\b`;
}

/** `a` and `b` near each other, in either order. */
function together(a: string, b: string, words = 12): RegExp {
  return new RegExp(`${near(a, b, words)}|${near(b, a, words)}`);
}

/** People outside the trade, on whose behalf someone asks what "backend" means. */
const OUTSIDERS =
  'mom|mum|dad|parents?|family|grandma|grandpa|grandparents|relatives|layman|laymen|5 year old|five year old|non ?technical|(isnt|is not|not) technical';

const CAREERS: Idiom[] = [
  [
    new RegExp(near('how much', 'make|makes|earn|earns|paid|pay|pays|get|ask for|charge|negotiate')),
    'salary',
  ],
  [/\bmake (more|less|money|bank)\b|\bget paid\b|\bsix figures?\b/, 'salary'],
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
  [new RegExp(near('what (should|do|does|must)', 'know|learn|study')), 'skills'],
  [/\b(besides|other than|apart from|beyond) (coding|programming|code)\b/, 'skills'],
  [
    /\bwhat (else )?(does|do|should) (a |an )?(backend |junior |senior |good )*(developer|engineer|devs?|developers|engineers) (need|needs)\b/,
    'skills',
  ],
  [/\bminimum (knowledge|skills?|requirements?)\b/, 'skills requirements'],
  [/\bwhat ?(is|s) (a |the )?backend\b(?! (salary|pay|language|framework|roadmap))/, 'responsibilities role'],
  [/\b(role|roles|job) of (a |the )?backend\b/, 'responsibilities'],
  [/\bwhat (does |do )?(the |a )?backend means?\b/, 'responsibilities role'],
  [together(OUTSIDERS, 'backend'), 'responsibilities role'],
  [
    /\b(from|switch(ing)?|mov(e|ing)|transition(ing)?|pivot(ing)?|get(ting)?|break(ing)?) ([a-z]+ ){0,3}(to|into) (backend|tech|software|programming|coding|development)\b/,
    'career change',
  ],
  [/\bland(ing)? ([a-z]+ ){0,3}(job|role|position|gig|offer)s?\b/, 'first job', 'land landing'],
  [/\bwhats next\b|\bwhat is next\b|\bwhat comes next\b/, 'future trends'],
  [
    /\blook like in\b|\b(next|in) (few |couple of |\d+ |five |ten |twenty )?(years|decade|decades)\b/,
    'future trends',
  ],
];

/** Choosing a language is the FAQ; learning or using one is the skill. */
const LANGUAGE_CHOICE: Idiom[] = [
  [new RegExp(`\\b(${LANGUAGES}) (or|vs|versus) (${LANGUAGES})\\b`), 'best language'],
  [
    /\b(best|which|what|first|popular|top|fastest|right) (backend |programming |server side |server |coding )?(language|lang)s?\b/,
    'best language',
  ],
  [
    new RegExp(`\\bfrom (${LANGUAGES}) to (${LANGUAGES})\\b|\\b(stick|stay) with (${LANGUAGES})\\b`),
    'best language',
  ],
  [
    /\b(pick|choose|recommend|go with|bet on)\b( [a-z]+){0,3} (language|lang)s?\b|\bonly (learn |pick |know )?one (language|lang)\b/,
    'best language',
  ],
  [
    new RegExp(near(LANGUAGES, '(good|right|bad|best|smart|solid|safe) (choice|pick|option|bet)')),
    'best language',
  ],
  [/\bsingle threaded\b|\bcpu bound\b|\bio bound\b|\berror handling\b/, 'language concurrency'],
];

const ENGINEERING: Idiom[] = [
  [/\bgo back to\b|\broll(ed)? back\b/, 'revert'],
  [/\broll(ing|ed)? (it |this |that |them |changes? |features? |releases? )?out\b/, 'deploy production'],
  [/\bstep(ping)? on each other|\bsame (file|files|code)\b/, 'merge conflict'],
  [/\bwho (changed|wrote|broke|touched|edited)\b/, 'git history'],
  [/\bon my (machine|laptop)\b/, 'prod machine'],
  [
    /\b(falls?|fell|falling|goes|went|going) (over|down)\b|\b(is|are|was|were) down\b/,
    'production monitoring',
  ],
  [/\bon fire\b|\bfire ?fight(ing)?\b/, 'incident production'],
  // Data that does not survive a restart belongs in a database.
  [
    together(
      '(restart|reboot|redeploy|refresh|crash)[a-z]*',
      'lost|gone|vanish[a-z]*|disappear[a-z]*|wiped|empty',
    ),
    'database storage',
  ],
  [
    /\bstick around\b|\bsurvive (a |the )?(restart|reboot|deploy)s?\b|\bstill (be )?there (after|tomorrow|later|next)\b/,
    'database storage',
  ],
  [/\bmany to many\b|\bone to many\b/, 'join schema'],
  [/\b(get|post|put|patch|delete) (and|or|vs) (get|post|put|patch|delete)\b/, 'http methods'],
  [
    /\bpull(ing)? ([a-z]+ ){0,2}(data|records|info|stats|numbers|metrics) (out of|from)\b|\b(their|other|another|external|partner|third party)( own)? (service|services|app|apps|system|systems|code|program|programs|client|clients)\b/,
    'api integration',
  ],
  [/\bbox model\b/, 'css', 'box model'],
  [/\b(small|mobile|narrow|smaller) screens?\b|\bphone screens\b/, 'responsive css'],
  [/\b(local|session) storage\b/, 'browser', 'local storage'],
  [
    /\b(look|looks|looking|render(s|ed|ing)?) (all )?(broken|off|weird|ugly|wrong|messed up|different)\b/,
    'css layout',
  ],
];

const SECURITY: Idiom[] = [
  [/\bonly (see|edit|access|delete|view|change|read) (their|his|her|my|your|its) own\b/, 'authorization'],
  [
    /\b(other|another|someone elses?|different) (user|users|customer|customers|account|accounts)\b/,
    'authorization',
  ],
  [/\block(ing|ed)? ([a-z]+ ){0,2}down\b/, 'security'],
  [
    /\bonly (admins?|owners?|managers?|moderators?|certain users|some users|logged in users)\b/,
    'authorization',
  ],
  [
    /\blog(s|ged|ging)? ([a-z]+ ){0,3}(passwords?|secrets?|tokens?|credit cards?|card numbers?|pii|personal data|api keys?)\b|\b(passwords?|secrets?|tokens?|credit cards?|api keys?) ([a-z]+ ){0,3}(in|to) (the |our )?logs?\b/,
    'secrets security',
  ],
  [
    /\bpassword resets?\b|\breset (their|your|a|the|user|users) passwords?\b|\bforgot password\b/,
    'password authentication',
  ],
  [/\b(plain ?text|clear ?text|as typed|not hashed|not encrypted|unhashed)\b/, 'password hashing'],
];

const PROBLEM_SOLVING: Idiom[] = [
  [/\bconsole log\b|\bprint (statement|statements|debugging)\b/, 'debugging'],
  [
    /\b(stuck|staring|stared) (at|on) (the same |this |that |an |a )?(error|bug|problem|issue|exception|stack trace)s?\b|\b(error|bug|issue|problem)s? (for|since) (hours|days|ages|a week|two days|\d+ days)\b/,
    'stuck debugging',
  ],
  [
    /\b(no idea|no clue|cant figure out|cannot figure out|dont understand|not sure) why\b/,
    'debugging root cause',
  ],
  [/\bbreak(ing)? ([a-z]+ ){0,4}(down|into smaller|into pieces|apart)\b/, 'problem solving'],
  [
    /\b(vague|unclear|ambiguous|fuzzy) (requirements?|tickets?|specs?|tasks?|stories)\b/,
    'problem solving requirements',
  ],
  [
    /\bread(ing)? (other peoples? |someone elses? |others |unfamiliar |legacy |old |existing )?code\b/,
    'unfamiliar codebase',
  ],
];

const COMMUNICATION: Idiom[] = [
  [/\bpush(ing)? back\b(?! to)/, 'estimates communication', 'push pushing back'],
  [/\bnon technical\b|\btech(nical)? debt\b/, 'communication stakeholders'],
  [
    /\b(sound|sounds|sounding|come across|comes across|coming across) (like|as|rude|harsh|mean|aggressive|passive)\b/,
    'communication feedback',
  ],
  [
    /\bask(ing)? (for help|questions|a question|dumb questions|stupid questions)\b/,
    'asking questions communication',
  ],
  [/\bone on ones?\b|\b1 ?on ?1s?\b|\b1 1s?\b/, 'communication feedback'],
  [
    /\bhow (do|should|can|would) (i|we|you) (tell|convince|approach|talk to|break it to) (my|our|a|the|them|him|her|someone|people|everyone|client|manager|boss|team|pm|lead|senior|junior|colleague|coworker)\b(?! (difference|if|whether))/,
    'communication',
  ],
];

export const IDIOMS: readonly Idiom[] = [
  ...CAREERS,
  ...LANGUAGE_CHOICE,
  ...ENGINEERING,
  ...SECURITY,
  ...PROBLEM_SOLVING,
  ...COMMUNICATION,
];
