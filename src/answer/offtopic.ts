/**
 * Words and idioms that say a message is about something other than backend development:
 * office life, HR, food, travel, home, hardware, entertainment and neighbouring fields
 * (machine learning, game development, design tools, native mobile UI).
 *
 * Team chat mixes tech words into everything ("restart the office printer server", "a python
 * plushie", "the git lunch-and-learn room"). A cue does not refuse a message by itself: it
 * takes away the benefit of the doubt that a named technology would otherwise earn, weighs more
 * than an ordinary unknown word, and raises the coverage needed to answer (see query.ts and
 * confidence.ts), so a message that is mostly about a topic is still answered; and a message
 * with more technical terms for one topic than cues ("fe is on vacation, flexbox or margin
 * auto?") is answered as usual. Cues are compared by stem ("pizzas", "bikes").
 *
 * Only words that practically never occur in a genuine backend question belong here: not
 * "laptop" ("it works on my laptop"), "phone" ("open it from their phones") or "game".
 */
import { stem } from './normalize.ts';

const CUE_GROUPS: readonly string[] = [
  // office and facilities
  `office offices printer printers scanner elevator elevators parking garage badge keycard desk desks
  kitchen fridge microwave dishwasher plants thermostat aircon bathroom toilet whiteboard
  allhands townhall offsite committee club lobby cooler vending cafeteria canteen receptionist janitor
  recycling compost trash stationery blinds terrace mosquito mosquitoes`,
  // meetings as logistics rather than as communication
  `rescheduled reschedule postponed meetup meetups purchase purchases purchasing procurement`,
  // HR, money that is not salary, company admin
  `vacation pto parental maternity paternity sick payroll hr reimbursement reimbursed reimburse
  401k pension expensing expensed timesheet timesheets insurance dental dentist doctor therapist
  physio physiotherapist massage stretching posture
  sharepoint onedrive workday`,
  // food and drink
  `lunch dinner breakfast brunch snack snacks coffee espresso latte tea beer beers drinks wine pizza
  sushi thai burger burgers tacos ramen recipe bake baking cake cakes roast vegetarian vegan cafe
  catering groceries banana calories restaurant restaurants sourdough`,
  // travel and commuting
  `airport hotel hotels flights airline trains taxi commute commuting travel travelling traveling
  passport luggage sightseeing tourist tourists itinerary beach boarding`,
  // weather, outdoors, sport, body
  `weather rain raining snow snowing sunny forecast biking bike marathon gym workout football
  soccer basketball tennis nba nfl bowling karaoke hiking yoga golf poker padel bouldering trivia
  tire tires tyre tyres`,
  // home, family, pets
  `dog dogs cat cats puppy kitten nephew niece wife husband girlfriend boyfriend landlord
  apartment plumber faucet garden wedding birthday anniversary santa christmas halloween
  mortgage terrarium`,
  // shopping and merchandise
  `plushie plush gift gifts hoodie tshirt merch swag stickers poster posters`,
  // hardware, peripherals and IT helpdesk
  `keyboard keyboards mouse trackpad headphones headset airpods earbuds webcam microphone charger
  dongle docking wifi bluetooth helpdesk macbook macbooks iphone iphones ipad ipads imac`,
  // entertainment
  `movie movies film films netflix podcast podcasts song songs chords guitar piano spotify concert
  album tv anime documentary documentaries`,
  // office documents and productivity apps
  `pdf powerpoint keynote excel crm salesforce hubspot tax taxes logo logos branding calendar calendars`,
  // hobbies and arts
  `photography camera aperture painting knitting crochet instagram tiktok youtube
  reels vlog vlogging daw midi
  vinyl turntable lego aquarium fishing camping surfing skiing`,
  // machine learning and data science
  `pytorch tensorflow keras xgboost sklearn scikit gpu gpus cuda neural finetune finetuning
  kaggle jupyter forest hyperparameter hyperparameters epoch epochs overfitting lightgbm
  midjourney`,
  // accounting and bookkeeping
  `ledger bookkeeping payslip accrual accruals depreciation amortization amortisation`,
  // legal
  `trademark trademarks lawsuit lawsuits sued attorney lawyer lawyers`,
  // school subjects outside computing
  `homework photosynthesis chemistry chemical biology`,
  // game development, design and media tools, native mobile UI
  `unity unreal godot rigidbody shader shaders sprite sprites figma photoshop illustrator lightroom
  blender premiere davinci swiftui xcode uikit`,
];

