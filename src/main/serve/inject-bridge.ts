// Browser mode has no preload, so window.passdesk comes from /bridge.js, a classic script
// placed before the app's first script. Classic scripts run as they are parsed and module
// scripts only after parsing, so the bridge is in place before the app starts.
export const BRIDGE_SCRIPT_TAG = '<script src="/bridge.js"></script>';

export function injectBridgeScript(html: string): string {
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0) return `${html.slice(0, firstScript)}${BRIDGE_SCRIPT_TAG}\n    ${html.slice(firstScript)}`;
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0) return `${html.slice(0, headEnd)}    ${BRIDGE_SCRIPT_TAG}\n  ${html.slice(headEnd)}`;
  return `${BRIDGE_SCRIPT_TAG}\n${html}`;
}
