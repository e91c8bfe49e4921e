// Matches a method and a path like /tickets/tkt_000001/messages to a handler, with the
// path's parameters. A path that exists under another method is a 405, not a 404.
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteMatch<H> {
  handler: H;
  params: Record<string, string>;
}

export type RouteResult<H> = { kind: 'found'; match: RouteMatch<H> } | { kind: 'wrong_method'; allowed: Method[] } | { kind: 'none' };

interface Route<H> {
  method: Method;
  segments: string[];
  handler: H;
}

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(method: Method, pattern: string, handler: H): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  find(method: string, path: string): RouteResult<H> {
    const parts = path.split('/').filter(Boolean);
    const allowed: Method[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', match: { handler: route.handler, params } };
      allowed.push(route.method);
    }
    return allowed.length ? { kind: 'wrong_method', allowed } : { kind: 'none' };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const want = pattern[i] as string;
    const got = parts[i] as string;
    if (want.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(got);
      } catch {
        return null;
      }
      params[want.slice(1)] = value;
    } else if (want !== got) return null;
  }
  return params;
}
