// Reads --faults "error500=0.1,resetBefore=0.05,latencyMs=200,paths=/manual-passes|/tickets"
// into the shared FaultSpec, or says exactly which part is wrong.
import { FaultSpec } from '../../shared/lms/api';

const KNOWN_KEYS = FaultSpec.keyof().options;

export function parseFaultSpecText(text: string): FaultSpec {
  const raw: Record<string, unknown> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`Fault "${part}" needs a value, as in error500=0.1 (known faults: ${KNOWN_KEYS.join(', ')}).`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) throw new Error(`Unknown fault "${key}"; known faults: ${KNOWN_KEYS.join(', ')}.`);
    if (key in raw) throw new Error(`Fault "${key}" is given twice; give it once.`);
    if (key === 'paths') {
      raw.paths = value.split('|').map((p) => p.trim()).filter(Boolean);
    } else {
      const n = Number(value);
      if (value === '' || !Number.isFinite(n)) throw new Error(`Fault ${key}=${value} is not a number; write e.g. ${key}=${key === 'latencyMs' ? '200' : '0.1'}.`);
      raw[key] = n;
    }
  }
  const parsed = FaultSpec.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || 'faults';
    throw new Error(`Fault ${field} is out of range: ${issue?.message ?? 'invalid'} (probabilities are 0–1, latencyMs 0–60000, paths start with "/").`);
  }
  return parsed.data;
}
