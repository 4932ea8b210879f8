// The workflow table: who may take which step from which status, four eyes on approval, and
// reasons where a reason is owed.
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../platform/auth/principal.js';
import type { NoticeStatus } from './notice.types.js';
import { availableActions, planStep } from './notice.workflow.js';

const person = (
  bureau: string,
  roles: Principal['roles'],
  id = `${bureau}-${roles.join('+')}`,
): Principal => ({
  type: 'user',
  id,
  name: id,
  bureau,
  unitId: null,
  roles,
  capabilities: ['databases', 'notices'],
});
const officer = person('FR', ['officer'], 'author');
const supervisor = person('FR', ['officer', 'supervisor']);
const reviewer = person('XG', ['gs_reviewer']);
const otherSupervisor = person('JO', ['officer', 'supervisor']);
const notice = (status: NoticeStatus, kind: 'notice' | 'diffusion' = 'notice') => ({
  kind,
  status,
  requestingBureau: 'FR',
  createdById: 'author',
});

describe('notice workflow', () => {
  it('walks a notice from draft to publication', () => {
    expect(planStep(supervisor, 'approve', notice('draft'))).toEqual({ ok: true, to: 'approved' });
    expect(planStep(supervisor, 'submit', notice('approved'))).toEqual({ ok: true, to: 'submitted' });
    expect(planStep(reviewer, 'take', notice('submitted'))).toEqual({ ok: true, to: 'under_review' });
    expect(planStep(reviewer, 'publish', notice('under_review'))).toEqual({ ok: true, to: 'published' });
    expect(planStep(supervisor, 'extend', notice('published'), 'still sought')).toEqual({
      ok: true,
      to: 'published',
    });
    expect(planStep(supervisor, 'cancel', notice('published'), 'arrested')).toEqual({
      ok: true,
      to: 'cancelled',
    });
  });

  it('sends a diffusion on submission, without review, and lets either side withdraw it', () => {
    expect(planStep(supervisor, 'submit', notice('approved', 'diffusion'))).toEqual({
      ok: true,
      to: 'published',
    });
    expect(planStep(reviewer, 'take', notice('published', 'diffusion')).ok).toBe(false);
    expect(planStep(reviewer, 'withdraw', notice('published', 'diffusion'), 'political')).toEqual({
      ok: true,
      to: 'withdrawn',
    });
    expect(planStep(supervisor, 'withdraw', notice('published', 'diffusion'), 'located')).toEqual({
      ok: true,
      to: 'withdrawn',
    });
    expect(planStep(reviewer, 'confirm_compliance', notice('published', 'diffusion'))).toEqual({
      ok: true,
      to: 'published',
    });
  });

  it('confirms the compliance of a diffusion once', () => {
    const checked = { ...notice('published', 'diffusion'), complianceChecked: true };
    expect(planStep(reviewer, 'confirm_compliance', checked)).toMatchObject({
      ok: false,
      code: 'already_checked',
    });
    expect(availableActions(reviewer, checked)).toEqual(['withdraw']);
  });

  it('keeps each party to its own steps', () => {
    expect(planStep(officer, 'approve', notice('draft'))).toMatchObject({ ok: false, status: 403 });
    expect(planStep(otherSupervisor, 'approve', notice('draft'))).toMatchObject({ ok: false, status: 403 });
    expect(planStep(supervisor, 'publish', notice('under_review'))).toMatchObject({ ok: false, status: 403 });
    expect(planStep(reviewer, 'cancel', notice('published'), 'no')).toMatchObject({ ok: false, status: 403 });
    // A reviewer's role outside the General Secretariat is no reviewer.
    expect(planStep(person('FR', ['gs_reviewer']), 'take', notice('submitted'))).toMatchObject({ ok: false });
  });

  it('refuses steps from the wrong status', () => {
    expect(planStep(reviewer, 'publish', notice('submitted'))).toMatchObject({
      ok: false,
      code: 'wrong_status',
    });
    expect(planStep(supervisor, 'submit', notice('draft'))).toMatchObject({
      ok: false,
      code: 'wrong_status',
    });
    expect(planStep(supervisor, 'cancel', notice('refused'), 'x y z')).toMatchObject({
      ok: false,
      code: 'wrong_status',
    });
    expect(planStep(supervisor, 'extend', notice('expired'), 'x y z')).toMatchObject({
      ok: false,
      code: 'wrong_status',
    });
  });

  it('wants four eyes on approval and a reason where one is owed', () => {
    const selfMade = { ...notice('draft'), createdById: supervisor.id };
    expect(planStep(supervisor, 'approve', selfMade)).toMatchObject({ ok: false, code: 'four_eyes' });
    expect(planStep(reviewer, 'refuse', notice('under_review'))).toMatchObject({
      ok: false,
      status: 400,
      field: 'reason',
    });
    expect(planStep(reviewer, 'request_info', notice('under_review'), '  ')).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(planStep(reviewer, 'refuse', notice('under_review'), 'Article 3: political')).toEqual({
      ok: true,
      to: 'refused',
    });
  });

  it('needs the notices capability', () => {
    const noCap = { ...supervisor, capabilities: ['databases'] } as Principal;
    expect(planStep(noCap, 'approve', notice('draft'))).toMatchObject({
      ok: false,
      code: 'missing_capability',
    });
  });

  it('lists the buttons each party has', () => {
    expect(availableActions(reviewer, notice('under_review'))).toEqual(['request_info', 'refuse', 'publish']);
    expect(availableActions(supervisor, notice('published'))).toEqual(['cancel', 'extend']);
    expect(availableActions(officer, notice('draft'))).toEqual([]);
    expect(availableActions(supervisor, notice('info_requested'))).toEqual(['submit', 'cancel']);
  });
});
