// The conversation on each ticket: the learner's first e-mail written the way learners
// write, the agent working through the help article (Technical Issues FAQ, details, check
// the data, screenshot), internal notes on what the data showed, and how it ended.
import type { MessageAuthor, TicketStatus } from '../../shared/lms/entities';
import type { MissingCompletionCause } from './attempt-builder';
import type { TicketKind } from './enrollments-and-attempts';
import { casually, courseAsWritten, moduleAsWritten, scoreAsWritten } from './learner-wording';
import type { SeededRandom } from './seeded-random';
import { LMS_NAME } from './vocabulary';

export type ThreadKind = TicketKind | 'not_enrolled' | 'general';

export interface ThreadContext {
  kind: ThreadKind;
  status: TicketStatus;
  firstName: string;
  lastName: string;
  workplaceName: string;
  courseName: string;
  categoryName: string;
  moduleName: string;
  moduleNumber: number;
  moduleTopic: string;
  passingScore: number;
  blueBucks: number;
  /** The score the learner got (or claims), in percent. */
  percent: number | null;
  os: string;
  browser: string;
  cause: MissingCompletionCause | null;
  knownIssueDescription: string | null;
  /** The learner's other course with trouble, for the "check their computer first" note. */
  otherTroubleCourse: string | null;
  hasScreenshot: boolean;
  screenshotReused: boolean;
  manualPass: boolean;
  agentName: string;
  adminName: string;
  standardLabel: string;
  attemptDate: string | null;
  completedDate: string | null;
}

export interface ThreadMessage {
  author: MessageAuthor;
  /** Whose message among the agents: the assigned agent, or the admin who checks data and passes. */
  by: 'learner' | 'agent' | 'admin';
  body: string;
  /** Hours after the ticket was opened. */
  afterHours: number;
  withScreenshot: boolean;
}

export interface Thread {
  subject: string;
  tags: string[];
  messages: ThreadMessage[];
}

function firstWord(name: string): string {
  return name.split(' ')[0] ?? name;
}

function signature(random: SeededRandom, ctx: ThreadContext): string {
  return random.weighted([
    [`\n\nThanks,\n${ctx.firstName}`, 30],
    [`\n\n${ctx.firstName} ${ctx.lastName}\n${ctx.workplaceName}`, 25],
    [`\n\nthanks ${ctx.firstName.toLowerCase()}`, 10],
    ['\n\nSent from my iPhone', 10],
    ['', 25],
  ]);
}

function greeting(random: SeededRandom): string {
  return random.weighted([['Hi,\n\n', 30], ['Hello\n\n', 15], ['Good morning,\n\n', 8], ['', 47]]);
}

function causeDetail(random: SeededRandom, cause: MissingCompletionCause | null): string {
  switch (cause) {
    case 'session_cut_off':
      return random.pick([' The screen froze right after the results page and I had to close it.', ' My internet dropped right at the end i think.']);
    case 'commit_errors':
      return random.pick([' There was an error at the end that said something about not being able to save.', ' A box popped up saying "unable to communicate with the LMS".']);
    case 'suspend_overflow':
      return random.pick([' It kept losing my spot and making me redo the last part.', ' Every time I came back it started me over from the middle.']);
    case 'completion_never_sent':
      return random.pick([' It showed the congratulations screen and everything.', ' It said I passed right on the screen.']);
    default:
      return '';
  }
}

interface GeneralTopic {
  subject: string;
  question: string;
  answer: string;
  tag: string;
}

/** Questions that are not about a completion, each with the answer an agent gives. */
const generalTopics: readonly GeneralTopic[] = [
  { subject: 'BlueBucks question', tag: 'bluebucks', question: 'How long does it take for BlueBucks to show up after I finish a course?', answer: 'BlueBucks are paid out within 5 business days of the completion registering on your transcript. If it has been longer than that, reply with the course name and we will look into it.' },
  { subject: 'password reset', tag: 'account', question: 'I forgot my password and the reset email never comes. Can you help?', answer: 'I have sent a new password reset link to this address. If it does not arrive in a few minutes, please check your spam folder.' },
  { subject: 'Certificate', tag: 'question', question: 'Can I get a certificate for {course}? Our inspector wants proof', answer: 'Certificates are under My Transcript > Completed > Download certificate. Let us know if the button is missing.' },
  { subject: 'Spanish courses?', tag: 'question', question: 'Is there a way to take the courses in Spanish? Some of our guys would do better with that', answer: 'Thanks for asking — a few suppliers offer Spanish versions; you can filter for them under Catalog > Language.' },
  { subject: 'name spelled wrong', tag: 'account', question: 'My name is spelled wrong on my account, can you fix it?', answer: 'Of course — reply with your name exactly as it should appear and we will update your profile (certificates you download afterwards will show it).' },
];

