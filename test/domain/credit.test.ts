import { describe, expect, it } from 'vitest';
import { creditDecisionOf, effectiveCreditStatus } from '../../src/domain/credit.js';
import type { CreditStatus, TermsKind } from '../../src/domain/vocabulary.js';

describe('effectiveCreditStatus', () => {
  it.each<[CreditStatus, CreditStatus | null, CreditStatus]>([
    // ERP, team's decision, effective
    ['active', null, 'active'],
    ['hold', null, 'hold'],
    ['revoked', null, 'revoked'],
    ['active', 'active', 'active'],
    ['active', 'hold', 'hold'],
    ['active', 'revoked', 'revoked'],
    ['hold', 'active', 'hold'],
    ['hold', 'hold', 'hold'],
    ['hold', 'revoked', 'revoked'],
    ['revoked', 'active', 'revoked'],
    ['revoked', 'hold', 'revoked'],
    ['revoked', 'revoked', 'revoked'],
  ])('ERP %s, team %s -> %s', (erp, team, effective) => {
    expect(effectiveCreditStatus(erp, team)).toBe(effective);
  });
});

describe('creditDecisionOf', () => {
  it.each<[TermsKind, CreditStatus | null]>([
    ['credit_hold', 'hold'],
    ['credit_revoked', 'revoked'],
    ['credit_restored', 'active'],
    ['payment_plan', null],
    ['new_due_date', null],
  ])('%s -> %s', (kind, decision) => {
    expect(creditDecisionOf(kind)).toBe(decision);
  });
});
