import { describe, expect, it } from 'vitest';
import { allowedActions, complaintActions, lifecycle, transition } from '../../worker/domain/lifecycle';
import { actorRoles, complaintStatuses } from '../../worker/domain/vocabulary';

describe('the lifecycle table', () => {
  it('follows the path of DESIGN.md', () => {
    expect(transition('submitted', 'forward', 'moderator')).toBe('forwarded');
    expect(transition('forwarded', 'acknowledge', 'agency')).toBe('in_progress');
    expect(transition('in_progress', 'resolve', 'agency')).toBe('resolved');
    expect(transition('resolved', 'confirm', 'citizen')).toBe('closed');
    expect(transition('resolved', 'reopen', 'citizen')).toBe('in_progress');
    expect(transition('resolved', 'close', 'system')).toBe('closed');
    expect(transition('forwarded', 'return', 'agency')).toBe('submitted');
    expect(transition('submitted', 'reject', 'moderator')).toBe('rejected');
    expect(transition('submitted', 'duplicate', 'moderator')).toBe('duplicate');
  });

  it('refuses the wrong role and the wrong status', () => {
    expect(transition('submitted', 'forward', 'agency')).toBeUndefined();
    expect(transition('submitted', 'forward', 'citizen')).toBeUndefined();
    expect(transition('forwarded', 'acknowledge', 'moderator')).toBeUndefined();
    expect(transition('resolved', 'confirm', 'agency')).toBeUndefined();
    expect(transition('closed', 'reopen', 'citizen')).toBeUndefined();
    expect(transition('rejected', 'forward', 'moderator')).toBeUndefined();
    expect(transition('closed', 'note', 'agency')).toBeUndefined();
  });

  it('ends nothing in closed, rejected or duplicate except comments', () => {
    for (const status of ['closed', 'rejected', 'duplicate'] as const) {
      for (const role of actorRoles) {
        const actions = allowedActions(status, role);
        expect(actions.every((a) => a === 'comment'), `${status}/${role}: ${actions}`).toBe(true);
      }
    }
  });

  it('names only known statuses, actions and roles', () => {
    for (const rule of lifecycle) {
      expect(complaintActions).toContain(rule.action);
      for (const s of rule.from) expect(complaintStatuses).toContain(s);
      for (const r of rule.roles) expect(actorRoles).toContain(r);
    }
  });
});
