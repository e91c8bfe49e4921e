import { describe, expect, it } from 'vitest';
import { Router } from '../../../src/demo-lms/http/router';

describe('router', () => {
  const router = new Router<string>().add('GET', '/tickets/:id', 'get').add('PATCH', '/tickets/:id', 'patch').add('POST', '/tickets/:id/messages', 'post');

  it('matches a method and path with its parameters, decoded', () => {
    expect(router.find('GET', '/tickets/tkt%201')).toEqual({ kind: 'found', match: { handler: 'get', params: { id: 'tkt 1' } } });
    expect(router.find('POST', '/tickets/t/messages')).toMatchObject({ kind: 'found', match: { handler: 'post' } });
  });

  it('tells a wrong method (with what is allowed) from an unknown path', () => {
    expect(router.find('DELETE', '/tickets/t')).toEqual({ kind: 'wrong_method', allowed: ['GET', 'PATCH'] });
    expect(router.find('GET', '/tickets')).toEqual({ kind: 'none' });
    expect(router.find('GET', '/tickets/%E0%A4%A')).toEqual({ kind: 'none' });
  });
});
