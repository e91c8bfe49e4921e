// tsx runs a script in a child process of its own, so a SIGKILL to the tsx process alone would
// leave the script running. Runners the kill tests start get a process group (spawn with
// detached: true), and the kill goes to the whole group, as a crash or power cut would.
import type { ChildProcess } from 'node:child_process';

export function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
