import { describe, expect, it } from 'vitest';
import { hasPermission, type ExhUser } from '../../src/core';

const user = {
  id: 'u1',
  firstName: 'Ana',
  lastName: 'Peeters',
  email: 'ana@example.com',
  phoneNumber: '',
  language: 'EN',
  timeZone: 'Europe/Brussels',
  activation: true,
  creationTimestamp: 0,
  updateTimestamp: 0,
  roles: [{ id: 'r1', name: 'Reviewer', description: '', permissions: [{ name: 'VIEW_REPORTS', description: '' }] }],
  staffEnlistments: [
    { groupId: 'g1', roles: [{ id: 'gr1', groupId: 'g1', name: 'Nurse', description: '', permissions: ['VIEW_PATIENTS'] }] },
    { groupId: 'g2' },
  ],
} satisfies ExhUser;

describe('hasPermission', () => {
  it('finds a global permission by name, in any group too', () => {
    expect(hasPermission(user, 'VIEW_REPORTS')).toBe(true);
    expect(hasPermission(user, 'VIEW_REPORTS', { groupId: 'g9' })).toBe(true);
    expect(hasPermission(user, 'DELETE_REPORTS')).toBe(false);
  });

  it('finds a group permission only in the enlistment of that group', () => {
    expect(hasPermission(user, 'VIEW_PATIENTS', { groupId: 'g1' })).toBe(true);
    expect(hasPermission(user, 'VIEW_PATIENTS', { groupId: 'g2' })).toBe(false);
    expect(hasPermission(user, 'VIEW_PATIENTS')).toBe(false);
  });

  it('is false without a user, roles, enlistments or permissions', () => {
    expect(hasPermission(null, 'VIEW_REPORTS')).toBe(false);
    expect(hasPermission(undefined, 'VIEW_REPORTS')).toBe(false);
    const bare = { ...user, roles: [{ id: 'r', name: 'n', description: '' }], staffEnlistments: undefined };
    expect(hasPermission(bare, 'VIEW_REPORTS')).toBe(false);
    expect(hasPermission(bare, 'VIEW_PATIENTS', { groupId: 'g1' })).toBe(false);
  });

  it('looks through every role and every permission, not only the first', () => {
    const many = {
      ...user,
      roles: [
        { id: 'r0', name: 'Reader', description: '', permissions: [{ name: 'VIEW_NEWS', description: '' }] },
        { id: 'r1', name: 'Reviewer', description: '', permissions: [{ name: 'VIEW_NEWS', description: '' }, { name: 'VIEW_REPORTS', description: '' }] },
      ],
      staffEnlistments: [
        {
          groupId: 'g1',
          roles: [
            { id: 'gr0', groupId: 'g1', name: 'Porter', description: '', permissions: ['VIEW_ROOMS'] },
            { id: 'gr1', groupId: 'g1', name: 'Nurse', description: '', permissions: ['VIEW_ROOMS', 'VIEW_PATIENTS'] },
          ],
        },
      ],
    } satisfies ExhUser;
    expect(hasPermission(many, 'VIEW_REPORTS')).toBe(true);
    expect(hasPermission(many, 'VIEW_PATIENTS', { groupId: 'g1' })).toBe(true);
  });

  it('finds a group permission of a user without global roles', () => {
    expect(hasPermission({ ...user, roles: undefined }, 'VIEW_PATIENTS', { groupId: 'g1' })).toBe(true);
  });
});
