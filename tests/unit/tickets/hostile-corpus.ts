// Ticket text as hostile as e-mail gets; the unit tests render it, the end-to-end tests send it
// to the demo LMS as learners' e-mails.
/** What learners (and people pretending to be learners) have been known to send. */
export const hostileCorpus: Record<string, string> = {
  script: '<script>window.__pwned = true; alert(1)</script>',
  imageOnError: '<img src=x onerror="window.__pwned=true">',
  svgOnLoad: '<svg onload="window.__pwned=true"><circle r=5></svg>',
  iframe: '<iframe src="javascript:window.__pwned=true"></iframe>',
  link: '<a href="javascript:window.__pwned=true">click for your certificate</a>',
  styleBreakout: '</bdi></div><style>body{display:none}</style><div>',
  entities: '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#60;b&#62;',
  rtlOverride: 'invoice\u202Egpj.exe — my score screenshot',
  isolates: '\u2067RTL isolate\u2069 and \u2066LTR\u2069',
  arabic: 'أكملت الوحدة 2 ولكنها لا تزال غير مكتملة',
  hebrewMixed: 'Module 2 של הקורס Door Closers לא הושלם',
  zeroWidth: 'pay\u200Bpal\u200C ad\uFEFFmin\u2060 reset',
  zalgo: `Z${'\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308'.repeat(40)}algo module 2`,
  loneSurrogates: 'broken \uD83D here and \uDE00 there',
  replacement: 'Ã©tÃ© â€™ broken encoding \uFFFD\uFFFD',
  controls: 'bell\u0007 null\u0000 escape\u001B[31m red \u009B',
  longWord: 'a'.repeat(20_000),
  huge: `${'I finished module 2 and it still says incomplete. '.repeat(4000)}`,
  manyLines: Array.from({ length: 5000 }, (_, i) => `line ${i}`).join('\n'),
  emoji: 'passed 👍🏽 with 88% 👨‍👩‍👧 family',
  crlf: 'first\r\nsecond\rthird',
};
