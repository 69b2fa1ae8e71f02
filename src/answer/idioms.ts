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

/** The language names as chat words spell them out ("go" -> "golang", "js" -> "javascript"). */
const LANGUAGE_WORDS =
  'python java javascript typescript nodejs golang csharp php ruby kotlin rust scala elixir dotnet';

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
  'mom|mum|dad|parents?|family|grandma|grandpa|grandparents|relatives|layman|laymen|5 year old|five year old|non ?tech(nical|ie|y)?|(isnt|is not|not) technical';

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

/** In "which language", the word "language" is part of the choice, not a topic of its own. */
const CHOSEN = 'language languages demand';

/** Choosing a language is the FAQ; learning or using one is the skill. */
const LANGUAGE_CHOICE: Idiom[] = [
  // Weighing two languages against each other is the choice itself: their names say no more.
  [new RegExp(`\\b(${LANGUAGES}) (or|vs|versus) (${LANGUAGES})\\b`), 'best language', LANGUAGE_WORDS],
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
      `\\b(${LANGUAGES}) (a )?(good|bad|ok|okay|fine|viable|solid|suitable|decent|enough|worth it) (choice |option |pick )?(for|as) (a |the )?(backend|server|server side|web backend|apis?|microservices)\\b`,
    ),
    'best language',
  ],
  [/\bsingle threaded\b|\bcpu bound\b|\bio bound\b|\berror handling\b/, 'language concurrency'],
];

