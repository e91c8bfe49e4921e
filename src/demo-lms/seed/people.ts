// The people: workplaces (each with its own e-mail domain and its standard computer),
// the learners who work there, and the LMS's support agents.
import type { Agent, Learner, Workplace } from '../../shared/lms/entities';
import type { SeededRandom } from './seeded-random';
import type { SeedCounts } from './seed-scale';
import {
  LMS_DOMAIN,
  environments,
  firstNames,
  lastNames,
  surnameWorkplaceForms,
  workplaceKinds,
  workplacePlaces,
  type EnvironmentProfile,
} from './vocabulary';

export interface SeedWorkplace {
  record: Workplace;
  domain: string;
  /** The computer most of its staff take courses on. */
  environment: EnvironmentProfile;
  emailStyle: 'first.last' | 'flast' | 'firstl' | 'first';
  /** Category indexes this workplace's trade makes it take courses from most. */
  favouriteCategories: number[];
}

export interface SeedLearner {
  record: Learner;
  firstName: string;
  lastName: string;
  workplaceIndex: number;
  environment: EnvironmentProfile;
  /** A learner whose own computer breaks courses: trouble in several courses, no known issue to blame. */
  troubled: boolean;
}

export const DEMO_ADMIN_ID = 'agt_demo_admin';
export const DEMO_AGENT_ID = 'agt_demo_agent';

export const agents: readonly Agent[] = [
  { id: DEMO_ADMIN_ID, name: 'Dana Whitfield', email: `dana.whitfield@${LMS_DOMAIN}`, role: 'admin' },
  { id: DEMO_AGENT_ID, name: 'Marcus Bell', email: `marcus.bell@${LMS_DOMAIN}`, role: 'agent' },
  { id: 'agt_0003', name: 'Priya Raman', email: `priya.raman@${LMS_DOMAIN}`, role: 'agent' },
  { id: 'agt_0004', name: 'Tom Kowalczyk', email: `tom.kowalczyk@${LMS_DOMAIN}`, role: 'agent' },
  { id: 'agt_0005', name: 'Elena Ruiz', email: `elena.ruiz@${LMS_DOMAIN}`, role: 'admin' },
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]/g, '');
}

export function generateWorkplaces(random: SeededRandom, counts: SeedCounts, categoryCount: number): SeedWorkplace[] {
  const names = new Set<string>();
  const domains = new Set<string>();
  const workplaces: SeedWorkplace[] = [];
  while (workplaces.length < counts.workplaces) {
    const kind = random.pick(workplaceKinds);
    const place = random.chance(0.6) ? random.pick(workplacePlaces) : random.pick(surnameWorkplaceForms).replace('{name}', random.pick(lastNames));
    let name = `${place} ${kind}`;
    if (names.has(name)) name = `${name} of ${random.pick(workplacePlaces)}`;
    if (names.has(name)) continue;
    names.add(name);
    const kindWord = kind.split(' ')[0] ?? kind;
    const tlds = ['com', 'com', 'com', 'net', 'biz', 'us', 'co'];
    let domain = `${slug(place)}${slug(kindWord)}.${random.pick(tlds)}`;
    for (let n = 2; domains.has(domain); n += 1) domain = `${slug(place)}${slug(kind)}${n > 2 ? n : ''}.com`;
    domains.add(domain);
    workplaces.push({
      record: { id: `wp_${pad(workplaces.length + 1, 5)}`, name },
      domain,
      environment: random.weighted(environments),
      emailStyle: random.weighted<SeedWorkplace['emailStyle']>([['first.last', 50], ['flast', 30], ['firstl', 12], ['first', 8]]),
      favouriteCategories: random.sample(Array.from({ length: categoryCount }, (_, i) => i), Math.min(categoryCount, random.int(2, 4))),
    });
  }
  return workplaces;
}

function localPart(style: SeedWorkplace['emailStyle'], first: string, last: string): string {
  const f = slug(first);
  const l = slug(last);
  switch (style) {
    case 'first.last':
      return `${f}.${l}`;
    case 'flast':
      return `${f.charAt(0)}${l}`;
    case 'firstl':
      return `${f}${l.charAt(0)}`;
    case 'first':
      return f;
  }
}

export function generateLearners(random: SeededRandom, counts: SeedCounts, workplaces: SeedWorkplace[]): SeedLearner[] {
  // A few big employers and many small shops, as in the trade.
  const cumulative: number[] = [];
  let total = 0;
  workplaces.forEach((_, i) => cumulative.push((total += i % 10 === 0 ? 8 : i % 3 === 0 ? 3 : 1)));
  // Binary search over the running totals: a linear weighted pick per learner is quadratic at scale.
  const pickWorkplace = (): number => {
    const roll = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > roll) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const emails = new Set<string>();
  const learners: SeedLearner[] = [];
  for (let n = 0; n < counts.learners; n += 1) {
    const workplaceIndex = n < workplaces.length ? n : pickWorkplace();
    const workplace = workplaces[workplaceIndex] as SeedWorkplace;
    const firstName = random.pick(firstNames);
    const lastName = random.pick(lastNames);
    const base = localPart(workplace.emailStyle, firstName, lastName);
    let email = `${base}@${workplace.domain}`;
    for (let k = 2; emails.has(email); k += 1) email = `${base}${k}@${workplace.domain}`;
    emails.add(email);
    learners.push({
      record: { id: `lrn_${pad(n + 1, 6)}`, name: `${firstName} ${lastName}`, email, workplaceId: workplace.record.id },
      firstName,
      lastName,
      workplaceIndex,
      environment: random.chance(0.8) ? workplace.environment : random.weighted(environments),
      troubled: random.chance(0.015),
    });
  }
  return learners;
}
