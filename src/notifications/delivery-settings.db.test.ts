import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { ctxAs, makeAgency, makeUser, userActor } from '../../test/support/factories.ts';
import { up as mergeQuietHours } from '../db/migrations/2026_12_02_0600_merge_quiet_hours.ts';
import { deliverySettings } from './delivery-settings.ts';
import { updateDeliverySettings } from './update-delivery-settings.ts';
import { getRequestSettings } from '../requests/settings.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';

const put = (db: Parameters<typeof deliverySettings>[0], agencyId: number, key: string, value: unknown) =>
  db
    .insertInto('agency_settings')
    .values({
      agency_id: agencyId,
      key,
      value_json: JSON.stringify(value),
      updated_at: '2026-11-30T00:00:00Z',
    })
    .execute();

describeEachDialect('SMS quiet hours: one setting', (t) => {
  it('the upgrade moves the 依申请公开 pair into notifications.delivery for installations that set either', async () => {
    const { db } = t();
    const onlyRequests = await makeAgency(db);
    const onlyDelivery = await makeAgency(db);
    const both = await makeAgency(db);
    const defaults = await makeAgency(db);
    await put(db, onlyRequests.id, 'requests', {
      alertDays: [5, 3],
      smsQuietStart: '22:00',
      smsQuietEnd: '07:30',
    });
    await put(db, onlyDelivery.id, 'notifications.delivery', {
      smsQuietStart: '20:00',
      smsQuietEnd: '09:00',
    });
    await put(db, both.id, 'requests', { smsQuietStart: '23:00', smsQuietEnd: '06:00' });
    await put(db, both.id, 'notifications.delivery', { smsQuietStart: '20:00', smsQuietEnd: '09:00' });
    await put(db, defaults.id, 'requests', { smsQuietStart: '21:00', smsQuietEnd: '08:00' });
    await put(db, defaults.id, 'notifications.delivery', { smsQuietStart: '20:30', smsQuietEnd: '08:00' });
    await mergeQuietHours(db);

    assert.deepEqual(await deliverySettings(db, onlyRequests.id), {
      smsQuietStart: '22:00',
      smsQuietEnd: '07:30',
    });
    assert.deepEqual(await deliverySettings(db, onlyDelivery.id), {
      smsQuietStart: '20:00',
      smsQuietEnd: '09:00',
    });
    // Both set: the pair the admin edited on the 依申请公开 page (the only form there was) wins.
    assert.deepEqual(await deliverySettings(db, both.id), { smsQuietStart: '23:00', smsQuietEnd: '06:00' });
    // The requests' pair left at the default does not overwrite a stored delivery value.
    assert.deepEqual(await deliverySettings(db, defaults.id), {
      smsQuietStart: '20:30',
      smsQuietEnd: '08:00',
    });
    const raw = await db
      .selectFrom('agency_settings')
      .select('value_json')
      .where('agency_id', '=', onlyRequests.id)
      .where('key', '=', 'requests')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(raw.value_json), { alertDays: [5, 3] });
    assert.deepEqual((await getRequestSettings(db, onlyRequests.id)).alertDays, [5, 3]);
  });

  it('an administrator changes them, audited; others are refused; a bad time names the field', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const admin = await makeUser(db, agency.id, ['admin']);
    const clerk = await makeUser(db, agency.id, ['clerk']);
    const ctx = ctxAs(db, userActor(admin));
    await updateDeliverySettings(ctx, agency.id, { smsQuietStart: '22:00', smsQuietEnd: '07:00' });
    assert.deepEqual(await deliverySettings(db, agency.id), { smsQuietStart: '22:00', smsQuietEnd: '07:00' });
    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'after_json'])
      .where('agency_id', '=', agency.id)
      .where('action', '=', 'settings.update')
      .executeTakeFirstOrThrow();
    assert.match(audit.after_json ?? '', /notifications\.delivery/);
    await assert.rejects(
      updateDeliverySettings(ctxAs(db, userActor(clerk)), agency.id, {
        smsQuietStart: '22:00',
        smsQuietEnd: '07:00',
      }),
      ForbiddenError,
    );
    await assert.rejects(
      updateDeliverySettings(ctx, agency.id, { smsQuietStart: '25:00', smsQuietEnd: '7点' }),
      (e: unknown) =>
        e instanceof ValidationError && 'smsQuietStart' in e.fieldErrors && 'smsQuietEnd' in e.fieldErrors,
    );
  });
});