const ENGINEERING: Idiom[] = [
  // Two users changing the same thing at once: a lost update, which transactions prevent.
  [
    together(
      '(two|2|multiple|several|concurrent|simultaneous) (users|people|requests|workers|customers|buyers|processes|jobs|threads)',
      'same [a-z]+|at once|simultaneously|concurrently',
    ),
    'transaction',
  ],
  [/\bgo back to\b|\broll(ed)? back\b/, 'revert'],
  [/\broll(ing|ed)? (it |this |that |them |changes? |features? |releases? )?out\b/, 'deploy production'],
  [/\bstep(ping)? on each other|\bsame (file|files|code)\b/, 'merge conflict'],
  [/\bwho (last |first |originally |actually )?(changed|wrote|broke|touched|edited|added)\b/, 'git history'],
  [
    /\b(deleted|removed|lost|wiped|overwrote) (a |an |my |the |our |some |all |his |her )?(local |unmerged |old )?(branch|branches|commit|commits|code|file|files|changes|work|stash)\b/,
    'git reflog',
  ],
  [/\bon my (machine|laptop)\b/, 'prod machine'],
  [
    /\b(falls?|fell|falling|goes|went|going) (over|down|apart)\b|\b(is|are|was|were) down\b/,
    'production monitoring',
  ],
  [/\bon fire\b|\bfire ?fight(ing)?\b/, 'incident production'],
  // Data that does not survive a restart belongs in a database.
  [
    together(
      '(restart|reboot|redeploy|refresh|crash)[a-z]*',
      'lost|gone|vanish[a-z]*|disappear[a-z]*|wiped|empty|forget[a-z]*|forgot|reset[a-z]*',
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
  [
    /\b(small|mobile|narrow|smaller|tiny) (screens?|phones?|devices?)\b|\bphone screens\b|\b(on|for) (mobile|phones?|tablets?)\b/,
    'responsive css',
  ],
  [/\b(local|session) storage\b/, 'browser', 'local storage'],
  [
    /\b(look|looks|looking|render(s|ed|ing)?) (all |less |more |so |really )?(broken|off|weird|ugly|wrong|messed up|different|awful|terrible|bad|nicer|prettier|cramped)\b/,
    'css layout',
  ],
];

const SECURITY: Idiom[] = [
  [/\bonly (see|edit|access|delete|view|change|read) (their|his|her|my|your|its) own\b/, 'authorization'],
  [/\b(get|be|getting|being) notified (when|if|about)\b/, 'webhook api'],
  [
    /\b(other|another|someone elses?|different) (user|users|customer|customers|account|accounts|peoples|persons)\b/,
    'authorization',
  ],
  // Changing an id to reach someone else's record is the classic broken access check.
  [
    /\b(change|changing|changes|edit|editing|tweak|tweaking|swap|swapping|guess|guessing|increment|incrementing)( the| a| their| his| her| my)?( [a-z]+)? ids?\b/,
    'authorization',
  ],
  // A secret in the repository is a leaked secret first, a git problem second.
  [
    together(
      '(secret|secrets|key|keys|password|passwords|token|tokens|credentials|creds)',
      '(repository|github|gitlab|commit|committed|pushed|git history)',
      6,
    ),
    'secrets security',
    // Where the secret leaked says nothing about the topic.
    'repository github gitlab commit committed push pushed',
  ],
  [/\block(ing|ed)? ([a-z]+ ){0,2}down\b/, 'security'],
  [
    /\bonly (admins?|owners?|managers?|moderators?|certain users|some users|logged in users)\b/,
    'authorization',
  ],
  [
    /\blog(s|ged|ging)? ([a-z]+ ){0,3}(passwords?|secrets?|tokens?|credit cards?|card numbers?|pii|personal data|api keys?|request bod(y|ies)|payloads?)\b|\b(passwords?|secrets?|tokens?|credit cards?|api keys?) ([a-z]+ ){0,3}(in|to) (the |our )?logs?\b/,
    'secrets security',
  ],
  [
    /\bpassword resets?\b|\breset (their|your|a|the|user|users) passwords?\b|\bforgot password\b/,
    'password authentication',
  ],
  [/\b(plain ?text|clear ?text|as typed|not hashed|not encrypted|unhashed)\b/, 'password hashing'],
  [
    /\brotat(e|es|ing|ion)( [a-z]+){0,2} (passwords?|secrets?|keys?|tokens?|credentials|creds|certs?|certificates?)\b|\b(password|secret|key|token|credential)s? rotation\b/,
    'secrets security',
  ],
];

const PROBLEM_SOLVING: Idiom[] = [
  [/\bconsole log\b|\bprint (statement|statements|debugging)\b/, 'debugging'],
  [
    /\b(stuck|staring|stared) (at|on) (the same |this |that |an |a )?(error|bug|problem|issue|exception|stack trace)s?\b|\b(error|bug|issue|problem)s? (for|since) (hours|days|ages|a week|two days|\d+ days)\b/,
    'stuck debugging',
  ],
  [
    /\b(no idea|no clue|cant figure out|cannot figure out|dont understand|dont know|do not know|not sure|figur(e|ing) out) why\b/,
    'debugging root cause',
  ],
  [/\bbreak(ing)? ([a-z]+ ){0,4}(down|into smaller|into pieces|apart)\b/, 'problem solving'],
  [
    /\bbefore (i |we |you )?(start(ing)? )?(to )?(code|coding|writing (any |the )?code|implementing|building)\b/,
    'problem solving',
  ],
  [
    /\b(vague|unclear|ambiguous|fuzzy) (requirements?|tickets?|specs?|tasks?|stories)\b|\b(requirements?|tickets?|specs?) (are|is) ([a-z]+ )?(vague|unclear|ambiguous|fuzzy)\b/,
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
    /\bask(ing)? (for help|questions|a question|dumb questions|stupid questions)\b|\bask(ing)? ([a-z]+ ){1,3}for help\b/,
    'asking questions communication',
  ],
  [/\bone on ones?\b|\b1 ?on ?1s?\b|\b1 1s?\b/, 'communication feedback'],
  [
    /\bhow (do|should|can|would) (i|we|you) (tell|convince|talk to|break it to) (my|our|a|the|them|him|her|someone|people|everyone|client|manager|boss|team|pm|lead|senior|junior|colleague|coworker)\b(?! (difference|if|whether))/,
    'communication',
  ],
  [
    /\bhow (do|should|can|would) (i|we|you) approach (my|our|them|him|her|someone|people|everyone|the client|a client|the manager|my manager|the team|a colleague|a coworker)\b/,
    'communication',
  ],
  [
    /\bexplain(ing)? (it |this |that |why )?to (sales|marketing|management|leadership|execs?|the business|stakeholders|the client|clients|customers|my manager|my boss|the ceo|product|support|the pm)\b/,
    'communication stakeholders',
  ],
  [
    /\b(word|phrase|write|writing|draft) (a |my |the |this |that )?(slack |teams |short |polite |friendly )?(message|email|reply|dm)\b/,
    'communication writing',
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