/** Idioms that are off-topic as a whole, though their words may not be. */
const CUE_PHRASES: readonly RegExp[] = [
  /\b(reset|unlock|change|forgot|forgotten) my ([a-z]+ ){0,2}password\b/,
  /\blocked out\b/,
  /\bfine tun(e|ed|ing)\b|\btrain(ing)? (a |an |the |my |our )?([a-z]+ )?(model|network|classifier)s?\b/,
  /\bmachine learning\b|\bdeep learning\b|\bdata scien(ce|tist)\b/,
  /\b(meeting|conference) rooms?\b/,
  /\b(moved|pushed|rescheduled) to (\d|monday|tuesday|wednesday|thursday|friday|next week|tomorrow)/,
  /\bwhat time (is|does|do)\b/,
  /\b(who|anyone) (want|wants|going|coming|organi[sz]ing)\b/,
  /\bexpense (report|reports|claim|claims)\b|\bflight (to|from)\b/,
  /\bsecret santa\b|\bhappy hour\b|\bspring break\b|\bteam (dinner|lunch|outing|event)\b/,
  /\bnew (laptop|monitor|chair|desk|phone)\b|\bmy (monitor|chair|desk)\b/,
  /\b(reset|restart|reboot|wipe|charge|upgrade|repair) (my|the|our|a) (laptop|phone|computer|pc|mac|macbook|printer|tv|router|modem)\b/,
  /\bfactory (reset|settings)\b/,
  /\bmy (personal|private|home|own) (bank|phone|email|instagram|facebook|computer|pc|router|wifi|netflix)\b|\bbank account\b/,
  /\bswift ui\b|\bjetpack compose\b|\btouch typing\b|\btyping speed\b/,
  /\b(conference|concert|event|movie|train|flight|festival|game|match) tickets?\b/,
  /\b(company|companies|work|employer|they) (pay|paying|pays|cover|covering|covers) for\b/,
  /\bshar(e|ing) (my |your |the )?screen\b|\bscreen ?shar(e|ing)\b|\b(zoom|teams|webex|meet) (call|calls|meeting|meetings)\b/,
  /\b(good|new|best|cheap|which|buy|buying|buy a|buying a|get a|getting a) ([a-z0-9]+ )?(laptop|phone|tablet|monitor|keyboard|mouse|headphones|tv|camera)s?\b/,
  /\bwhen (do|does|will) (we|i|you) get paid\b|\bpayday\b/,
  // Payroll dates are HR's, not the salary FAQ.
  /\bwhen (is|are|will) (the |my |our )?(salary|salaries|pay|paycheck|paychecks|wages?) (be )?(paid|coming|due|arriving)\b/,
  /\b(stolen|lost|broke|broken|cracked) (my |our |a )?(work |company )?(phone|laptop|ipad|tablet)\b|\bmy (work|company) (account|email|laptop|phone)\b/,
  /\b(second|external|extra|spare|new) (monitor|screen|display)s?\b|\bmy monitors?\b/,
  /\bmy (son|daughter|kid|kids|child|children|toddler|baby|nephew|niece)\b|\bfor my \d+ (year|yr) old\b/,
  /\bword (doc|docs|document|documents|file)\b|\bgoogle (docs|sheets|slides|drive|calendar|meet)\b/,
  /\bgood (morning|night|evening|afternoon)\b|\bhappy (monday|friday|weekend|holidays|new year)\b|\bpivot tables?\b/,
  /\bout of (the )?office\b|\bjoin us\b|\blong weekend\b|\ball hands\b/,
  /\b(set|change|update) (my|your) (slack |teams )?status\b|\bstatus to away\b/,
  // "what trips people up" is no journey.
  /(?<!round )\btrips?\b(?!( [a-z]+)? up\b)/,
  /\b(book|booking|reserve|reserving) (a |the )?([a-z]+ )?(room|desk|table|slot|spot)s?\b/,
  /\b(room|rooms|desk|venue|slot)( [a-z]+){0,2} (is |are |was |got )?(double )?booked\b/,
  // Asking who does something is a question for a colleague, not for the bot.
  /\bwho (handles|resets|fixes|restocks|refills|cleans|approves|orders|waters|hosts|is hosting|has the keys?|do i (ask|talk to|contact|call|ping)|should i (ask|talk to|contact)|is in charge of)\b/,
  // The company's own accounts and devices are the help desk's, not a backend question.
  /\blogin (to |into )?(outlook|teams|zoom|jira|workday|okta|confluence|sharepoint|the vpn|vpn|my email|my mail|windows|my laptop|the laptop|my computer|my pc|my account)\b/,
  /\bmy ([a-z]+ )?password (has |just )?(expired|expires|expiring|stopped working)\b/,
  /\b(rock|indoor) climbing\b|\bclimbing gym\b|\bdress code\b|\bprofile (picture|pic|photo)\b/,
  /\b(take|taking|took|edit|editing|print|printing) (a |some |my |the |our |team |group )?(photos?|pictures?|pics)\b|\b(family|vacation|holiday|wedding|baby|kids|old) (photos|pictures|pics|videos)\b/,
  /\b(office|house|window) cleaners?\b|\bcleaning (lady|crew|service|staff)\b/,
  /\b(export|import|sync|syncing|contacts|calendar|inbox|folders?) (from|in|into|to|with) outlook\b|\boutlook (calendar|inbox|contacts|app|client|signature|rules?|folders?)\b/,
  /\bjoin (the |our |a |my )?(company |office |weekly |monthly )?(book club|club|call|meeting|zoom|webinar|party|lunch|event|channel)\b/,
  /\b(quiz|game|movie|pizza|karaoke|trivia|board game) nights?\b|\b(on|annual|sick|unpaid) leave\b|\btime off\b|\bdays? off\b/,
];