function firstEmail(random: SeededRandom, ctx: ThreadContext, topic: GeneralTopic): { subject: string; body: string } {
  const course = courseAsWritten(random, ctx.courseName);
  const mod = moduleAsWritten(random, ctx.moduleNumber, ctx.moduleName, ctx.moduleTopic);
  const score = ctx.percent === null ? '' : scoreAsWritten(random, ctx.percent);
  const hi = greeting(random);
  const sig = signature(random, ctx);
  const subjects =
    ctx.kind === 'general'
      ? [topic.subject, 'question', '']
      : ctx.kind === 'not_enrolled'
        ? [`${course}`, 'cant find course', 'how do I sign up', '']
        : [`${course} not completing`, `${course} ${mod}`, 'course says incomplete', 'Module not complete', 'Help!!', 'completion issue', `Problem with ${course}`, ''];
  let body: string;
  switch (ctx.kind) {
    case 'not_registered':
      body = random.pick([
        `I finished the ${course} course ${mod} and it still says incomplete, I got ${score}`,
        `I completed ${mod} of ${course} and passed the quiz with ${score} but my transcript still shows it in progress.${ctx.blueBucks ? ' I need this for my BlueBucks.' : ''} Can you please fix it?`,
        `${course} - ${mod} wont mark complete. passed with ${score}. tried twice`,
        `I took the ${mod} test for ${course} and got ${score}. When I went back in it made me start over and says I havent finished. What am I doing wrong?`,
        `My score was ${score} on ${course} ${mod} but the course didnt register as completed. my boss needs this done by friday`,
      ]) + causeDetail(random, ctx.cause);
      break;
    case 'no_data':
      body = random.pick([
        `I went through all of ${course} ${mod} but it doesnt show anything, like I never even started it`,
        `The course froze at the end of ${mod} and now it says not started?? I definitely did the whole thing. Took like 45 minutes`,
        `I did the ${course} training last week (${mod}) and passed but nothing shows on my transcript. Can you check?`,
        `I finished ${mod} in ${course} and passed but its not showing. I have a picture of my score if that helps`,
      ]);
      break;
    case 'known_issue': {
      const mac = ctx.os.toLowerCase().startsWith('macos');
      const win7 = ctx.os.toLowerCase().startsWith('windows 7');
      const tablet = /^(ipados|ios)/i.test(ctx.os);
      body = mac
        ? random.pick([
            `Im on a Mac at work (Safari) and ${course} ${mod} finished but never counted.${score ? ` Got ${score}.` : ''}`,
            `${course} ${mod} says incomplete. I did it on my MacBook in Safari${score ? ` and passed with ${score}` : ''}. Same thing happened to a coworker`,
          ])
        : win7
          ? random.pick([
              `Our shop computer runs Windows 7 and the ${course} course just spins at the end of ${mod}. nothing saves. I cant install anything on it, IT wont let us`,
              `${course} ${mod} doesnt record on the computer at the counter (its an older windows 7 one). I did the whole thing.`,
            ])
          : tablet
            ? `I did ${mod} of ${course} on my ${ctx.os.startsWith('iPad') ? 'iPad' : 'phone'} and it never checks off as done.${score ? ` I passed with ${score}` : ''}`
            : `${course} ${mod} doesnt complete on my computer (${ctx.os}, ${ctx.browser}).${score ? ` I passed (${score}).` : ''}`;
      break;
    }
    case 'failed':
      body = random.pick([
        `I passed ${course} ${mod} but it says failed. I got ${score}`,
        `I got ${score} on ${mod} of ${course}, is that not passing? it says incomplete`,
        `why does ${course} say I failed ${mod}? I answered everything and got ${score}`,
      ]);
      break;
    case 'already_complete':
      body = random.pick([
        `Can you check if I completed ${course}? I cant tell if ${mod} went through`,
        `Did my ${course} ${mod} count? My manager says its not showing on his report`,
      ]);
      break;
    case 'stuck':
      body = random.pick([
        `${course} wont load past the first slide of ${mod}. Just a white screen`,
        `I keep getting kicked out of ${mod} in ${course} halfway through and then it starts over`,
        `The next button doesnt work in ${course} ${mod}, I cant finish it`,
      ]);
      break;
    case 'not_enrolled':
      body = random.pick([
        `I cant find ${course} in my courses, my manager said I have to take ${mod} by the end of the month`,
        `How do I sign up for ${course}? Its not in my list. A coworker has it`,
      ]);
      break;
    case 'general':
      body = topic.question.replace('{course}', course);
      break;
  }
  return { subject: random.pick(subjects), body: hi + casually(random, body) + sig };
}

