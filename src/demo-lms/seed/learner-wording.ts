// How learners actually name things in an e-mail: part of the course name, a typo, "mod 2",
// lower case, no punctuation. The inbox's linking suggestions are tested against this.
import type { SeededRandom } from './seeded-random';

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 's', s: 'a', d: 'f', e: 'r', r: 'e', i: 'o', o: 'i', n: 'm', m: 'n', t: 'r', l: 'k', c: 'v', u: 'y', h: 'g',
};

/** One typing slip in a word longer than four letters: swapped, dropped, doubled or a neighbouring key. */
export function misspell(random: SeededRandom, word: string): string {
  if (word.length < 5) return word;
  const i = random.int(1, word.length - 3);
  const ch = word.charAt(i);
  switch (random.int(0, 3)) {
    case 0:
      return word.slice(0, i) + word.charAt(i + 1) + ch + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + ch + word.slice(i);
    default:
      return word.slice(0, i) + (KEYBOARD_NEIGHBOURS[ch.toLowerCase()] ?? ch) + word.slice(i + 1);
  }
}

/** The course as a learner writes it: "Fire-Rated Door Hardware", "fire rated door hardwre", "the door closers course". */
export function courseAsWritten(random: SeededRandom, courseName: string): string {
  let name = courseName.replace(/\s*\(\d+\)$/, '');
  const style = random.weighted([['exact', 30], ['lower', 20], ['partial', 25], ['typo', 20], ['before_colon', 5]] as const);
  if (style === 'before_colon' || (style === 'partial' && name.includes(':'))) name = name.split(':')[0] ?? name;
  if (style === 'partial') {
    const words = name.split(' ').filter((w) => !['for', 'and', 'to', 'of', 'the'].includes(w.toLowerCase()));
    const keep = Math.max(1, Math.min(words.length, random.int(1, 2)));
    name = words.slice(0, keep + (words.length > 3 ? 1 : 0)).join(' ');
  }
  if (style === 'typo') {
    const words = name.split(' ');
    const i = random.int(0, words.length - 1);
    words[i] = misspell(random, words[i] ?? '');
    name = words.join(' ');
  }
  if (style !== 'exact' && random.chance(0.5)) name = name.toLowerCase().replace(/-/g, random.chance(0.5) ? ' ' : '-');
  return name;
}

/** The module as a learner writes it: "module 2", "mod 2", "part 2", "the final test", the full name. */
export function moduleAsWritten(random: SeededRandom, moduleNumber: number, moduleName: string, topic: string): string {
  const forms: [string, number][] = [
    [`module ${moduleNumber}`, 30],
    [`Module ${moduleNumber}`, 20],
    [`mod ${moduleNumber}`, 8],
    [`part ${moduleNumber}`, 6],
    [`lesson ${moduleNumber}`, 4],
    [moduleName, 15],
    [`the ${topic.toLowerCase()} module`, 10],
  ];
  if (/assessment/i.test(topic)) forms.push(['the final test', 12], ['the final quiz', 8]);
  return random.weighted(forms);
}

export function scoreAsWritten(random: SeededRandom, percent: number): string {
  const rounded = Math.round(percent);
  return random.weighted([[`${rounded}%`, 50], [`${rounded}`, 25], [`${rounded} percent`, 15], [`a ${rounded}`, 10]]);
}

/** Drops a learner's punctuation and capitals now and then, as typed on a phone. */
export function casually(random: SeededRandom, text: string): string {
  if (!random.chance(0.25)) return text;
  return text.replace(/'/g, '').replace(/\bI\b/g, 'i').replace(/\.$/, '');
}
