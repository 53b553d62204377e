import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../context.ts';
import type { Role } from '../org/roles.ts';
import { countyPolicy } from './county.policy.ts';

const COUNTY = 1;
const TOWN = 2;
const OTHER_COUNTY = 3;
const townScope = { agencyId: TOWN, ancestorIds: [COUNTY] };

const user = (agencyId: number, ...roles: Role[]): Actor => ({
  kind: 'user',
  userId: 10,
  agencyId,
  officeId: null,
  villageId: null,
  name: '测试',
  roles,
});

test('county view: the county inspector and the county supervisor see the dashboard and read agencies below; nobody else', () => {
  const rows: [string, Actor, { viewDashboard: boolean; readAgency: boolean }][] = [
    ['county inspector', user(COUNTY, 'inspector'), { viewDashboard: true, readAgency: true }],
    ['county supervisor', user(COUNTY, 'supervisor'), { viewDashboard: true, readAgency: true }],
    ['other county supervisor', user(OTHER_COUNTY, 'supervisor'), { viewDashboard: true, readAgency: false }],
    ['county admin', user(COUNTY, 'admin'), { viewDashboard: false, readAgency: false }],
    ['township clerk', user(TOWN, 'clerk'), { viewDashboard: false, readAgency: false }],
    ['township inspector', user(TOWN, 'inspector'), { viewDashboard: true, readAgency: false }],
    ['other county inspector', user(OTHER_COUNTY, 'inspector'), { viewDashboard: true, readAgency: false }],
    ['public', { kind: 'public' }, { viewDashboard: false, readAgency: false }],
  ];
  for (const [who, actor, want] of rows) {
    assert.equal(countyPolicy.viewDashboard(actor), want.viewDashboard, `${who} viewDashboard`);
    assert.equal(countyPolicy.readAgency(actor, townScope), want.readAgency, `${who} readAgency`);
  }
});
