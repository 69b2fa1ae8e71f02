/**
 * Spellings whose capitals or punctuation carry meaning ("C#", "Node.js", "@Transactional",
 * "BE", "IT"), unified before normalize.ts lower-cases the text and strips punctuation.
 */

/** Annotations of the common frameworks (Spring, JPA, Lombok, NestJS), lower case. */
const FRAMEWORK_ANNOTATIONS =
  `autowired component service repository controller restcontroller entity table column id
  generatedvalue bean configuration value transactional requestmapping getmapping postmapping putmapping
  deletemapping patchmapping pathvariable requestbody requestparam responsebody exceptionhandler
  controlleradvice restcontrolleradvice springbootapplication enableautoconfiguration qualifier primary
  profile scheduled async cacheable cacheevict eventlistener kafkalistener valid validated inject
  injectable module useguards onetomany manytoone manytomany onetoone joincolumn embedded data builder
  getter setter slf4j noargsconstructor allargsconstructor requiredargsconstructor jsonproperty
  jsonignore springboottest mockbean`
    .split(/\s+/)
    .join('|');

/** Common HTML elements, recognised in angle brackets. */
const HTML_ELEMENTS =
  'div|span|p|a|img|ul|ol|li|table|tr|td|th|form|input|button|label|select|option|textarea|h[1-6]|header|footer|nav|main|section|article|aside|body|head|html|meta|link|iframe|canvas|svg|br|hr|strong|em';

/** Spellings whose punctuation carries meaning; replaced before punctuation is stripped. */
const SPECIAL_SPELLINGS: Array<[RegExp, string]> = [
  // A link's scheme says nothing; its host and path may ("github.com/...").
  [/\bhttps?:\/\//g, ' '],
  // Logging someone out is authentication, not logs.
  [/\blog(ged|ging|s)? ((them|him|her|people|users?|everyone|everybody|me|you|us) )?out\b/g, ' logout '],
  [/\bsign(ed|ing|s)? ((them|him|her|people|users?|me|you) )?(in|on)\b(?! (to|up))/g, ' signin '],
  [/\bsign(ed|ing|s)? ((them|him|her|people|users?|me|you) )?out\b/g, ' logout '],
  [/\bc#/g, ' csharp '],
  [/\bf#/g, ' fsharp '],
  [/\bc\+\+/g, ' cplusplus '],
  [/\basp\.net\b/g, ' aspnet dotnet '],
  [/(^|\s)\.net\b/g, ' dotnet '],
  [/\bnode\.js\b/g, ' nodejs '],
  [/\bnext\.js\b/g, ' nextjs '],
  // "nest.js", "vue.js": one name, not the word plus JavaScript.
  [/\b([a-z]+)\.js\b/g, ' $1js '],
  [/\bn\s?\+\s?1\b/g, ' nplus1 '],
  // "select * from", "count(*)": SQL, whatever the case.
  [/\bselect\s+(\*|count\s*\(|distinct\b)|\bcount\s*\(\s*\*\s*\)/g, ' sql query $& '],
  // Annotations and decorators name what they belong to: "@Transactional" is the framework's.
  [new RegExp(`@(${FRAMEWORK_ANNOTATIONS})\\b`, 'g'), ' $1 framework annotation '],
  [/@(override|deprecated|functionalinterface|suppresswarnings)\b/g, ' $1 java annotation '],
  [
    /@(property|staticmethod|classmethod|dataclass|abstractmethod|lru_cache|cached_property)\b/g,
    ' $1 python decorator ',
  ],
  [/@(app|router|bp|blueprint|api)\.(route|get|post|put|delete|patch)\b/g, ' route decorator '],
  // Equality operators are a language question ("== vs ===").
  [/===|!==/g, ' strict equality '],
  [/(?<![=!<>])==(?!=)/g, ' loose equality '],
  // Logging in is authentication; a log is something else.
  [
    /\blog(ged|ging|s)? ?(in|into|on|onto)\b(?! (the |a )?(console|terminal|file|logs?|output)\b)/g,
    ' login ',
  ],
  // The textbook SQL injection probe.
  [/['"]?\s*\bor\s+['"]?1['"]?\s*=\s*['"]?1\b/g, ' sql injection '],
  // An HTML element in angle brackets is markup ("<div>", "</span>"); a script tag is XSS talk.
  [/<\/?script[^>]{0,80}>/g, ' xss script '],
  [new RegExp(`</?(${HTML_ELEMENTS})(\\s[^>]{0,80})?/?>`, 'g'), ' $1 html tag '],
  // Lock files and manifests name the package manager, not a data format or an API.
  [/\b(package(-lock)?|composer|tsconfig)\.json\b/g, ' $1 file '],
  [/\b(yarn|cargo|poetry|gemfile|pnpm-lock)\.(lock|yaml)\b/g, ' $1 file '],
  [/\bfe\s?\/\s?be\b/g, ' frontend backend '],
  [/\bbig[\s-]?o\b|\bo\((1|n|log n|n log n|n\^?2|n²)\)|\bn\s?\^\s?2\b|\bn²|\bn log n\b/g, ' bigo '],
  // A "javascript:" link runs script in whoever clicks it.
  [/\bjavascript:(?!\/\/)/g, ' javascript url '],
  [/\bci\s?\/\s?cd\b/g, ' cicd '],
  [/\bfront ?(and|or|vs|\/) ?back[\s-]?end\b/g, ' frontend $1 backend '],
  [/\bfront[\s-]end\b/g, ' frontend '],
  [/\bback[\s-]end\b/g, ' backend '],
  [/\bfull[\s-]stack\b/g, ' fullstack '],
  [/\bopen[\s-]source\b/g, ' opensource '],
  [/\bno[\s-]code\b/g, ' nocode '],
  [/\blow[\s-]code\b/g, ' lowcode '],
];

/** The special spellings of lower-cased text replaced by plain words. */
export function unifySpellings(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SPECIAL_SPELLINGS) out = out.replace(pattern, replacement);
  return out;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed on purpose.
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2060\ufeff]/g;

/** The shapes of SQL statements as people paste them ("SELECT ... FROM", "INSERT INTO"). */
const SQL_STATEMENT =
  /\bSELECT\b[^;]{1,200}?\bFROM\b|\b(INSERT INTO|DELETE FROM|CREATE TABLE|ALTER TABLE|DROP TABLE|CREATE INDEX|TRUNCATE TABLE)\b|\bUPDATE \w+ SET\b/g;

/** Capitals that disambiguate: "BE"/"FE" are the roles, "Go" mid-sentence is the language. */
export function resolveCapitals(text: string): string {
  return (
    text
      // A pasted SQL statement, in the capitals SQL is written in, is a database question.
      .replace(SQL_STATEMENT, '$& sql query ')
      .replace(/\bBE\b/g, 'backend')
      // "ask IT", "from IT": the department, the help desk's business rather than a question for us.
      .replace(/\bIT\b(?!['’])/g, 'helpdesk')
      .replace(/\bFE\b/g, 'frontend')
      .replace(/([a-z,;]\s+)Go\b/g, '$1golang')
  );
}

const POSSESSIVE = /\b([a-z]+)['’]s\b/g;
const CONTRACTIONS = new Set('what that it there here who where how let he she when why'.split(' '));

/**
 * Apostrophes removed: "something's", "node's", "user's" are the word itself, not an unknown
 * "somethings"; the contractions idioms know as one word ("whats", "thats") stay one word.
 */
export function withoutApostrophes(text: string): string {
  return text
    .replace(POSSESSIVE, (match, word: string) => (CONTRACTIONS.has(word) ? match : word))
    .replace(/['’`]/g, '');
}
