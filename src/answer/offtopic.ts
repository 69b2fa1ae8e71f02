/**
 * Words and idioms that say a message is about something other than backend development:
 * office life, HR, food, travel, home, hardware, entertainment and neighbouring fields
 * (machine learning, game development, design tools, native mobile UI).
 *
 * Team chat mixes tech words into everything ("restart the office printer server", "a python
 * plushie", "the git lunch-and-learn room"). A cue does not refuse a message by itself: it
 * takes away the benefit of the doubt that a named technology would otherwise earn, weighs more
 * than an ordinary unknown word, and raises the coverage needed to answer (see query.ts and
 * confidence.ts), so a message that is mostly about a topic is still answered.
 *
 * Only words that practically never occur in a genuine backend question belong here: not
 * "laptop" ("it works on my laptop"), "phone" ("open it from their phones") or "game".
 */
const CUE_GROUPS: readonly string[] = [
  // office and facilities
  `office offices printer printers scanner elevator elevators parking garage badge keycard desk desks
  kitchen fridge microwave dishwasher plants thermostat aircon bathroom toilet whiteboard
  allhands townhall offsite`,
  // meetings as logistics rather than as communication
  `rescheduled reschedule postponed booked meetup meetups`,
  // HR, money that is not salary, company admin
  `vacation pto parental maternity paternity sick payroll hr reimbursement reimbursed reimburse
  401k pension expensing expensed`,
  // food and drink
  `lunch dinner breakfast brunch snack snacks coffee espresso latte tea beer beers drinks wine pizza
  sushi thai burger burgers tacos ramen recipe bake baking cake cakes roast vegetarian vegan cafe
  catering groceries banana calories`,
  // travel and commuting
  `airport hotel hotels flights airline trains taxi commute commuting travel travelling traveling
  passport luggage sightseeing tourist tourists itinerary beach`,
  // weather, outdoors, sport, body
  `weather rain raining snow snowing sunny forecast biking bike marathon gym workout football
  soccer basketball tennis nba nfl bowling karaoke hiking yoga golf poker`,
  // home, family, pets
  `dog dogs cat cats puppy kitten nephew niece wife husband girlfriend boyfriend landlord
  apartment plumber faucet garden wedding birthday anniversary santa christmas halloween`,
  // shopping and merchandise
  `plushie plush gift gifts hoodie tshirt merch swag stickers`,
  // hardware, peripherals and IT helpdesk
  `keyboard keyboards mouse trackpad headphones headset airpods earbuds webcam microphone charger
  dongle docking wifi bluetooth helpdesk`,
  // entertainment
  `movie movies film films netflix podcast podcasts song songs chords guitar piano spotify concert
  album tv anime documentary documentaries`,
  // office documents and productivity apps
  `pdf powerpoint keynote excel`,
  // hobbies and arts
  `photo photos photography camera drawing painting knitting crochet`,
  // machine learning and data science
  `pytorch tensorflow keras xgboost sklearn scikit gpu gpus cuda neural finetune finetuning
  kaggle jupyter forest`,
  // game development, design and media tools, native mobile UI
  `unity unreal godot rigidbody shader shaders sprite sprites figma photoshop illustrator lightroom
  blender premiere davinci canva swiftui xcode uikit`,
];

/** Idioms that are off-topic as a whole, though their words may not be. */
const CUE_PHRASES: readonly RegExp[] = [
  /\b(reset|unlock|change|forgot|forgotten) my ([a-z]+ )?password\b/,
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
  /\b(good|new|best|cheap|which|buy a|buying a) (laptop|phone|tablet|monitor|keyboard|mouse|headphones|tv|camera)s?\b/,
  /\bwhen (do|does|will) (we|i|you) get paid\b|\bpayday\b/,
  /\b(second|external|extra|spare|new) (monitor|screen|display)s?\b|\bmy monitors?\b/,
  /\bmy (son|daughter|kid|kids|child|children|toddler|baby|nephew|niece)\b|\bfor my \d+ (year|yr) old\b/,
  /\bword (doc|docs|document|documents|file)\b|\bgoogle (docs|sheets|slides|drive|calendar|meet)\b/,
  /\bgood (morning|night|evening|afternoon)\b|\bhappy (monday|friday|weekend|holidays|new year)\b|\bpivot tables?\b/,
  /\bout of (the )?office\b|\bjoin us\b|\blong weekend\b/,
  /\b(set|change|update) (my|your) (slack |teams )?status\b|\bstatus to away\b/,
  /(?<!round )\btrips?\b/,
];

const CUE_WORDS = new Set(CUE_GROUPS.flatMap((group) => group.split(/\s+/).filter(Boolean)));

/** True when this (normalized, unstemmed) word points away from backend development. */
export function isOffTopicWord(word: string): boolean {
  return CUE_WORDS.has(word);
}

/** The off-topic idioms in a normalized question (letters, digits and single spaces). */
export function offTopicPhrases(text: string): string[] {
  return CUE_PHRASES.filter((pattern) => pattern.test(text)).map((pattern) => pattern.source);
}

/**
 * Names of topics that are also everyday English ("spring", "python", "stack", "raise"). Such a
 * word still counts as a match; it just is not, on its own, the strong signal that a
 * technology name is ("what to see in spring", "a python plushie", "pay for parking").
 */
const EVERYDAY_NAMES = new Set(
  `spring express rails flask java python ruby swift gin tree trees stack queue heap graph set
  sets reset pool server servers cloud clouds table tables container containers standup meetings
  meeting writing feedback docs forms bug bugs stuck future demand money pay raise roadmap portfolio
  junior beginner hosting production prod monitoring rest sessions injection secrets clients
  estimates outlook trends skills skill login security incident patch tag release apache programming`.split(
    /\s+/,
  ),
);

/** True when this (normalized, unstemmed) word names a topic but is also everyday English. */
export function isEverydayName(word: string): boolean {
  return EVERYDAY_NAMES.has(word);
}
