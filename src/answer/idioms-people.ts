/**
 * Idioms of working on problems and with people: being stuck, reading errors, planning before
 * coding, pushing back, phrasing feedback. See idioms.ts.
 */
import type { Idiom } from './idiom-patterns.ts';

export const PROBLEM_SOLVING: Idiom[] = [
  [/\bconsole log\b|\bprint (statement|statements|debugging)\b/, 'debugging'],
  [
    /\b(stuck|staring|stared) (at|on) (the same |this |that |an |a )?(error|bug|problem|issue|exception|stack trace)s?\b|\b(error|bug|issue|problem)s? (for|since) (hours|days|ages|a week|two days|\d+ days)\b/,
    'stuck debugging',
  ],
  [
    /\b(no idea|no clue|cant figure out|cannot figure out|dont understand|dont know|do not know|not sure|figur(e|ing) out|(nobody|no one|noone) (knows|understands|can explain|can tell)) why\b/,
    'debugging root cause',
  ],
  [/\bbreak(ing)? ([a-z]+ ){0,4}(down|into smaller|into pieces|apart)\b/, 'problem solving'],
  [
    /\bbefore (i |we |you )?(start(ing)? )?(to )?(code|coding|writing (any |the )?(code|anything)|implementing|building|touching (the )?code)\b/,
    'problem solving',
  ],
  // Planning before typing: thinking a task through, not diving straight into the editor.
  [
    /\bthink(ing)? (it |things )?(through|about) (a |the |this |that |my |our |a hard |a new )?(problem|task|feature|design|solution|ticket)s?\b|\b(jump|jumping|dive|diving|rush|rushing) (straight |right |directly )?(in|into) (the )?(code|coding|implementation|writing code|the editor)\b/,
    'problem solving',
  ],
  // Reading what a failure says is the first debugging skill.
  [
    /\b(read|reading|understand|understanding|interpret|interpreting|decipher|deciphering|make sense of) (a |an |the |these |this |those |my |our |all )?([a-z0-9]+ ){0,2}(errors?|error messages?|stack ?traces?|tracebacks?|logs?|log output|dumps?|crash reports?|core dumps?)\b/,
    'debugging stack trace',
  ],
  [
    /\bwhere (do |should |would |can )?(i |we |you |one )?(even )?(to )?((start|begin) (looking|debugging|investigating|digging|troubleshooting)|look first)\b/,
    'debugging',
  ],
  // Something that goes wrong only now and then is a debugging story, whatever the system.
  [
    /\b(sometimes|randomly|occasionally|intermittently|every now and then|once in a while|some nights|some days) ([a-z]+ ){0,4}(twice|double|duplicates?|fails?|failing|breaks?|crash(es)?|hangs?|times? out|dies|disappears?|goes missing|wrong|skips?|nothing)\b/,
    // A hint, not a name: "the partner api randomly times out" is still an API question.
    'isolate narrow',
  ],
  [
    /\b(vague|unclear|ambiguous|fuzzy) (requirements?|tickets?|specs?|tasks?|stories)\b|\b(requirements?|tickets?|specs?) (are|is) ([a-z]+ )?(vague|unclear|ambiguous|fuzzy)\b/,
    'problem solving requirements',
  ],
  [
    /\bread(ing)? (other peoples? |someone elses? |others |unfamiliar |legacy |old |existing )?code\b/,
    'unfamiliar codebase',
  ],
  [
    /\b((where|how) to (even )?(start|begin)|find (my|your) way|get (my|your) bearings|navigate|ramp(ing)? up|onboard(ing)? (onto|into|to))( [a-z0-9]+){0,5} (codebase|code base|monolith|repo|repository|legacy)\b/,
    'unfamiliar codebase',
  ],
];

export const COMMUNICATION: Idiom[] = [
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
    /\bhow (do|should|can|would) (i|we|you) (say|phrase|word|put|bring up|raise|point out|mention|flag|admit|tell) (it|this|that|something|no|them|him|her)\b/,
    'communication feedback',
  ],
  [
    /\b(give|gives|giving|want|wants|wanted|need|needs|asked for|asking for|ask for|asks for|demand|demands) (me |him |her |them |us )?(a |an )?(number|date|eta|estimate|deadline|timeline)\b|\bhow long (it|this|that|the [a-z]+) (will|would|is going to|is gonna|gonna) take\b/,
    'estimates communication',
  ],
  [
    /\breview(ing|ed|s)? (a |my |his |her |their |our |someone elses |a seniors |a senior |the |other peoples |others )?(code|prs?|pull requests?|merge requests?|changes)\b/,
    'code review',
  ],
  [
    /\bwithout (offending|upsetting|hurting|insulting|annoying|discouraging|sounding|coming across|being (rude|mean|a jerk|harsh|condescending|passive aggressive))\b/,
    'communication feedback',
  ],
  [
    /\b(onboard|onboarding|mentor|mentoring|ramp up|coach|coaching) (a |the |our |my |new |a new |the new )?(hires?|juniors?|devs?|developers?|engineers?|teammates?|interns?|joiners?|colleagues?)\b/,
    'communication feedback',
  ],
  [
    /\bhand(ing|ed|s)? (off|over) (my |our |the |a |this |all |his |her )?(work|project|projects|tasks?|tickets?|responsibilities|code|service|knowledge)\b/,
    'communication documentation',
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