const CUE_WORDS = new Set(CUE_GROUPS.flatMap((group) => group.split(/\s+/).filter(Boolean)).map(stem));

/** True when this (normalized, unstemmed) word points away from backend development. */
export function isOffTopicWord(word: string): boolean {
  return CUE_WORDS.has(stem(word));
}

/** The off-topic idioms in a normalized question (letters, digits and single spaces). */
export function offTopicPhrases(text: string): string[] {
  return CUE_PHRASES.filter((pattern) => pattern.test(text)).map((pattern) => pattern.source);
}

/**
 * Names of topics and lexicon terms that are also everyday English ("spring", "python",
 * "button", "ticket", "pushed"). Such a word still counts as a match; it just is not, on its
 * own, the strong signal that a technology name is ("what to see in spring", "a python
 * plushie", "pay for parking", "concert tickets"). Compared by stem; phrases allowed.
 */
const EVERYDAY_GROUPS: readonly string[] = [
  // content words
  `spring express rails flask java python ruby swift gin tree trees stack queue heap graph set
  sets reset pool server servers cloud clouds table tables container containers standup meetings
  meeting writing feedback docs forms bug bugs stuck future demand money pay raise roadmap portfolio
  junior beginner hosting production prod monitoring rest sessions injection clients
  estimates outlook trends skills skill login security incident patch tag release apache programming
  rust postman insomnia`,
  // front end
  `flex margin padding responsive hover float overflow dropdown sidebar navbar carousel
  tooltip styling attribute heading input markup button form canvas component props spa csr`,
  // algorithms, security, languages
  `cycle edges vertex vertices salt salted salting hacked hacker attacker breach certificate exploit
  exploited scopes acl async await promise threads compile runtime interpreter interpreted closure
  inheritance traits macros generators verbose`,
  // databases, servers
  `row rows records query column columns constraint constraints backup replica cluster pod pipeline
  staging port uptime downtime alerts tracing dashboards metrics rollout canary`,
  // version control, communication, problem solving, frameworks
  `squash stash blame fork upstream origin trunk committed ticket manager sales demo
  presentation email timezone misunderstanding mentor mentoring onboarding pairing
  handover handoff estimate estimation deadline timeline retro retrospective
  buggy crash crashes crashing flaky intermittent intermittently hypothesis router routes
  controller providers beans decorators annotations scaffolding`,
  // careers
  `paid bonus equity earn earning earnings negotiate negotiation wage salaries comp dying resume
  requirements checklist bootcamp`,
  // technologies named after everyday things
  `bun yarn maven groovy celery eloquent drizzle mongoose hibernate dapper peewee snowflake
  cassandra droplet helm puppet bicep sentry caddy tomcat jetty jenkins spinnaker asana confluence
  babel prettier sass tailwind helmet doppler nest atomic pager`,
];

const EVERYDAY_PHRASES: readonly string[] = [
  'rabbit hole',
  'going in circles',
  'banging my head',
  'bang my head',
  'narrow down',
  'narrowing down',
  'time zone',
  'time zones',
  'stand up',
  'one on one',
  'long term',
  'from scratch',
];

function stems(name: string): string {
  return name.split(' ').map(stem).join(' ');
}

const EVERYDAY_NAMES = new Set(
  [...EVERYDAY_GROUPS.flatMap((group) => group.split(/\s+/).filter(Boolean)), ...EVERYDAY_PHRASES].map(stems),
);

/** True when this (normalized) word or phrase names a topic but is also everyday English. */
export function isEverydayName(word: string): boolean {
  return EVERYDAY_NAMES.has(stems(word));
}