function agentSignoff(name: string): string {
  return `\n\n${firstWord(name)}\n${LMS_NAME} Support`;
}

function tagsFor(random: SeededRandom, ctx: ThreadContext, topic: GeneralTopic): string[] {
  const tags = new Set<string>();
  if (['not_registered', 'no_data', 'known_issue', 'stuck', 'failed', 'already_complete'].includes(ctx.kind)) tags.add('completion');
  if (ctx.kind === 'no_data') tags.add('no-data');
  if (ctx.kind === 'known_issue') tags.add('known-issue');
  if (ctx.kind === 'failed') tags.add('failing-score');
  if (ctx.kind === 'not_enrolled') tags.add('enrollment');
  if (ctx.kind === 'general') tags.add(topic.tag);
  if (ctx.hasScreenshot) tags.add('screenshot');
  if (ctx.manualPass) tags.add('manual-pass');
  if (ctx.blueBucks > 0 && ctx.kind !== 'general' && random.chance(0.4)) tags.add('bluebucks');
  if (ctx.os.toLowerCase().startsWith('macos') && ctx.kind === 'known_issue') tags.add('mac-safari');
  if (ctx.os.toLowerCase().startsWith('windows 7')) tags.add('windows-7');
  if (ctx.otherTroubleCourse) tags.add('repeat-trouble');
  return [...tags];
}

function dataNote(ctx: ThreadContext): string {
  const causes: Record<MissingCompletionCause, string> = {
    completion_never_sent: 'Success came back as passed but completion stayed incomplete — the course never sent completion.',
    session_cut_off: 'No session_time and an empty exit: the session was cut off right after the score was sent.',
    suspend_overflow: 'Suspend data hit the SCORM 1.2 limit of 4,096 characters (error 405), then LMSCommit failed.',
    commit_errors: 'LMSCommit / LMSFinish errors at the end of the session; the status was never saved.',
    known_issue: 'Matches a known issue for this manufacturer on this browser.',
  };
  const score = ctx.percent === null ? 'no score' : `score ${ctx.percent}%`;
  return `Checked the data: ${ctx.standardLabel} attempt on ${ctx.attemptDate ?? 'unknown date'}, ${score}, passing is ${ctx.passingScore}%. ${ctx.cause ? causes[ctx.cause] : ''}`.trim();
}

