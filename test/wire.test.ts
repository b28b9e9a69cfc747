import { describe, expect, it } from 'vitest';
import { fromWire, toSnakeCase } from '../src/core/wire';

const iso = '2021-09-27T23:06:42.261Z';
const ms = Date.UTC(2021, 8, 27, 23, 6, 42, 261);

describe('fromWire', () => {
  it('camelizes a users-service user at every depth, values untouched', () => {
    const user = {
      id: '5e9fff9d90135a2a9a718e2f',
      first_name: 'Jo',
      time_zone: 'Europe/Brussels',
      roles: [{ id: 'r1', name: 'ADMIN_ROLE', description: 'snake_case_description', permissions: [{ name: 'VIEW_USERS', description: 'may view_users' }] }],
      staff_enlistments: [{ group_id: 'g1', roles: [{ id: 'gr1', group_id: 'g1', name: 'nurse', permissions: ['VIEW_PATIENTS', 'add_notes'] }] }],
      patient_enlistments: [{ group_id: 'g2', expiry_timestamp: ms + 1, expired: false, creation_timestamp: ms }],
      creation_timestamp: ms,
    };
    expect(fromWire(user)).toEqual({
      id: '5e9fff9d90135a2a9a718e2f',
      firstName: 'Jo',
      timeZone: 'Europe/Brussels',
      roles: [{ id: 'r1', name: 'ADMIN_ROLE', description: 'snake_case_description', permissions: [{ name: 'VIEW_USERS', description: 'may view_users' }] }],
      staffEnlistments: [{ groupId: 'g1', roles: [{ id: 'gr1', groupId: 'g1', name: 'nurse', permissions: ['VIEW_PATIENTS', 'add_notes'] }] }],
      patientEnlistments: [{ groupId: 'g2', expiryTimestamp: ms + 1, expired: false, creationTimestamp: ms }],
      creationTimestamp: ms,
    });
  });

  it('reads ISO-8601 and epoch-ms *Timestamp fields at any depth as epoch ms', () => {
    const page = {
      data: [
        { id: 'a', lastUsedTimestamp: iso, creationTimestamp: ms },
        { id: 'b', lastUsedTimestamp: '2021-09-27T23:06:42Z', nested: { updateTimestamp: iso } },
      ],
      page: { total: 2, offset: 0, limit: 20 },
    };
    expect(fromWire(page)).toEqual({
      data: [
        { id: 'a', lastUsedTimestamp: ms, creationTimestamp: ms },
        { id: 'b', lastUsedTimestamp: ms - 261, nested: { updateTimestamp: ms } },
      ],
      page: { total: 2, offset: 0, limit: 20 },
    });
  });

  it('changes only *Timestamp fields, and leaves a timestamp that is no date as sent', () => {
    expect(fromWire({ timestamp: iso, createdAt: iso, note: iso, expiryTimestamp: 'soon', updateTimestamp: null })).toEqual({
      timestamp: iso,
      createdAt: iso,
      note: iso,
      expiryTimestamp: 'soon',
      updateTimestamp: null,
    });
  });

  it('leaves an epoch-ms number as sent, even one short enough to read as a year', () => {
    // Date.parse('2024') is a date: only strings are read as ISO-8601.
    expect(fromWire({ expiryTimestamp: 2024, updateTimestamp: 0 })).toEqual({ expiryTimestamp: 2024, updateTimestamp: 0 });
  });

  it('leaves camelCase answers, leading underscores, scalars and empty bodies alone', () => {
    const token = { id: 'x', applicationId: 'app', tokenSecret: 's_e_c_r_e_t', _id: 1, __v: 0 };
    expect(fromWire(token)).toEqual(token);
    expect(fromWire(undefined)).toBeUndefined();
    expect(fromWire(null)).toBeNull();
    expect(fromWire('first_name')).toBe('first_name');
    expect(fromWire([[{ a_b_c: 1 }]])).toEqual([[{ aBC: 1 }]]);
  });

  it('does not mutate its input and keeps a __proto__ key an own field', () => {
    const input = JSON.parse('{"first_name":"Jo","__proto__":{"is_admin":true}}') as Record<string, unknown>;
    const output = fromWire(input) as Record<string, unknown>;
    expect(input).toHaveProperty('first_name');
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.hasOwn(output, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('toSnakeCase', () => {
  it('snake-cases users-service bodies at every depth, values untouched', () => {
    expect(toSnakeCase({ firstName: 'Jo', newPassword: 'camelCasePassword', timeZone: 'Europe/Brussels', nested: [{ pinCode: '1234' }] })).toEqual({
      first_name: 'Jo',
      new_password: 'camelCasePassword',
      time_zone: 'Europe/Brussels',
      nested: [{ pin_code: '1234' }],
    });
    expect(toSnakeCase({ email: 'a@b.c', Id: 1 })).toEqual({ email: 'a@b.c', id: 1 });
  });

  it('is undone by fromWire', () => {
    const body = { firstName: 'Jo', phoneNumber: '+32', staffEnlistments: [{ groupId: 'g' }] };
    expect(fromWire(toSnakeCase(body))).toEqual(body);
  });
});
