import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presentRequest, REQUEST_API_FIELDS } from './request-presenter.ts';
import type { InfoRequest } from '../../requests/request.ts';

test('the API view lists its fields: no ID number, tracking code, applicant key or unlisted column', () => {
  const r = Object.fromEntries(REQUEST_API_FIELDS.map((k) => [k, `v-${k}`])) as unknown as InfoRequest;
  Object.assign(r, {
    idNumber: '630121199001011234',
    trackingCode: 'ABCDEFGH',
    applicantKey: 'secret-key',
    aColumnAddedLater: 'leak?',
  });
  const v = presentRequest(r) as unknown as Record<string, unknown>;
  assert.deepEqual(Object.keys(v).sort(), [...REQUEST_API_FIELDS, 'idNumberMasked'].sort());
  assert.equal(v.idNumberMasked, '630***********1234');
  for (const bad of ['idNumber', 'trackingCode', 'applicantKey', 'aColumnAddedLater'])
    assert.ok(!(bad in v), bad);
});
