// Whatever path a request names, the answer is a file inside the renderer folder, the app
// itself, or a refusal — never a file elsewhere on the disk.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateRendererFile } from '../../../src/main/app/renderer-files';
import { injectBridgeScript } from '../../../src/main/serve/inject-bridge';

const root = path.resolve('/srv/passdesk/out/renderer');

describe('renderer files', () => {
  it('never resolves outside the renderer folder', () => {
    const segment = fc.oneof(fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '..%2f', '%2f', '%5c', '%00', 'assets', 'index.html', '~', ''), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const located = locateRendererFile(root, `/${segments.join('/')}`);
        if (located.kind === 'file') {
          expect(located.file.startsWith(root + path.sep)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('maps assets to files with their content type, routes to the app, and refuses traversal', () => {
    expect(locateRendererFile(root, '/assets/index-BC4pEXsj.js')).toEqual({ kind: 'file', file: path.join(root, 'assets', 'index-BC4pEXsj.js'), contentType: 'text/javascript; charset=utf-8' });
    expect(locateRendererFile(root, '/')).toEqual({ kind: 'app' });
    expect(locateRendererFile(root, '/inbox')).toEqual({ kind: 'app' });
    expect(locateRendererFile(root, '/assets/../../secrets.json').kind).toBe('refused');
    expect(locateRendererFile(root, '/%2e%2e/secrets.json').kind).toBe('refused');
    expect(locateRendererFile(root, '/%E0%A4%A').kind).toBe('refused');
  });
});

describe('the bridge script in index.html', () => {
  it('goes before the app’s first script', () => {
    const html = '<html><head><script type="module" src="/assets/index.js"></script></head><body></body></html>';
    const out = injectBridgeScript(html);
    expect(out.indexOf('<script src="/bridge.js"></script>')).toBeLessThan(out.indexOf('<script type="module"'));
  });
  it('goes into the head when the page has no script yet', () => {
    expect(injectBridgeScript('<html><head><title>x</title></head></html>')).toMatch(/<script src="\/bridge.js"><\/script>\n\s*<\/head>/);
  });
});
