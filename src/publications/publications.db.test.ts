import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import {
  ctxAs,
  fixedClock,
  makeAgency,
  makeOffice,
  makeUser,
  systemCtx,
  userActor,
} from '../../test/support/factories.ts';
import { seedCalendar } from '../calendar/seed-calendar.ts';
import { isDomainError } from '../errors.ts';
import { ensureCatalogue } from './seed-catalogue.ts';
import { createPublication, updatePublication } from './save-publication.ts';
import { maskPublication } from './mask-publication.ts';
import { reviewPublication } from './review-publication.ts';
import { publishPublication } from './publish-publication.ts';
import { changeValidity, withdrawPublication } from './manage-published.ts';
import { findCategoryByCode, getPublication, listCategories } from './publications.queries.ts';
import { searchDocuments } from '../search/search-index.ts';
import { scanText } from './secrecy-scan.ts';
import { INDEX_FORMAT_SETTING } from './publications.queries.ts';
import { writeSetting } from '../settings/agency-settings.ts';
import { recordDecision, recordFee } from './art20-registers.ts';
import { computeTableA } from './table-a.ts';
import { publicationStats } from './publication-stats.ts';
import { sweepPublications } from './sweep-publications.ts';
import type { Db } from '../db/database.ts';

async function expectCode(p: Promise<unknown>, code: string, re?: RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isDomainError(e), String(e));
    assert.equal(e.code, code, e.message);
    if (re) assert.match(e.message, re);
    return true;
  });
}

async function setup(db: Db, clock = fixedClock('2025-03-03T02:00:00Z')) {
  await seedCalendar(systemCtx(db, clock));
  const agency = await makeAgency(db);
  const office = await makeOffice(db, agency.id);
  const drafter = await makeUser(db, agency.id, ['drafter'], { officeId: office });
  const head = await makeUser(db, agency.id, ['office_head'], { officeId: office });
  const deputy = await makeUser(db, agency.id, ['deputy_leader']);
  const principal = await makeUser(db, agency.id, ['principal_leader']);
  const clerk = await makeUser(db, agency.id, ['clerk']);
  await ensureCatalogue(systemCtx(db, clock), agency.id);
  const as = (u: typeof drafter) => ctxAs(db, userActor(u), clock);
  const cat = (await findCategoryByCode(db, agency.id, 'notices'))!;
  return { agency, office, drafter, head, deputy, principal, clerk, as, cat, clock };
}

const draft = (categoryId: number, extra: Record<string, unknown> = {}) => ({
  categoryId: String(categoryId),
  title: '关于发放2025年春耕补贴的通知',
  issuer: '测试乡人民政府',
  docNo: '测政〔2025〕3号',
  body: '各村：\n申请人王小明（低保户），身份证号632126198001010011，电话13897412345。\n请各村于3月底前报送。',
  attribute: 'proactive',
  formedOn: '2025-03-03',
  ...extra,
});

async function approveAll(s: Awaited<ReturnType<typeof setup>>, id: number, opts: { major?: boolean } = {}) {
  const v = async () => String((await getPublication(s.as(s.drafter).db, id)).version);
  await reviewPublication(s.as(s.drafter), id, {
    step: 'first_review',
    action: 'approve',
    version: await v(),
  });
  await reviewPublication(s.as(s.head), id, {
    step: 'second_review',
    action: 'approve',
    secrecyConfirmed: '1',
    version: await v(),
  });
  await reviewPublication(s.as(s.deputy), id, {
    step: 'final_review',
    action: 'approve',
    version: await v(),
  });
  if (opts.major)
    await reviewPublication(s.as(s.principal), id, {
      step: 'principal_approval',
      action: 'approve',
      version: await v(),
    });
}

