// The workflow of a notice or diffusion, as data: for each action, who may take it, from which
// statuses, to which status, and whether a reason is required. The service asks `planStep` and
// either gets the step to write or the refusal to send; nothing else decides a transition.
//
//   notice:    draft → approved (supervisor) → submitted → under_review (GS reviewer)
//                → published | info_requested (back to the bureau, then submitted again) | refused
//              published → cancelled (requesting bureau) | expired (review date) | extended
//   diffusion: draft → approved (supervisor) → published ("sent", straight to its recipients)
//                → checked for compliance afterwards: confirmed, or withdrawn (by the GS or the bureau)
import { GENERAL_SECRETARIAT, hasRole, type Principal, type Role } from '../../platform/auth/principal.js';
import type { NoticeKind, NoticeStatus } from './notice.types.js';

export const NOTICE_ACTIONS = [
  'approve',
  'submit',
  'take',
  'request_info',
  'refuse',
  'publish',
  'cancel',
  'withdraw',
  'confirm_compliance',
  'extend',
] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

type Party = 'requesting_supervisor' | 'gs_reviewer' | 'requesting_or_gs';

interface Rule {
  kinds: readonly NoticeKind[];
  from: readonly NoticeStatus[];
  to: NoticeStatus | 'same';
  by: Party;
  reasonRequired: boolean;
}

const RULES: Record<NoticeAction, Rule> = {
  approve: {
    kinds: ['notice', 'diffusion'],
    from: ['draft'],
    to: 'approved',
    by: 'requesting_supervisor',
    reasonRequired: false,
  },
  // A diffusion is sent on submission: no prior review.
  submit: {
    kinds: ['notice'],
    from: ['approved', 'info_requested'],
    to: 'submitted',
    by: 'requesting_supervisor',
    reasonRequired: false,
  },
  take: {
    kinds: ['notice'],
    from: ['submitted'],
    to: 'under_review',
    by: 'gs_reviewer',
    reasonRequired: false,
  },
  request_info: {
    kinds: ['notice'],
    from: ['under_review'],
    to: 'info_requested',
    by: 'gs_reviewer',
    reasonRequired: true,
  },
  refuse: {
    kinds: ['notice'],
    from: ['under_review'],
    to: 'refused',
    by: 'gs_reviewer',
    reasonRequired: true,
  },
  publish: {
    kinds: ['notice'],
    from: ['under_review'],
    to: 'published',
    by: 'gs_reviewer',
    reasonRequired: false,
  },
  cancel: {
    kinds: ['notice'],
    from: ['draft', 'approved', 'submitted', 'under_review', 'info_requested', 'published'],
    to: 'cancelled',
    by: 'requesting_supervisor',
    reasonRequired: true,
  },
  withdraw: {
    kinds: ['diffusion'],
    from: ['draft', 'approved', 'published'],
    to: 'withdrawn',
    by: 'requesting_or_gs',
    reasonRequired: true,
  },
  confirm_compliance: {
    kinds: ['diffusion'],
    from: ['published'],
    to: 'same',
    by: 'gs_reviewer',
    reasonRequired: false,
  },
  extend: {
    kinds: ['notice', 'diffusion'],
    from: ['published'],
    to: 'same',
    by: 'requesting_supervisor',
    reasonRequired: true,
  },
};

/** A diffusion's "submit" sends it: the same button, another rule. */
const SEND_DIFFUSION: Rule = {
  kinds: ['diffusion'],
  from: ['approved'],
  to: 'published',
  by: 'requesting_supervisor',
  reasonRequired: false,
};

export function ruleFor(action: NoticeAction, kind: NoticeKind): Rule {
  return action === 'submit' && kind === 'diffusion' ? SEND_DIFFUSION : RULES[action];
}

export type StepPlan =
  | { ok: true; to: NoticeStatus }
  | { ok: false; status: 403 | 409 | 400; code: string; detail: string; field?: string };

interface Subject {
  kind: NoticeKind;
  status: NoticeStatus;
  requestingBureau: string;
  createdById: string;
  /** A sent diffusion the General Secretariat has already checked for compliance. */
  complianceChecked?: boolean;
}

function isParty(p: Principal, by: Party, requestingBureau: string): boolean {
  const supervisor = p.bureau === requestingBureau && hasRole(p, 'supervisor');
  const reviewer = p.bureau === GENERAL_SECRETARIAT && hasRole(p, 'gs_reviewer');
  if (by === 'requesting_supervisor') return supervisor;
  if (by === 'gs_reviewer') return reviewer;
  return supervisor || reviewer;
}

const WHO: Record<Party, string> = {
  requesting_supervisor: 'a supervisor of the requesting bureau',
  gs_reviewer: 'a General Secretariat reviewer',
  requesting_or_gs: 'a supervisor of the requesting bureau or a General Secretariat reviewer',
};

/** Decides whether `principal` may take `action` on the notice now, and where it leads. */
export function planStep(principal: Principal, action: NoticeAction, n: Subject, reason?: string): StepPlan {
  const rule = ruleFor(action, n.kind);
  if (!rule.kinds.includes(n.kind)) {
    return {
      ok: false,
      status: 409,
      code: 'not_for_kind',
      detail: `A ${n.kind} cannot be ${pastOf(action)}`,
    };
  }
  if (!principal.capabilities.includes('notices')) {
    return {
      ok: false,
      status: 403,
      code: 'missing_capability',
      detail: 'Notices need the notices capability',
    };
  }
  if (!isParty(principal, rule.by, n.requestingBureau)) {
    return { ok: false, status: 403, code: 'forbidden', detail: `Only ${WHO[rule.by]} may do this` };
  }
  if (!rule.from.includes(n.status)) {
    return {
      ok: false,
      status: 409,
      code: 'wrong_status',
      detail: `A ${n.kind} that is ${n.status} cannot be ${pastOf(action)}`,
    };
  }
  if (action === 'confirm_compliance' && n.complianceChecked) {
    return { ok: false, status: 409, code: 'already_checked', detail: 'Its compliance was checked already' };
  }
  // Four eyes: what leaves the bureau is approved by someone other than its author.
  if (action === 'approve' && principal.id === n.createdById) {
    return {
      ok: false,
      status: 409,
      code: 'four_eyes',
      detail: 'Another supervisor than the author must approve it',
    };
  }
  if (rule.reasonRequired && !(reason && reason.trim().length >= 3)) {
    return { ok: false, status: 400, code: 'invalid_input', detail: 'reason: is required', field: 'reason' };
  }
  return { ok: true, to: rule.to === 'same' ? n.status : rule.to };
}

/** Who may change a notice's content: its bureau's officers, while it is theirs to change. */
export const EDITABLE: readonly NoticeStatus[] = ['draft', 'approved', 'info_requested'];
export const EDITOR_ROLES: readonly Role[] = ['officer', 'supervisor'];

/** The actions `principal` could take now (for the console's buttons). */
export function availableActions(principal: Principal, n: Subject): NoticeAction[] {
  return NOTICE_ACTIONS.filter((a) => {
    const plan = planStep(principal, a, n, 'xxx');
    return plan.ok;
  });
}

function pastOf(action: NoticeAction): string {
  const past: Record<NoticeAction, string> = {
    approve: 'approved',
    submit: 'submitted',
    take: 'taken for review',
    request_info: 'sent back for information',
    refuse: 'refused',
    publish: 'published',
    cancel: 'cancelled',
    withdraw: 'withdrawn',
    confirm_compliance: 'confirmed compliant',
    extend: 'extended',
  };
  return past[action];
}
