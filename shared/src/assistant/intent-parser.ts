import { priorityFromWord } from '../task/priority-words.ts';
import { effortMinutes } from '../quick-add/word-tokens.ts';
import { parseDuration } from '../catalogue/operation-schemas.ts';

// The offline assistant's ear: one utterance into an intent and its slots, with no model and
// no I/O. Deterministic, so a fixture of labelled utterances measures it (intent-fixture.ts).
// It prefers "unknown" to a guess: a wrong action is worse than an honest "I can't".

export type ListFilter = 'all' | 'today' | 'tomorrow' | 'overdue' | 'week' | 'tag' | 'search';

export type Intent =
  | { intent: 'next' }
  | { intent: 'add'; text: string }
  | { intent: 'done'; target: string }
  | { intent: 'snooze'; target: string; when: string }
  | { intent: 'reschedule'; target: string; when: string }
  | { intent: 'priority'; target: string; priority: number }
  | { intent: 'effort'; target: string; minutes: number }
  | { intent: 'tag'; target: string; tags: string[] }
  | { intent: 'untag'; target: string; tags: string[] }
  | { intent: 'delete'; target: string }
  | { intent: 'list'; filter: ListFilter; value?: string }
  | { intent: 'plan'; when?: string }
  | { intent: 'undo' }
  | { intent: 'help' }
  | { intent: 'breakdown'; goal: string }
  | { intent: 'choose'; index: number }
  | { intent: 'unknown' };

export type IntentName = Intent['intent'];

// Leading and trailing courtesy that never changes what is asked.
const LEADING = [
  /^(hey|hi|hello|ok|okay|so|yo|um|uh|mindflow)\b[,!.]?\s*/,
  /^(please|pls|plz|kindly)\b[,]?\s*/,
  /^(could|can|would|will)\s+(you|u)\s+(please\s+)?/,
  /^(i'd|i would|i'?d) like (you )?to\s+/,
  /^(i want|i wanna|i need) (you )?to\s+(?=(add|create|snooze|postpone|delete|remove|move|reschedule|mark|see|list|show|undo|plan|tag|untag|push|defer|find|search|make|set|change|complete|finish|know)\b)/,
  /^(go ahead and|just|quickly|now)\s+/,
  /^(help me|let me)\s+(?=(plan|see|find|add|list|undo)\b)/,
];
const TRAILING = [/[\s,]+(please|pls|plz|thanks|thank you|thx|ty|for me|asap)[.!?]*$/, /[.!?]+$/];

// Verbs and keywords a typo may hide; a word within one edit of one of them is read as it.
const VOCABULARY = [
  'add',
  'create',
  'remind',
  'complete',
  'completed',
  'finish',
  'finished',
  'done',
  'snooze',
  'postpone',
  'delay',
  'defer',
  'push',
  'move',
  'reschedule',
  'delete',
  'remove',
  'list',
  'show',
  'undo',
  'help',
  'plan',
  'overdue',
  'today',
  'tomorrow',
  'priority',
  'search',
  'untag',
  'next',
  'effort',
  'change',
  'mark',
];

const ANYWHERE = new Set(['overdue', 'today', 'tomorrow', 'priority', 'effort']);

function damerau1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  if (restA.slice(1) === restB.slice(1)) return true; // substitution
  if (restA.slice(1) === restB || restA === restB.slice(1)) return true; // deletion/insertion
  return (
    restA.length > 1 &&
    restA[0] === restB[1] &&
    restA[1] === restB[0] &&
    restA.slice(2) === restB.slice(2)
  );
}

// Short words one edit can't be trusted on: the common slips, spelled out.
const SHORT_SLIPS: ReadonlyMap<string, string> = new Map(
  Object.entries({ ad: 'add', pln: 'plan', shw: 'show', lst: 'list', wht: 'what', wat: 'what' }),
);
// Real words one edit from a keyword: never "fixed".
const REAL_WORDS = new Set([
  'that',
  'last',
  'gone',
  'more',
  'make',
  'take',
  'bone',
  'lost',
  'love',
  'text',
  'task',
  'park',
  'bush',
  'show',
  'plans',
  'mask',
]);

/** A word one edit away from a known keyword (4+ letters; shorter ones only from a list). */
function fixTypo(word: string): string {
  if (word.length < 4) return SHORT_SLIPS.get(word) ?? word;
  if (VOCABULARY.includes(word) || REAL_WORDS.has(word)) return word;
  return VOCABULARY.find((v) => damerau1(word, v)) ?? word;
}

