// A client for whichever LMS the connection uses right now, made once per address and token:
// the verifier and the transcript view read from the same LMS the sync engine sends to.
import { createLmsClient, type LmsClient } from '../lms/client';

export function lmsClientFor(access: () => { url: string; token: string } | null): () => LmsClient | null {
  let made: { key: string; client: LmsClient } | null = null;
  return () => {
    const now = access();
    if (!now) return null;
    const key = `${now.url}\n${now.token}`;
    if (made?.key !== key) made = { key, client: createLmsClient({ baseUrl: now.url, token: now.token }) };
    return made.client;
  };
}
