/**
 * Idioms of building and running software: data that must survive, code history, deploys,
 * layouts, access checks and secrets. See idioms.ts.
 */
import { type Idiom, together } from './idiom-patterns.ts';

export const ENGINEERING: Idiom[] = [
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
    /\bhistory of ([a-z]+ ){0,3}(line|lines|file|files|function|method|class|folder)\b|\bwho (last |first |originally )?(wrote|changed|touched|added|broke|edited) (this|that|the|a|one) ([a-z]+ ){0,2}(line|lines|file|function|method)\b/,
    'git blame',
  ],
  // What triggers a pipeline is a git event; the pipeline is the topic.
  [
    together(
      '(pipelines?|builds?|ci|deploys?|tests?|actions|workflows?|jobs?|lint|linter)',
      '(on|after|for) (every|each) (push|merge|commit|pr|pull request)|(on|after) (a |the )?(push|merge)(es|ing)? (to|into) (main|master|the main branch)',
      10,
    ),
    'pipeline cicd deploy',
    'push pushes pushed merge merges merged commit commits main master',
  ],
  [
    /\b(which|what|the) (commit|change|pr|merge|deploy|release) (broke|introduced|caused|started)\b/,
    'git commit',
  ],
  [
    /\b(set|put|keep|stash|shelve|park|save) (my |the |these |those |some |all |your )?(local |current |uncommitted |unfinished |half done |wip )?(changes|work|stuff) (aside|away|for later)\b|\bset aside (my |the |some )?(changes|work)\b/,
    'stash git',
  ],
  // A missing record is the textbook 404.
  [
    /\b(resource|record|item|user|page|entity|object|id|row)s? (doesnt|does not|dont|do not|didnt|no longer) exists?\b/,
    'http status code',
  ],
  [
    together('memory|heap|ram', 'leaks?|leaking|leaky|keeps (climbing|growing|increasing)|grows forever', 6),
    'memory debugging',
  ],
  // A client waiting for slow work to finish is an API design question: poll or be called back.
  [
    /\b(know|knows|notified|notify|tell|told|check|checks|poll|polls|find out)( [a-z]+){0,5} (job|task|export|import|upload|process|report|build|render)s? (is |has |are |have )?(finished|done|complete|completed|ready|processed)\b/,
    'webhook api',
  ],
  [
    /\blimit(ing)? (how many|the number of|the amount of) (requests|calls|api calls|messages|attempts)\b|\b(requests|calls) (per|a|an) (second|minute|hour|day|user|client|ip|key)\b/,
    'rate limiting',
  ],
  // Record ids anyone can read and change are how one user reaches another's data.
  [
    /\b(internal |database |db |user |sequential |numeric |auto ?increment(ing)? )?ids? (in|into|inside) (the |our |my )?(url|urls|links?|paths?|routes?|query string)\b/,
    'security authorization',
  ],
  // Making something reachable by others is deploying it.
  [
    /\b(put|get|host|deploy|publish|ship|run)( [a-z]+){0,4} (online|on the internet|on the web|on a (real |proper |public )?server|in production|to production|publicly)\b/,
    'deploy hosting',
  ],
  // Work on a timer is a cron job on a server.
  [
    /\b(run|runs|running|schedule|scheduled|scheduling|trigger|kick off|fire)( [a-z0-9]+){0,4} (every|each) (\d+ )?(second|seconds|minute|minutes|mins|hour|hours|night|day|morning|week)\b/,
    'linux server',
  ],
  [
    /\b(eating|eats|hogging|hogs|burning|maxing out|maxes out|spiking|using) (up )?(all |so much |too much |most )?(of )?(the |our |my )?(cpu|ram|memory|disk)\b/,
    'server monitoring',
  ],
  // Work redone on every request is what a cache is for.
  [
    /\b(same|identical) ([a-z]+ ){0,3}(on|for) (every|each) (single )?(request|call|page ?load|visit|page view|time)\b|\b(recomputes?|recomputing|recalculates?|recalculating|regenerates?|regenerating|refetch(es|ing)?) ([a-z]+ ){0,3}(every|each)\b/,
    'cache',
  ],
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
  // Something kept for a user who leaves and comes back has to be stored somewhere.
  [
    /\b(keep|kept|keeps|keeping|save|saved|remember|remembered|persist)( [a-z]+){1,4} around\b|\bcome (back|back to it) (later|tomorrow|next (day|week)|the next day)\b|\b(between|across) (visits|sessions|devices|restarts)\b/,
    'database storage',
  ],
  [/\bmany to many\b|\bone to many\b/, 'join schema'],
  // Deciding how records relate is schema design, whatever the records are.
  [
    /\bmodel(l)?(ing|ed|s)? (the |our |my |a |an |this |that )?([a-z]+ ){0,2}(users?|data|relationships?|relations|entities|orders?|accounts?|teams?|permissions?|roles?|hierarch(y|ies)|inventory|products?|bookings?)\b|\bbelongs? to (multiple|many|several|more than one|different)\b/,
    'schema relationships',
  ],
  // A chain that may lead back to itself is a cycle in a graph.
  [
    /\b(detect|detecting|find|finding|check|checking|spot|prevent|preventing)( if| whether)?( there is| theres| there are| there was)?( a| any)? (loop|loops|cycle|cycles|circular (reference|references|dependency|dependencies))\b/,
    'graph',
  ],
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

export const SECURITY: Idiom[] = [
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
  // A file type the server runs, arriving through an upload, is the classic upload attack.
  [
    /\b(upload|uploads|uploaded|uploading) (a |an |the |some )?([a-z]+ )?(php|exe|sh|svg|html|js|script|executable|malicious|zip) (file|files|script|payload)s?\b|\b(php|exe|svg|html|executable|malicious) files? (through|via|in|into) ([a-z]+ ){0,3}uploads?\b/,
    'file uploads security',
  ],
  // Guessing at a login by the thousand is brute force, however it is put.
  [
    /\b(hammer|hammering|hammered|flood|flooding|flooded|spam|spamming|bombard|bombarding|hit|hitting)( [a-z]+){0,4} (login|signin|auth|password|otp|reset)\b|\b(thousands|hundreds|millions|tons|lots) of (failed |login |signin |password )?(attempts|tries|guesses)\b/,
    'brute force',
  ],
  [
    /\bpasswords? ([a-z]+ ){0,3}(max(imum)? |min(imum)? )?(length|characters|complexity|rules|policy|requirements)\b/,
    'password authentication',
  ],
  // Untrusted text glued into a query or a command is injection, whatever the words.
  [
    together(
      '(glu|concatenat|interpolat|splic|stitch|past|append|inlin|build|built)[a-z]*',
      '(user|untrusted|raw|unsanitized|unsanitised|unescaped|unvalidated|form|request) (input|data|values?|strings?|params|parameters)',
      8,
    ),
    'sql injection',
  ],
  [
    /\bonly (admins?|owners?|managers?|moderators?|certain users|some users|logged in users)\b/,
    'authorization',
  ],
  [
    /\blog(s|ged|ging)? ([a-z]+ ){0,3}(passwords?|secrets?|tokens?|credit cards?|card numbers?|pii|personal data|api keys?|request bod(y|ies)|(full |whole |entire |raw )?requests?|headers|payloads?)\b|\b(passwords?|secrets?|tokens?|credit cards?|api keys?) ([a-z]+ ){0,3}(in|to) (the |our )?logs?\b/,
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
