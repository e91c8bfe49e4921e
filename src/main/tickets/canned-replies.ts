// The replies the help article's steps call for, with the learner's and the module's names
// filled in: the Technical Issues FAQ, a detailed description of course, module and problem,
// a screenshot of the passing score or completion, the known-issue answer — and the internal
// note that records the data check. Pure: names and facts come in, text comes out.
import type { CannedReply } from '../../shared/channels/tickets';

export interface ReplyNames {
  /** The learner's name as the LMS has it; null when the ticket is not linked yet. */
  learnerName: string | null;
  moduleName: string | null;
  courseName: string | null;
  /** The signed-in agent, for the sign-off. */
  agentName: string | null;
}

function firstName(name: string | null): string {
  const first = name?.trim().split(/\s+/u)[0];
  return first && first.length > 0 ? first : 'there';
}

/** "Module 2: Field Adjustments of Door Closers Essentials", or as much of it as is known. */
export function moduleWords(names: Pick<ReplyNames, 'moduleName' | 'courseName'>): string {
  if (names.moduleName && names.courseName) return `${names.moduleName} of ${names.courseName}`;
  if (names.moduleName) return names.moduleName;
  if (names.courseName) return names.courseName;
  return 'the course';
}

function signOff(names: ReplyNames): string {
  const agent = firstName(names.agentName);
  return `\n\n${agent === 'there' ? '' : `${agent}\n`}The support team`;
}

export function cannedReplies(names: ReplyNames, dataCheckNote: string): CannedReply[] {
  const hi = `Hi ${firstName(names.learnerName)},\n\n`;
  const what = moduleWords(names);
  const bye = signOff(names);
  return [
    {
      id: 'faq',
      label: 'Technical Issues FAQ',
      author: 'agent',
      setsStatus: 'waiting',
      body: `${hi}Thanks for reaching out, and sorry for the trouble with ${what}. Before we dig in, please have a look at the Technical Issues FAQ under Help — most completion problems come from a pop-up blocker or the course window being closed before it finishes saving.\n\nIf nothing there solves the problem, reply to this e-mail describing what course and module the issue is occurring in, and what the issue is. Don't worry about keeping it brief — the more details, the better!${bye}`,
    },
    {
      id: 'details',
      label: 'Ask for course, module and details',
      author: 'agent',
      setsStatus: 'waiting',
      body: `${hi}So we can look into this, could you tell us which course and which module the issue is occurring in, and what happens on your screen? Don't worry about keeping it brief — the more details, the better: what you clicked, what the course showed at the end, and the computer and browser you used.${bye}`,
    },
    {
      id: 'screenshot',
      label: 'Ask for a screenshot',
      author: 'agent',
      setsStatus: 'waiting',
      body: `${hi}I checked the data on our side and nothing came back from ${what} — the system has no record of your result. Could you send a screenshot of your passing score or of the completion screen from the course? Please make sure your name shows on it.${bye}`,
    },
    {
      id: 'known_issue',
      label: 'Known issue — you’ll be passed',
      author: 'agent',
      setsStatus: 'waiting',
      body: `${hi}This is a known issue: ${names.courseName ?? 'this course'} does not report its completion on some computers and browsers, and it is not something you can easily fix at work — there is no need to retake it at home or at the library. Please send a screenshot of your passing score on ${names.moduleName ?? 'the module'}, and we will mark it complete for you.${bye}`,
    },
    { id: 'data_check', label: 'Data check (internal note)', author: 'note', setsStatus: null, body: dataCheckNote },
  ];
}