export function writeThread(random: SeededRandom, ctx: ThreadContext): Thread {
  const topic = random.pick(generalTopics);
  const { subject, body } = firstEmail(random, ctx, topic);
  const messages: ThreadMessage[] = [{ author: 'learner', by: 'learner', body, afterHours: 0, withScreenshot: false }];
  let hours = 0;
  const later = (min: number, max: number) => (hours += min + random.next() * (max - min));
  const agent = (text: string) => messages.push({ author: 'agent', by: 'agent', body: `Hi ${ctx.firstName},\n\n${text}${agentSignoff(ctx.agentName)}`, afterHours: later(0.5, 20), withScreenshot: false });
  const note = (text: string, by: 'agent' | 'admin' = 'agent') => messages.push({ author: 'note', by, body: text, afterHours: later(0.1, 3), withScreenshot: false });
  const learner = (text: string, withScreenshot = false) => messages.push({ author: 'learner', by: 'learner', body: casually(random, text), afterHours: later(2, 40), withScreenshot });

  if (ctx.status === 'new') {
    if (random.chance(0.35)) learner(random.pick(['Any update on this?', 'Just following up, still showing incomplete', 'hello??']));
    return { subject: subject || '(no subject)', tags: tagsFor(random, ctx, topic).slice(0, 1), messages };
  }

  const course = ctx.courseName;
  const mod = ctx.moduleName;
  switch (ctx.kind) {
    case 'general':
      agent(topic.answer);
      if (ctx.status !== 'open') learner(random.pick(['thanks!', 'ok got it', 'Thank you']));
      break;
    case 'not_enrolled':
      agent(`You are not enrolled in ${course} yet — enrollment comes from your workplace's training admin. I have let them know; once you are enrolled it will show under My Courses.`);
      break;
    case 'already_complete':
      note(`Transcript shows ${mod} completed on ${ctx.completedDate ?? 'an earlier date'} (tracked). Nothing to fix.`);
      agent(`Good news — ${mod} of ${course} shows as completed on your transcript since ${ctx.completedDate ?? 'earlier this month'}. Your manager's report may take a day to catch up.`);
      break;
    case 'stuck':
      agent(`Sorry about that. Before we dig in, please have a look at the Technical Issues FAQ under Help. Could you also try the course in Chrome or Edge with pop-ups allowed for ${LMS_NAME.toLowerCase()}.com? If it still stops, tell us which slide it stops on.`);
      if (ctx.status !== 'open') learner(random.pick(['ok that worked in chrome thanks', 'Tried Chrome, same thing. It stops on the slide with the video.']));
      break;
    case 'failed':
      note(dataNote(ctx), 'admin');
      if (ctx.hasScreenshot) {
        learner('Here is a picture of my score', true);
        note(`Screenshot shows ${ctx.percent}% — below the ${ctx.passingScore}% needed. Not eligible for a pass.`, 'admin');
      }
      agent(`I checked your attempt: the score that came back for ${mod} was ${ctx.percent}%, and this module needs ${ctx.passingScore}% to pass. You are welcome to retake it — your progress from the earlier modules is saved.`);
      break;
    default: {
      agent(`Thanks for reaching out, and sorry for the trouble with ${course}. Before we dig in, please have a look at the Technical Issues FAQ under Help — most completion problems come from a pop-up blocker or the course window being closed before it finishes saving.\n\nIf nothing there solves it, reply with the course and module name and what happens on your screen. Don't worry about keeping it brief — the more details, the better.`);
      if (ctx.status === 'open' && !ctx.hasScreenshot && random.chance(0.35)) break;
      learner(random.pick([
        `I looked at the FAQ and tried clearing my cache like it said, still the same. Its ${course}, ${mod}.`,
        `yes I did that already. ${mod} in ${course}. I finished it on ${ctx.attemptDate ?? 'last week'}`,
        `Tried the FAQ stuff. Still says incomplete. It's ${mod}.`,
      ]));
      if (ctx.status !== 'resolved' && random.chance(0.45)) {
        learner(random.pick([
          'I also tried it on my home computer, same thing.',
          `My manager is asking about this, ${course} is required for us this quarter.`,
          'Is there anything else I need to send you?',
          'I cleared my history and tried again, still incomplete.',
        ]));
      }
      if (ctx.otherTroubleCourse) {
        note(`This learner has completion trouble in another course too (${ctx.otherTroubleCourse}). Per the article, check their computer before any manual pass.`);
      }
      if (ctx.kind === 'not_registered') {
        note(dataNote(ctx), 'admin');
      } else if (ctx.kind === 'known_issue') {
        note(`${dataNote(ctx)}\nKnown issue: ${ctx.knownIssueDescription ?? ''}`.trim(), 'admin');
        agent(`This is a known issue: ${ctx.categoryName} courses do not report completion on ${ctx.os} with ${ctx.browser}. It is not something you can easily fix at work, so there is no need to retake it at home. Please send a screenshot of your passing score and we will mark the module complete.`);
      } else {
        note(`No data at all for ${mod} — launched ${ctx.attemptDate ?? 'recently'}, nothing came back. Asking for a screenshot.`);
        agent(`I checked the data on our side and nothing came back from ${mod} — the system has no record of the session. Could you send a screenshot of your passing score or of the completion screen from the course?`);
      }
      if (ctx.hasScreenshot) {
        learner(random.pick(['Here you go', 'See attached', 'This is what it showed at the end', 'took a picture of it']), true);
        if (ctx.screenshotReused) {
          note('Careful: this screenshot is identical to one another learner sent. Asked the learner for their own before anything else.', 'admin');
          agent('Thanks! The screenshot does not seem to be from your own account — could you send one that shows your name?');
        } else if (ctx.percent !== null) {
          note(`Screenshot shows ${ctx.percent}% on ${mod} with the learner's name. Reviewed.`, 'admin');
        }
      }
      if (ctx.manualPass) {
        note(`Marked ${mod} complete (manual pass). Double-checked the transcript.`, 'admin');
        if (random.chance(0.6)) learner(random.pick(['Thank you so much!', 'it shows now, thanks', 'Great, thanks for the help']));
        agent(`All set — I've marked ${mod} of ${course} complete for you. It shows as completed on your transcript now${ctx.blueBucks ? `, and the ${ctx.blueBucks} BlueBucks will follow within 5 business days` : ''}.`);
      }
    }
  }
  if (ctx.status === 'resolved' && !ctx.manualPass && ctx.kind !== 'general') {
    if (random.chance(0.8)) learner(random.pick(['thanks!', 'Got it, thank you', 'ok will do']));
  } else if (ctx.status === 'waiting' && random.chance(0.6)) {
    agent('Just checking in — we are still waiting on the details above before we can go further.');
  }
  return { subject: subject || '(no subject)', tags: tagsFor(random, ctx, topic), messages };
}
