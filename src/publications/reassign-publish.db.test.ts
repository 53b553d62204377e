import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import {
  fixedClock,
  makeDraftPublication,
  makePublicationDesk,
  makeUser,
  signReview,
} from '../../test/support/factories.ts';
import { isDomainError } from '../errors.ts';
import { publishPublication } from './publish-publication.ts';
import { reassignReview } from './reassign-review.ts';
import { getPublication } from './publications.queries.ts';
import { waitingOfPublication } from './waiting.ts';

describeEachDialect('reassigning the publish step, and stale reassignments', (t) => {
  it('an admin hands the publish step to a named person; a form built before a signature is refused with who did what', async () => {
    const { db } = t();
    const clock = fixedClock('2025-03-03T02:00:00Z');
    const desk = await makePublicationDesk(db, clock);
    const { agency, office, deputy, as } = desk;
    const admin = await makeUser(db, agency.id, ['admin']);
    const other = await makeUser(db, agency.id, ['drafter'], { officeId: office });
    const id = await makeDraftPublication(desk, {
      title: '关于春耕备耕工作的通知',
      body: '各村要做好春耕备耕工作，确保农资供应。',
    });
    const version = async () => String((await getPublication(db, id)).version);
    await signReview(desk, id, 'first_review');
    await signReview(desk, id, 'second_review');
    // The admin opens the page while the item waits at the final review …
    const seen = await version();
    await signReview(desk, id, 'final_review');
    // … and sends the reassignment after the deputy signed: refused, naming who did what and the state now.
    await assert.rejects(
      reassignReview(as(admin), id, { version: seen, userId: String(other.id), reason: '负责人出差' }),
      (e: unknown) => {
        assert.ok(isDomainError(e) && e.code === 'conflict', String(e));
        assert.match(e.message, new RegExp(`${deputy.displayName}已于2025-03-03 10:00“审核签批”`));
        assert.match(e.message, /当前状态为“待发布”/);
        return true;
      },
    );

    // The publish step is reassignable like a review step: the named person is told and may publish.
    const waiting = await waitingOfPublication(db, id);
    assert.equal(waiting[0]!.kind, 'publication.publish');
    assert.ok(waiting[0]!.step, 'the publish step can be reassigned');
    await reassignReview(as(admin), id, {
      version: await version(),
      userId: String(other.id),
      reason: '党政办人员休假',
    });
    const after = await waitingOfPublication(db, id);
    assert.deepEqual(after[0]!.persons, { userIds: [other.id], via: 'assigned' });
    const told = await db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', other.id)
      .where('kind', '=', 'publication.publish')
      .execute();
    assert.equal(told.length, 1);
    const r = await publishPublication(as(other), id, Number(await version()));
    assert.ok(r.indexNo);
    assert.equal((await getPublication(db, id)).status, 'published');
  });
});
