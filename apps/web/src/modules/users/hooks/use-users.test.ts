import { describe, expect, it } from 'vitest';
import { assignableRoles } from './use-users';

describe('assignableRoles', () => {
  it('lets a county administrator hand out only county-level roles', () => {
    expect(assignableRoles(['county_admin'])).toEqual([
      'county_admin',
      'station_staff',
      'enterprise_admin',
      'enterprise_user',
    ]);
  });

  it('gives nothing to roles that do not manage users', () => {
    expect(assignableRoles(['expert', 'dept_officer'])).toEqual([]);
  });
});
