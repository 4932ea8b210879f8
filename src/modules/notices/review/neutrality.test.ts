import { describe, expect, it } from 'vitest';
import { charged, testNotice } from '../../../../test/support/notice.js';
import { NEUTRALITY_RULES, neutralityFlags } from './neutrality.js';
import { RULE_LANGUAGES } from './rule-set.js';

const codes = (n: Parameters<typeof neutralityFlags>[0]) => neutralityFlags(n).map((f) => f.code);
const rules = (n: Parameters<typeof neutralityFlags>[0]) => neutralityFlags(n).map((f) => f.details?.rule);

describe('neutrality flags (Article 3)', () => {
  it('has rules of every character, each with terms in the four languages', () => {
    const characters = new Set(NEUTRALITY_RULES.map((r) => r.rule.character));
    expect([...characters].sort()).toEqual(['military', 'political', 'racial', 'religious']);
    for (const { rule } of NEUTRALITY_RULES) {
      for (const lang of RULE_LANGUAGES)
        expect(rule.terms[lang].length, `${rule.id} ${lang}`).toBeGreaterThan(0);
    }
  });

  it('flags a desertion charge as military, naming the field and the words', () => {
    const flags = neutralityFlags(charged('Desertion', 'He deserted from his unit in 2021.'));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      code: 'neutrality.military',
      severity: 'problem',
      field: 'data.charges.0.offence',
      details: { rule: 'desertion', match: 'Desertion', fields: 2 },
    });
  });

  it('flags desertion written in French, Spanish and Arabic', () => {
    expect(rules(charged('Désertion à l’étranger'))).toContain('desertion');
    expect(rules(charged('Delito de deserción'))).toContain('desertion');
    expect(rules(charged('الفرار من الخدمة العسكرية'))).toContain('desertion');
  });

  it('flags refusal of military service', () => {
    expect(rules(charged('Refusal to perform military service'))).toEqual(['military_service_refusal']);
    expect(rules(charged('التهرب من الخدمة العسكرية'))).toEqual(['military_service_refusal']);
  });

  it('flags "blasphémie" as religious, whatever the accents', () => {
    for (const offence of ['Blasphémie', 'BLASPHÉMIE', 'blasphemie', 'Blasphe\u0301mie']) {
      expect(codes(charged(offence)), offence).toEqual(['neutrality.religious']);
    }
  });

  it('flags Arabic التجديف as religious, with or without harakat and prefixes', () => {
    for (const offence of ['التجديف', 'التَّجْدِيفُ', 'تهمة بالتجديف']) {
      const flags = neutralityFlags(charged(offence));
      expect(
        flags.map((f) => f.code),
        offence,
      ).toEqual(['neutrality.religious']);
      expect(flags[0]?.details?.rule).toBe('blasphemy');
    }
  });

  it('flags apostasy, but not an Arabic "reaction" (ردة فعل)', () => {
    expect(rules(charged('الردة'))).toEqual(['apostasy']);
    expect(rules(charged('Apostasy'))).toEqual(['apostasy']);
    expect(rules(charged('Murder', 'وكانت ردة فعله عنيفة فقتل الضحية'))).toEqual([]);
  });

  it('flags insulting the President as political, in the facts too', () => {
    const flags = neutralityFlags(
      charged('Public order offence', 'He was filmed insulting the President at a rally.'),
    );
    expect(flags.map((f) => [f.code, f.details?.rule, f.field])).toContainEqual([
      'neutrality.political',
      'insulting_head_of_state',
      'data.charges.0.facts',
    ]);
    expect(rules(charged('Offense au chef de l’État'))).toContain('insulting_head_of_state');
    expect(rules(charged('إهانة رئيس الدولة'))).toContain('insulting_head_of_state');
  });

  it('flags opposition membership, separatism, sedition, false news, espionage and ethnicity', () => {
    expect(rules(charged('الانتماء إلى حزب معارض'))).toContain('opposition_membership');
    expect(rules(charged('Participation in an unauthorised demonstration'))).toContain(
      'unauthorised_demonstration',
    );
    expect(rules(charged('Separatism'))).toContain('separatism');
    expect(rules(charged('Undermining the constitutional order'))).toContain('constitutional_order');
    expect(rules(charged('Sedición'))).toContain('sedition');
    expect(rules(charged('Spreading false news against the State'))).toContain('false_news');
    expect(rules(charged('Espionnage'))).toContain('espionage');
    expect(codes(charged('Murder', 'He was targeted for his ethnic origin.'))).toEqual(['neutrality.racial']);
  });

  it('reads the summary and other parts of the data, but not the subject’s names', () => {
    const inSummary = testNotice({ data: { summary: 'Wanted for blasphemy.' } });
    expect(neutralityFlags(inSummary)[0]?.field).toBe('data.summary');
    const orange = testNotice({
      type: 'orange',
      data: {
        threat: { kind: 'person', description: 'Leads a network of deserters.', imminence: 'serious' },
      },
    });
    expect(neutralityFlags(orange).map((f) => f.field)).toEqual(['data.threat.description']);
    const named = testNotice({ subject: { familyName: 'Traitor', aliases: ['The Deserter'] } });
    expect(neutralityFlags(named)).toEqual([]);
  });

  it('does not flag an ordinary murder charge', () => {
    expect(neutralityFlags(testNotice())).toEqual([]);
    expect(neutralityFlags(charged('Meurtre', 'Il a tué la victime avec une arme à feu.'))).toEqual([]);
    expect(neutralityFlags(charged('القتل العمد', 'قتل الضحية بسلاح ناري في الشارع'))).toEqual([]);
  });

  it('gives one flag per rule, however often it matches', () => {
    const n = testNotice({
      title: 'Desertion',
      data: { charges: [{ offence: 'Desertion', facts: 'Deserted from his unit.' }], summary: 'A deserter.' },
    });
    const flags = neutralityFlags(n);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.details?.fields).toBe(4);
  });
});
