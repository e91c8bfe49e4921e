import { describe, expect, it } from 'vitest';
import { decideFaults, faultsApply } from '../../../src/demo-lms/faults/fault-injector';
import { parseFaultSpecText } from '../../../src/demo-lms/faults/fault-spec-text';
import { FaultSpec } from '../../../src/shared/lms/api';

describe('--faults SPEC', () => {
  it('reads the documented example', () => {
    expect(parseFaultSpecText('error500=0.1,resetBefore=0.05,resetAfter=0.05,latencyMs=200,trickle=0.2,paths=/manual-passes|/tickets')).toEqual({
      error500: 0.1, resetBefore: 0.05, resetAfter: 0.05, latencyMs: 200, trickle: 0.2, paths: ['/manual-passes', '/tickets'],
    });
    expect(parseFaultSpecText('')).toEqual(FaultSpec.parse({}));
  });

  it.each([
    ['explode=1', /Unknown fault "explode"/],
    ['error500', /needs a value/],
    ['error500=lots', /not a number/],
    ['error500=1.5', /error500 is out of range/],
    ['paths=manual-passes', /paths/],
    ['trickle=0.1,trickle=0.2', /given twice/],
  ])('refuses %s with a message that says what is wrong', (text, message) => {
    expect(() => parseFaultSpecText(text)).toThrow(message);
  });
});

describe('which requests a fault hits', () => {
  const always = FaultSpec.parse({ error500: 1, trickle: 1, latencyMs: 10 });
  it('never hits the fault switch or the demo hooks', () => {
    expect(faultsApply(always, '/__faults')).toBe(false);
    expect(faultsApply(always, '/__demo/state-digest')).toBe(false);
    expect(faultsApply(always, '/tickets/tkt_1')).toBe(true);
  });

  it('hits only the listed path prefixes', () => {
    const some = FaultSpec.parse({ error500: 1, paths: ['/manual-passes'] });
    expect(decideFaults(some, '/manual-passes', () => 0).error500).toBe(true);
    expect(decideFaults(some, '/tickets/x', () => 0).error500).toBe(false);
  });

  it('draws at most one of 500, reset before and reset after', () => {
    const d = decideFaults(FaultSpec.parse({ error500: 1, resetBefore: 1, resetAfter: 1 }), '/me', () => 0);
    expect([d.error500, d.resetBefore, d.resetAfter].filter(Boolean)).toHaveLength(1);
    expect(decideFaults(FaultSpec.parse({ error500: 0.5 }), '/me', () => 0.7).error500).toBe(false);
  });
});
