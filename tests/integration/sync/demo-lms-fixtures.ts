// The demo LMS as the sync tests use it: started in this process on a random port, with the
// admin-only hooks (state digest, fault injection) one call away.
import { createDemoLms, type DemoLms } from '../../../src/demo-lms/server';
import { FaultSpec, StateDigestResponse } from '../../../src/shared/lms/api';
import type { StateDigest } from '../../../src/shared/lms/state-digest';

export interface DemoLmsUnderTest {
  lms: DemoLms;
  digest(): Promise<StateDigest>;
  setFaults(spec: Partial<FaultSpec>): Promise<void>;
  /** An admin request to the demo hooks, e.g. a learner e-mailing in. */
  admin(path: string, body: unknown): Promise<unknown>;
}

export async function startDemoLms(dataDir: string, seed: number): Promise<DemoLmsUnderTest> {
  const lms = await createDemoLms({ dataDir, scale: 'small', seed, allowFaults: true });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${lms.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${lms.adminToken}`, 'content-type': 'application/json', 'idempotency-key': `test-${Math.random().toString(36).slice(2)}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  return {
    lms,
    digest: async () => StateDigestResponse.parse(await call('GET', '/__demo/state-digest')).digest,
    setFaults: async (spec) => {
      await call('POST', '/__faults', FaultSpec.parse(spec));
    },
    admin: (path, body) => call('POST', path, body),
  };
}
