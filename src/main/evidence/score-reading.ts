// What OCR text says about a result screen: the learner's score, the passing score, the
// words of a pass, a fail or a completion, and whether the ticket's course and module are
// named. A proposal for the reviewer, who confirms or corrects it. Pure.

export interface ReadingProposal {
  score: number | null;
  passingScore: number | null;
  passWords: string[];
  failWords: string[];
  completionWords: string[];
  courseName: string | null;
  moduleName: string | null;
}

/** OCR misreads a few characters in predictable ways on result screens. */
function tidy(line: string): string {
  return line
    .replace(/[°º]\s*\/\s*[oO0]/g, '%')
    .replace(/(\d)\s*%\s*[oO0]\b/g, '$1%')
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function percentIn(text: string): number | null {
  const match = /(\d{1,3}(?:[.,]\d{1,2})?)\s*%/.exec(text);
  if (!match?.[1]) return null;
  const value = Number(match[1].replace(',', '.'));
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Whether most of a name's words appear in the text: OCR drops or garbles the odd word. */
export function nameAppears(name: string, text: string): boolean {
  const wanted = words(name);
  if (wanted.length === 0) return false;
  const seen = new Set(words(text));
  const found = wanted.filter((w) => seen.has(w)).length;
  return found / wanted.length >= 0.75;
}

const PASS = [/congratulations[^.!\n]*[.!]?/i, /\byou passed\b[!.]?/i, /\bpassed\b/i];
const FAIL = [/\bfailed\b[^\n]*/i, /\bnot passed\b/i, /\byou did not pass\b/i];
const COMPLETION = [/\b(?:module|lesson|course) complete\b/i, /\byou have completed this module\b\.?/i, /\bstatus: completed\b/i, /\bcompleted\b/i, /\b100% complete\b/i];

function found(patterns: readonly RegExp[], lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    for (const pattern of patterns) {
      const match = pattern.exec(line);
      if (match && !out.some((o) => o.toLowerCase().includes(match[0].toLowerCase()))) {
        out.push(match[0].trim());
        break;
      }
    }
  }
  return out.slice(0, 5);
}

/** A lone percent within two lines of a score label, skipping progress bars and pass marks. */
function scoreNearLabel(lines: readonly string[]): number | null {
  const labels = lines.flatMap((line, i) => (/\b(?:score|scored)\b/i.test(line) && !/pass(?:ing)?\s*score/i.test(line) ? [i] : []));
  for (const distance of [1, 2]) {
    for (const at of labels) {
      for (const i of [at - distance, at + distance]) {
        const line = lines[i];
        if (line === undefined || /complete|pass|need|progress/i.test(line) || (/\b0\s*%/.test(line) && /100\s*%/.test(line))) continue;
        const value = percentIn(line);
        if (value !== null) return value;
      }
    }
  }
  return null;
}

export function proposeReading(text: string, expected: { courseName: string | null; moduleName: string | null }): ReadingProposal {
  const lines = text.split(/\r?\n/).map(tidy).filter((l) => l.length > 0);
  let score: number | null = null;
  let passingScore: number | null = null;
  for (const line of lines) {
    const lower = line.toLowerCase();
    const need = /you need (\d{1,3}(?:[.,]\d)?)\s*%\s*to pass/i.exec(line);
    if (need?.[1] && passingScore === null) passingScore = Number(need[1].replace(',', '.'));
    if (/pass(?:ing)?\s*(?:score|mark|grade)/.test(lower)) {
      passingScore ??= percentIn(line.slice(lower.search(/pass(?:ing)?\s*(?:score|mark|grade)/)));
      continue;
    }
    const at = lower.search(/\b(?:your\s+)?(?:score|scored|result|grade)\b/);
    if (at >= 0 && score === null) score = percentIn(line.slice(at));
  }
  // Some players put the label and the number on separate lines ("Your score:" under "88%").
  if (score === null) score = scoreNearLabel(lines);
  const failWords = found(FAIL, lines);
  const passWords = found(PASS, lines).filter((w) => !/\bnot passed\b/i.test(w));
  return {
    score,
    passingScore,
    passWords: failWords.length > 0 ? passWords.filter((w) => !/^passed$/i.test(w)) : passWords,
    failWords,
    completionWords: found(COMPLETION, lines),
    courseName: expected.courseName !== null && nameAppears(expected.courseName, text) ? expected.courseName : null,
    moduleName: expected.moduleName !== null && nameAppears(expected.moduleName, text) ? expected.moduleName : null,
  };
}