/** Lower case, straight quotes, courtesy removed, keyword typos fixed. */
export function normalizeUtterance(text: string): string {
  let s = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  for (let again = true; again;) {
    again = false;
    for (const re of [...LEADING, ...TRAILING]) {
      const next = s.replace(re, '').trim();
      if (next !== s) {
        s = next;
        again = true;
      }
    }
  }
  // The verb is the first word; a few filter words may be anywhere.
  return s
    .split(' ')
    .map((w, i) => (/^[a-z]+$/.test(w) && (i === 0 || ANYWHERE.has(fixTypo(w))) ? fixTypo(w) : w))
    .join(' ');
}

/** "the 'quarterly report' task" → "quarterly report". */
export function cleanTarget(text: string): string {
  return text
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/^(the|my|a|an|that|this)\s+/, '')
    .replace(/\s+(task|todo|to-do|item|one)$/, '')
    .replace(/^["']|["']$/g, '')
    .trim();
}

function cleanWhen(text: string): string {
  return text
    .trim()
    .replace(/^(until|till|til|to|for|on|at|by|in|until\s+the)\s+/, '')
    .replace(/[.!?]+$/, '')
    .trim();
}

type Rule = (s: string) => Intent | null;

const NEXT = [
  /^(so )?what (now|next)$/,
  /^what'?s (up )?next$|^whats next$/,
  /^what should i (do|work on|tackle|start|start on|focus on|pick up)( next| now| first| today)?$/,
  /^what (do i do|to do|shall i do)( next| now)?$/,
  /^(what is|what'?s) (most important|the most important thing|the top task|my top task|my next task)( now| to do| right now)?$/,
  /^what'?s the best (task|thing) to (do|work on)( now| next)?$/,
  /^(give me |show me |get me )?(my |the )?(next|top|best) task$|^next$/,
  /^which task (should i do|should i work on|is next|next|now|first)( next| now| first)?$/,
  /^why( that one| this one| that| this| that task| is that next)?$/,
  /^why (is|should) .+ (next|first)$/,
];

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  last: -1,
};

const rules: Rule[] = [
  // A bare answer to "which one?".
  (s) => {
    const m =
      /^(?:the |number |no\.? |#)?(\d{1,2}|first|second|third|fourth|fifth|last)(?: one)?$/.exec(s);
    if (!m) return null;
    const n = ORDINALS[m[1]!] ?? Number(m[1]);
    return { intent: 'choose', index: n };
  },
  (s) =>
    /^(help|\?|commands|what can (you|i) do( here)?|what do you (do|understand|know)|how does this work|what are my options|menu)\b/.test(
      s,
    )
      ? { intent: 'help' }
      : null,
  (s) =>
    /^(undo|revert|take (that|it) back|undo (that|this|it|the last (change|thing|action)|my last (change|action)|last change)|reverse (that|the last change)|oops,? undo( that)?)$/.test(
      s,
    ) || /^(undo|revert) (the )?(last|previous) (change|action|edit)$/.test(s)
      ? { intent: 'undo' }
      : null,
  // "break down 'launch the newsletter by Friday'"
  (s) => {
    const m =
      /^(?:break|split)\s+(?:down\s+)?(?:my\s+)?(?:goal\s+|project\s+)?(?:down\s+)?(?:into (?:tasks|steps)\s+)?[:"']*(.+?)["']?(?:\s+into (?:tasks|steps))?$/.exec(
        s,
      );
    return m ? { intent: 'breakdown', goal: cleanTarget(m[1]!) } : null;
  },
  (s) =>
    /^(plan|schedule) (my|the|out my|out the) (day|today)\b|^(what'?s|what is|show( me)?|give me) (my|the|today'?s) (day )?plan\b|^plan (my )?today$|^plan$|^daily plan$|^(make|build) (me )?a plan for (today|my day)$/.test(
      s,
    )
      ? { intent: 'plan' }
      : null,
  (s) =>
    /^plan (my |the day )?tomorrow$|^plan for tomorrow$/.test(s)
      ? { intent: 'plan', when: 'tomorrow' }
      : null,
  (s) => (NEXT.some((re) => re.test(s)) ? { intent: 'next' } : null),
  deleteRule,
  listRule,
  tagRule,
  priorityRule,
  effortRule,
  snoozeRule,
  rescheduleRule,
  doneRule,
  addRule,
];

function listRule(s: string): Intent | null {
  const tag =
    /^(?:list|show|show me|what'?s|what is|what are|get|display|find)?\s*(?:all\s+)?(?:my\s+)?(?:tasks\s+|things\s+)?(?:tagged|with tag|with the tag|under|in|for|labell?ed)?\s*#([a-z0-9_-]+)(?:\s+tasks)?$/.exec(
      s,
    );
  if (tag) return { intent: 'list', filter: 'tag', value: tag[1]! };
  const tagged =
    /^(?:list|show|show me|get|find)\s+(?:all\s+)?(?:my\s+)?(?:tasks|things|todos)\s+(?:tagged|with (?:the )?tag|labell?ed)\s+([a-z0-9_-]+)$/.exec(
      s,
    );
  if (tagged) return { intent: 'list', filter: 'tag', value: tagged[1]! };
  const search =
    /^(?:search|find|look)\s+(?:for\s+|up\s+)?(?:my\s+)?(?:tasks?\s+|anything\s+)?(?:about|for|with|mentioning|containing|called|named|matching)?\s*["']?(.+?)["']?$/.exec(
      s,
    );
  if (search && !/^(tasks?|my tasks|everything|all)$/.test(search[1]!)) {
    return { intent: 'list', filter: 'search', value: search[1]!.trim() };
  }
  const asks =
    /^(list|show|show me|what'?s|what is|what are|what do i have|what have i got|whats|anything|is anything|is there anything|display|which tasks are|which tasks|do i have anything|tasks|my tasks|give me|what am i)\b/.test(
      s,
    );
  if (!asks) return null;
  if (/\boverdue\b|\blate\b|\bbehind\b|\bpast due\b|\bmissed\b|\bbehind on\b/.test(s))
    return { intent: 'list', filter: 'overdue' };
  if (/\btomorrow\b/.test(s)) return { intent: 'list', filter: 'tomorrow' };
  if (/\btoday\b|\btonight\b|\bthis (morning|afternoon|evening)\b/.test(s))
    return { intent: 'list', filter: 'today' };
  if (/\b(this|the) week\b|\bweekly\b|\bnext (7|seven) days\b/.test(s))
    return { intent: 'list', filter: 'week' };
  if (
    /\b(tasks|todos|to-dos|to do|to-do list|todo list|list|everything|all|open|things)\b/.test(s) &&
    !/\b(add|create)\b/.test(s)
  ) {
    return { intent: 'list', filter: 'all' };
  }
  return null;
}

const TARGET = '(.+?)';

function deleteRule(s: string): Intent | null {
  const m = new RegExp(
    `^(?:delete|remove|trash|erase|get rid of|drop|discard|bin|kill|cancel the task|scrap)\\s+(?:the\\s+task\\s+)?${TARGET}(?:\\s+(?:task|from my (?:list|tasks)|from the list|for good|permanently|completely))?$`,
  ).exec(s);
  if (!m || /^#/.test(m[1]!) || /^(tag|the tag)\b/.test(m[1]!)) return null;
  // Never a blanket wipe: one task at a time, named.
  if (/\b(everything|all|every)\b/.test(m[1]!)) return null;
  return { intent: 'delete', target: cleanTarget(m[1]!) };
}

function tagsOf(text: string): string[] {
  return text
    .split(/[\s,]+|\band\b/)
    .map((t) => t.replace(/^#/, '').trim())
    .filter((t) => /^[a-z0-9_-]+$/.test(t));
}

function tagRule(s: string): Intent | null {
  let m = /^(?:tag|label)\s+(.+?)\s+(?:with|as)\s+(.+)$/.exec(s);
  if (m) return { intent: 'tag', target: cleanTarget(m[1]!), tags: tagsOf(m[2]!) };
  m = /^(?:tag|label)\s+(.+?)\s+(#[a-z0-9_-]+(?:[\s,]+#[a-z0-9_-]+)*)$/.exec(s);
  if (m) return { intent: 'tag', target: cleanTarget(m[1]!), tags: tagsOf(m[2]!) };
  m = /^(?:add|put)\s+(?:the\s+)?(?:tags?|labels?)\s+(.+?)\s+(?:to|on)\s+(.+)$/.exec(s);
  if (m) return { intent: 'tag', target: cleanTarget(m[2]!), tags: tagsOf(m[1]!) };
  m = /^(?:add|put)\s+(#[a-z0-9_-]+(?:[\s,]+#?[a-z0-9_-]+)*)\s+(?:to|on)\s+(.+)$/.exec(s);
  if (m) return { intent: 'tag', target: cleanTarget(m[2]!), tags: tagsOf(m[1]!) };
  m = /^(?:untag|unlabel)\s+(.+?)\s+(#?[a-z0-9_-]+(?:[\s,]+#?[a-z0-9_-]+)*)$/.exec(s);
  if (m && /#/.test(m[2]!))
    return { intent: 'untag', target: cleanTarget(m[1]!), tags: tagsOf(m[2]!) };
  m =
    /^(?:remove|delete|drop|take off)\s+(?:the\s+)?(?:tags?\s+|labels?\s+)?(#?[a-z0-9_-]+(?:[\s,]+#?[a-z0-9_-]+)*?)\s+(?:tags?\s+)?from\s+(.+)$/.exec(
      s,
    );
  if (m && (/#/.test(m[1]!) || /\btags?\b/.test(s))) {
    return { intent: 'untag', target: cleanTarget(m[2]!), tags: tagsOf(m[1]!) };
  }
  return null;
}

function priorityOf(text: string): number | null {
  const t = text
    .trim()
    .replace(/\s+priority$/, '')
    .replace(/^(a |an )/, '');
  const word = /^(top|very high|super important|most important)$/.test(t)
    ? 'urgent'
    : t.replace(/^(priority|prio)\s+/, '');
  return priorityFromWord(word);
}

function priorityRule(s: string): Intent | null {
  let m =
    /^(?:set|change|make|update|bump|raise|lower|drop)\s+(?:the\s+)?(?:priority|prio)\s+(?:of|on|for)\s+(.+?)\s+(?:to|as)\s+(.+)$/.exec(
      s,
    );
  if (m) {
    const p = priorityOf(m[2]!);
    return p === null ? null : { intent: 'priority', target: cleanTarget(m[1]!), priority: p };
  }
  m =
    /^(?:set|change|make|mark|update|bump|raise|lower|drop)\s+(.+?)\s+(?:to|as)?\s*((?:a\s+)?(?:p[1-5]|priority\s+[1-5]|prio\s+[1-5]|urgent|highest|critical|high|normal|medium|low|lowest|top|very high)(?:\s+priority)?)$/.exec(
      s,
    );
  if (m) {
    const p = priorityOf(m[2]!);
    return p === null ? null : { intent: 'priority', target: cleanTarget(m[1]!), priority: p };
  }
  m =
    /^(.+?)\s+(?:is|should be)\s+((?:a\s+)?(?:p[1-5]|urgent|high priority|low priority|top priority|highest priority|lowest priority|critical))$/.exec(
      s,
    );
  if (m) {
    const p = priorityOf(m[2]!);
    return p === null ? null : { intent: 'priority', target: cleanTarget(m[1]!), priority: p };
  }
  m = /^(?:prioriti[sz]e)\s+(.+)$/.exec(s);
  if (m) return { intent: 'priority', target: cleanTarget(m[1]!), priority: 5 };
  return null;
}

function minutesOf(text: string): number | null {
  const t = text
    .trim()
    .replace(/^(about|around|roughly|like|maybe)\s+/, '')
    .replace(/^(an?|one)\s+(hour|hr)$/, '1h')
    .replace(/^half an hour$/, '30m')
    .replace(/^(an?|one)\s+hour and a half$/, '90m');
  const compact = t
    .replace(/\s+/g, '')
    .replace(/minutes?$|mins?$/, 'm')
    .replace(/hours?$|hrs?$/, 'h');
  return effortMinutes(compact) ?? (parseDuration(t) !== null ? parseDuration(t)! / 60_000 : null);
}

function effortRule(s: string): Intent | null {
  const patterns = [
    /^(?:set|change|make|update)\s+(?:the\s+)?(?:effort|estimate|duration|time)\s+(?:of|on|for)\s+(.+?)\s+(?:to|as)\s+(.+)$/,
    /^(.+?)\s+(?:takes|will take|should take|needs|would take|is going to take)\s+(.+)$/,
    /^(?:estimate)\s+(.+?)\s+(?:at|as|to)\s+(.+)$/,
  ];
  for (const re of patterns) {
    const m = re.exec(s);
    if (!m) continue;
    const minutes = minutesOf(m[2]!);
    if (minutes !== null && minutes >= 1 && minutes <= 1440) {
      return { intent: 'effort', target: cleanTarget(m[1]!), minutes };
    }
  }
  return null;
}

function snoozeRule(s: string): Intent | null {
  const m =
    /^(?:snooze|postpone|delay|defer|push(?:\s+back)?|hide|put off|park)\s+(.+?)\s+((?:until|till|til|to|for|by|in)\s+.+|tomorrow.*|next .+|later today|tonight)$/.exec(
      s,
    );
  if (m) return { intent: 'snooze', target: cleanTarget(m[1]!), when: cleanWhen(m[2]!) };
  const bare = /^(?:snooze|postpone|delay|defer|put off)\s+(.+)$/.exec(s);
  if (bare) return { intent: 'snooze', target: cleanTarget(bare[1]!), when: 'tomorrow' };
  return null;
}

function rescheduleRule(s: string): Intent | null {
  const patterns = [
    /^(?:change|set|update|move)\s+(?:the\s+)?(?:due(?:\s+date)?|deadline|date)\s+(?:of|on|for)\s+(.+?)\s+(?:to\s+.+)$/,
    /^(?:move|reschedule|shift|change)\s+(.+?)\s+((?:to|for|on|until)\s+.+)$/,
    /^(?:make)\s+(.+?)\s+(due\s+.+)$/,
    /^(.+?)\s+(?:is|should be)\s+(?:now\s+)?(due\s+.+)$/,
  ];
  for (const [i, re] of patterns.entries()) {
    const m = re.exec(s);
    if (!m) continue;
    if (i === 0) {
      const d =
        /^(?:change|set|update|move)\s+(?:the\s+)?(?:due(?:\s+date)?|deadline|date)\s+(?:of|on|for)\s+(.+?)\s+to\s+(.+)$/.exec(
          s,
        )!;
      return { intent: 'reschedule', target: cleanTarget(d[1]!), when: cleanWhen(d[2]!) };
    }
    const when = cleanWhen(m[2]!.replace(/^due\s+/, ''));
    if (/^(the top|top|the bottom|bottom|done|trash)$/.test(when)) return null;
    return { intent: 'reschedule', target: cleanTarget(m[1]!), when };
  }
  return null;
}

function doneRule(s: string): Intent | null {
  const patterns = [
    /^(?:i(?:'m| am)?\s+)?(?:done|finished|through)\s+(?:with\s+)?(.+)$/,
    /^(?:i(?:'ve| have)?\s+)?(?:just\s+)?(?:finished|completed|did|done|wrapped up|knocked out)\s+(.+)$/,
    /^(?:mark|set|flag)\s+(.+?)\s+(?:as\s+)?(?:done|complete|completed|finished)$/,
    /^(?:complete|finish|close|tick off|check off|cross off)\s+(.+?)(?:\s+off)?$/,
    /^(.+?)\s+(?:is|are)\s+(?:done|finished|complete|completed)$/,
  ];
  for (const re of patterns) {
    const m = re.exec(s);
    if (m) {
      const target = cleanTarget(m[1]!.replace(/\s+(off|already)$/, ''));
      if (target === '' || /^(it|that|this)$/.test(target)) return null;
      return { intent: 'done', target };
    }
  }
  return null;
}

function addRule(s: string): Intent | null {
  const patterns = [
    /^(?:add|create|new|log|capture|jot down)\s+(?:a\s+)?(?:new\s+)?(?:task|todo|to-do|reminder)?\s*(?:to|:|called|named|for me to|for)?\s*(.+)$/,
    /^remind me (?:to|about)\s+(.+)$/,
    /^(?:i need to|i have to|i must|i should|don't let me forget to|dont let me forget to|todo:?)\s+(.+)$/,
  ];
  for (const re of patterns) {
    const m = re.exec(s);
    if (m && m[1]!.trim() !== '') {
      const text = m[1]!
        .replace(/\s+to my (?:list|tasks|to-do list|todo list)$|\s+to the list$/, '')
        .trim();
      return { intent: 'add', text: text.replace(/"([^"]*)"/g, '$1').replace(/^["']|["']$/g, '') };
    }
  }
  return null;
}

/** The intent of one utterance; `unknown` when no rule is sure. */
export function parseIntent(utterance: string): Intent {
  const s = normalizeUtterance(utterance);
  if (s === '') return { intent: 'unknown' };
  for (const rule of rules) {
    const intent = rule(s);
    if (intent)
      return intent.intent === 'add'
        ? { ...intent, text: asWritten(utterance, intent.text) }
        : intent;
  }
  return { intent: 'unknown' };
}

/** The slot as the person wrote it ("Call Mom", not "call mom"), when it can be found. */
function asWritten(original: string, lowered: string): string {
  const flat = original.replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  const at = flat.toLowerCase().indexOf(lowered);
  return at < 0 ? lowered : flat.slice(at, at + lowered.length);
}
