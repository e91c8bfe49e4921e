// A client for whichever LMS the connection uses right now, made once per address and token:
// the sync engine, the screenshot downloads, the verifier and the transcript view all talk to
// the same LMS through this one rule.
import { createLmsClient, type LmsClient } from './client';

export type OpenLmsClient = (access: { url: string; token: string }) => LmsClient;

const openDefault: OpenLmsClient = (a) => createLmsClient({ baseUrl: a.url, token: a.token });

/** `open` lets tests bring a client with their own fetch. */
export function lmsClientFor(access: () => { url: string; token: string } | null, open: OpenLmsClient = openDefault): () => LmsClient | null {
  let made: { key: string; client: LmsClient } | null = null;
  return () => {
    const now = access();
    if (!now) return null;
    const key = `${now.url}\n${now.token}`;
    if (made?.key !== key) made = { key, client: open(now) };
    return made.client;
  };
}