describeEachDialect('publications', (t) => {
  it('seeds the catalogue once, with art. 20 and the township items of art. 21', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    assert.equal(await ensureCatalogue(systemCtx(db), agency.id), true);
    assert.equal(await ensureCatalogue(systemCtx(db), agency.id), false);
    const codes = (await listCategories(db, agency.id)).map((c) => c.code);
    for (const c of [
      'art20_1',
      'art20_15',
      'art21_homestead',
      'policy_interpretation',
      'annual_reports',
      'work_news',
    ])
      assert.ok(codes.includes(c), c);
  });

  it('draft → scan → mask → three reviews → publish → portal search; index numbers gap-free', async () => {
    const s = await setup(t().db);
    const id = await createPublication(s.as(s.drafter), draft(s.cat.id));
    let p = await getPublication(t().db, id);
    assert.equal(p.status, 'draft');
    assert.equal(p.dueOn, '2025-03-31'); // 20 working days after 3 March 2025
    const kinds = scanText(p.bodyText).map((h) => h.kind);
    assert.deepEqual(kinds, ['sensitive_person', 'id_card', 'mobile']);
    assert.equal(await maskPublication(s.as(s.drafter), id, p.version), 3);
    p = await getPublication(t().db, id);
    assert.match(p.bodyText, /632126\*{8}0011/);
    assert.doesNotMatch(p.bodyHtml, /632126198001010011/);
    await approveAll(s, id);
    p = await getPublication(t().db, id);
    assert.equal(p.status, 'approved');
    assert.equal(p.secrecy?.signedBy, s.head.id);
    const { indexNo } = await publishPublication(s.as(s.clerk), id, p.version);
    assert.equal(indexNo, `${s.agency.code}/2025-00001`);
    const r = await searchDocuments(t().db, { q: '春耕补贴', publicOnly: true, agencyIds: [s.agency.id] });
    assert.equal(r.total, 1);
    assert.ok(r.hits[0]!.title.some((x) => x.hit && x.text.includes('春耕')));
    // A second item gets the next number.
    const id2 = await createPublication(s.as(s.drafter), draft(s.cat.id, { title: '第二条', body: '正文' }));
    await approveAll(s, id2);
    const p2 = await getPublication(t().db, id2);
    assert.equal(
      (await publishPublication(s.as(s.clerk), id2, p2.version)).indexNo,
      `${s.agency.code}/2025-00002`,
    );
  });

  it('refuses to publish an item that skipped a step, and keeps nothing half-done', async () => {
    const s = await setup(t().db);
    const id = await createPublication(s.as(s.drafter), draft(s.cat.id, { body: '无敏感信息的正文' }));
    await reviewPublication(s.as(s.drafter), id, { step: 'first_review', action: 'approve', version: '1' });
    let p = await getPublication(t().db, id);
    await expectCode(publishPublication(s.as(s.clerk), id, p.version), 'invalid_state', /审核未完成/);
    await expectCode(
      reviewPublication(s.as(s.deputy), id, {
        step: 'final_review',
        action: 'approve',
        version: String(p.version),
      }),
      'invalid_state',
      /不能跳过/,
    );
    // The office head must attest the secrecy review.
    await expectCode(
      reviewPublication(s.as(s.head), id, {
        step: 'second_review',
        action: 'approve',
        version: String(p.version),
      }),
      'validation',
      /保密审查/,
    );
    p = await getPublication(t().db, id);
    assert.equal(p.status, 'in_review');
    assert.equal(p.secrecy, null);
  });

  it('a high-risk hit blocks the secrecy review unless explained; a return needs a reason and restarts the round', async () => {
    const s = await setup(t().db);
    // A full 身份证号 cannot even be submitted (attachment-scan.db.test.ts); a mobile number can be explained.
    const id = await createPublication(
      s.as(s.drafter),
      draft(s.cat.id, { body: '联系人王小明，电话13897412345。' }),
    );
    await reviewPublication(s.as(s.drafter), id, { step: 'first_review', action: 'approve', version: '1' });
    await expectCode(
      reviewPublication(s.as(s.head), id, {
        step: 'second_review',
        action: 'approve',
        secrecyConfirmed: '1',
        version: '2',
      }),
      'validation',
      /手机号码/,
    );
    await expectCode(
      reviewPublication(s.as(s.head), id, { step: 'second_review', action: 'return', version: '2' }),
      'validation',
      /理由/,
    );
    await reviewPublication(s.as(s.head), id, {
      step: 'second_review',
      action: 'return',
      reason: '请脱敏',
      version: '2',
    });
    const p = await getPublication(t().db, id);
    assert.equal(p.status, 'returned');
    await maskPublication(s.as(s.drafter), id, p.version);
    await approveAll(s, id);
    assert.equal((await getPublication(t().db, id)).status, 'approved');
  });

  it('major items need 主要领导审定; nobody signs two steps', async () => {
    const s = await setup(t().db);
    const id = await createPublication(s.as(s.drafter), draft(s.cat.id, { body: '正文', isMajor: '1' }));
    await approveAll(s, id);
    let p = await getPublication(t().db, id);
    assert.equal(p.status, 'in_review');
    await expectCode(
      reviewPublication(s.as(s.deputy), id, {
        step: 'principal_approval',
        action: 'approve',
        version: String(p.version),
      }),
      'forbidden',
    );
    await reviewPublication(s.as(s.principal), id, {
      step: 'principal_approval',
      action: 'approve',
      version: String(p.version),
    });
    p = await getPublication(t().db, id);
    assert.equal(p.status, 'approved');
  });

  it('a duplicate 索引号 is refused and rolls back', async () => {
    const s = await setup(t().db);
    const a = await createPublication(s.as(s.drafter), draft(s.cat.id, { body: '甲' }));
    const b = await createPublication(s.as(s.drafter), draft(s.cat.id, { body: '乙' }));
    await approveAll(s, a);
    await approveAll(s, b);
    // A format without a serial (as an admin might type by mistake, bypassing the settings check).
    await writeSetting(t().db, s.agency.id, INDEX_FORMAT_SETTING, '{code}/{year}', new Date());
    await publishPublication(s.as(s.clerk), a, (await getPublication(t().db, a)).version);
    await expectCode(
      publishPublication(s.as(s.clerk), b, (await getPublication(t().db, b)).version),
      'validation',
      /索引号/,
    );
    const pb = await getPublication(t().db, b);
    assert.equal(pb.status, 'approved');
    assert.equal(pb.indexNo, null);
  });

  it('HTML with scripts and a repealed document without its repealing one are refused', async () => {
    const s = await setup(t().db);
    await expectCode(
      createPublication(s.as(s.drafter), draft(s.cat.id, { body: '<p onclick="x()">a</p>' })),
      'validation',
      /onclick/,
    );
    await expectCode(
      createPublication(s.as(s.drafter), draft(s.cat.id, { body: '<script>alert(1)</script>' })),
      'validation',
      /script/,
    );
    await expectCode(
      createPublication(s.as(s.drafter), draft(s.cat.id, { validity: 'repealed', repealedOn: '2025-01-01' })),
      'validation',
      /废止它的文件/,
    );
    // An event handler is refused like a script tag, naming the attribute.
    await expectCode(
      createPublication(
        s.as(s.drafter),
        draft(s.cat.id, { body: '<p>ok <img src="x" onerror="alert(1)"></p>' }),
      ),
      'validation',
      /onerror/,
    );
    const id = await createPublication(s.as(s.drafter), draft(s.cat.id, { body: '<p>ok <b>b</b></p>' }));
    assert.match((await getPublication(t().db, id)).bodyHtml, /ok <b>b<\/b>/);
    await expectCode(updatePublication(s.as(s.drafter), id, 99, draft(s.cat.id)), 'conflict');
  });

  it('table A from 规范性文件 and the registers, with X-INFORCE holding across years', async () => {
    const s = await setup(t().db);
    const cat = (await findCategoryByCode(t().db, s.agency.id, 'art20_1'))!;
    const docs = [];
    for (const [written, title] of [
      ['2024-05-01', '甲办法'],
      ['2025-02-01', '乙办法'],
      ['2025-02-10', '丙办法'],
    ] as const) {
      const id = await createPublication(
        s.as(s.drafter),
        draft(cat.id, { title, body: '规范性文件正文', docKind: 'normative_documents', writtenOn: written }),
      );
      await approveAll(s, id);
      await publishPublication(s.as(s.clerk), id, (await getPublication(t().db, id)).version);
      docs.push(id);
    }
    // 甲 repealed in 2025 by 乙.
    await changeValidity(s.as(s.clerk), docs[0]!, (await getPublication(t().db, docs[0]!)).version, {
      validity: 'repealed',
      repealedOn: '2025-02-01',
      repealedById: String(docs[1]),
    });
    await recordDecision(s.as(s.clerk), s.agency.id, {
      year: '2025',
      kind: 'administrative_licensing',
      count: '3',
    });
    await recordDecision(s.as(s.clerk), s.agency.id, {
      year: '2025',
      kind: 'administrative_licensing',
      title: '许可一件',
    });
    await recordDecision(s.as(s.clerk), s.agency.id, {
      year: '2025',
      kind: 'administrative_penalty',
      count: '2',
    });
    await recordFee(s.as(s.clerk), s.agency.id, { year: '2025', item: '证照工本费', amountWanYuan: '0.12' });
    await recordFee(s.as(s.clerk), s.agency.id, { year: '2025', item: '其他', amountWanYuan: '1.0003' });
    const a = await computeTableA(t().db, s.agency.id, 2025);
    assert.equal(a.cells['A.art20_1.normative_documents.issued'], 2);
    assert.equal(a.cells['A.art20_1.normative_documents.repealed'], 1);
    assert.equal(a.cells['A.art20_1.normative_documents.in_force'], 2);
    assert.equal(a.cells['A.art20_1.regulations.in_force'], 0);
    assert.equal(a.cells['A.art20_5.administrative_licensing.decisions'], 4);
    assert.equal(a.cells['A.art20_6.administrative_penalty.decisions'], 2);
    assert.equal(a.cells['A.art20_6.administrative_coercion.decisions'], 0);
    assert.equal(a.amountWanYuan, '1.1203');
    assert.equal(a.cells['A.art20_8.administrative_fees.amount_wan_yuan'], 1.1203);
    assert.deepEqual(a.findings, []);
    const prev = await computeTableA(t().db, s.agency.id, 2024);
    assert.equal(prev.cells['A.art20_1.normative_documents.in_force'], 1);
    // Withdrawing a document takes it out of the counts (it is no longer published).
    await withdrawPublication(
      s.as(s.clerk),
      docs[2]!,
      (await getPublication(t().db, docs[2]!)).version,
      '误发',
    );
    const after = await computeTableA(t().db, s.agency.id, 2025);
    assert.equal(after.cells['A.art20_1.normative_documents.issued'], 1);
    const stats = await publicationStats(t().db, s.agency.id, 2025);
    assert.equal(stats.byChannel.portal, 3);
  });

  it('bad register input is refused in Chinese', async () => {
    const s = await setup(t().db);
    await expectCode(
      recordFee(s.as(s.clerk), s.agency.id, { year: '2025', item: 'x', amountWanYuan: '1.23456' }),
      'validation',
      /4位小数/,
    );
    await expectCode(
      recordDecision(s.as(s.clerk), s.agency.id, {
        year: '2025',
        kind: 'administrative_penalty',
        count: '1.5',
      }),
      'validation',
      /整数/,
    );
    await expectCode(
      recordFee(s.as(s.drafter), s.agency.id, { year: '2025', item: 'x', amountWanYuan: '1' }),
      'forbidden',
    );
  });

  it('the daily sweep notifies about due-soon and overdue items once a day', async () => {
    const clock = fixedClock('2025-03-25T02:00:00Z');
    const s = await setup(t().db, clock);
    const id = await createPublication(
      s.as(s.drafter),
      draft(s.cat.id, { body: '正文', formedOn: '2025-03-03' }),
    );
    const n = await sweepPublications(systemCtx(t().db, clock));
    assert.ok(n >= 3, `wrote ${n}`); // drafter, clerk, office head
    assert.equal(await sweepPublications(systemCtx(t().db, clock)), 0);
    const notes = await t()
      .db.selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', s.drafter.id)
      .where('link', '=', `/office/publications/${id}`)
      .execute();
    assert.match(notes[0]!.title, /即将到期/);
    clock.set('2025-04-02T02:00:00Z');
    await sweepPublications(systemCtx(t().db, clock));
    const later = await t()
      .db.selectFrom('notifications')
      .select('title')
      .where('user_id', '=', s.drafter.id)
      .execute();
    assert.ok(later.some((x) => /已超期/.test(x.title)));
  });
});
