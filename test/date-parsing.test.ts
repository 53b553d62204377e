/**
 * Strict dates everywhere a date is typed: every form schema with a date field refuses a day that does not exist
 * (2026-02-30 was stored in five places before), and no schema checks a date with a bare pattern any more — they
 * all use the one parser, src/calendar/date-input.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import * as requests from '../src/requests/request.schema.ts';
import * as publications from '../src/publications/publication.schema.ts';
import { DecisionInput as VillageDecisionInput } from '../src/villages/record-decision.ts';
import { AccountabilityInput } from '../src/supervision/assessment.ts';
import { TrainingInput } from '../src/supervision/trainings.ts';
import { ProblemInput } from '../src/supervision/record-problem.ts';
import { SuperviseInput } from '../src/supervision/supervise-problem.ts';
import { CommentCallInput } from '../src/inquiries/inquiry.schema.ts';
import { SetCalendarDayInput } from '../src/calendar/set-calendar-day.ts';
import { RegionalHolidayInput } from '../src/calendar/manage-regional-holidays.ts';
import { DateQuery } from '../src/open-data/open-data.ts';
import { RecordCorrectionInput } from '../src/requests/record-corrections.ts';

type Obj = z.ZodObject<z.ZodRawShape>;
const FIELDS: [string, Obj, string[]][] = [
  ['依申请登记', requests.RegisterRequestInput as unknown as Obj, ['submittedOn']],
  ['确认', requests.ConfirmInput as unknown as Obj, ['confirmedOn']],
  ['补正收到', requests.CorrectionReceivedInput as unknown as Obj, ['receivedOn']],
  ['送达', requests.NoticeDeliveryInput as unknown as Obj, ['deliveredOn']],
  ['收费', requests.FeePaymentInput as unknown as Obj, ['paidOn']],
  ['复议诉讼', requests.AppealInput as unknown as Obj, ['filedOn', 'concludedOn']],
  ['说明理由', requests.ReasonsReceivedInput as unknown as Obj, ['answeredOn']],
  ['延迟答复', requests.LaterReplyInput as unknown as Obj, ['laterOn']],
  ['更正', RecordCorrectionInput as unknown as Obj, ['receivedOn']],
  ['主动公开', publications.PublicationInput as unknown as Obj, ['writtenOn']],
  ['收费登记', publications.FeeInput as unknown as Obj, ['collectedOn']],
  [
    '四议两公开',
    VillageDecisionInput as unknown as Obj,
    ['proposedOn', 'consultedOn', 'partyMeetingOn', 'assemblyOn'],
  ],
  ['责任追究', AccountabilityInput as unknown as Obj, ['decidedOn']],
  ['培训', TrainingInput as unknown as Obj, ['heldOn']],
  ['问题', ProblemInput as unknown as Obj, ['deadline']],
  ['督办', SuperviseInput as unknown as Obj, ['answerBy']],
  ['意见征集', CommentCallInput as unknown as Obj, ['closesOn']],
  ['工作日历', SetCalendarDayInput as unknown as Obj, ['date']],
  ['地方假日', RegionalHolidayInput as unknown as Obj, ['date']],
  ['开放数据', DateQuery as unknown as Obj, ['date']],
];

/** The object shape under refinements, pipes and preprocessing. */
function shapeOf(s: unknown): z.ZodRawShape {
  let cur = s as { shape?: z.ZodRawShape; _zod: { def: Record<string, unknown> } };
  for (let i = 0; i < 5 && !cur.shape; i++) {
    const d = cur._zod.def;
    cur = (d.in ?? d.innerType ?? d.schema ?? d.out) as typeof cur;
  }
  assert.ok(cur.shape);
  return cur.shape;
}

test('every date field of every form refuses 2026-02-30 with a Chinese message and accepts 2026-02-28', () => {
  for (const [form, schema, fields] of FIELDS) {
    for (const f of fields) {
      const field = shapeOf(schema)[f] as z.ZodType | undefined;
      assert.ok(field, `${form}.${f} exists`);
      const bad = field.safeParse('2026-02-30');
      assert.equal(bad.success, false, `${form}.${f} refuses 2026-02-30`);
      assert.match(bad.error!.issues[0]!.message, /[\u4e00-\u9fff]/, `${form}.${f}: Chinese message`);
      assert.equal(field.safeParse('2026-02-28').success, true, `${form}.${f} accepts 2026-02-28`);
    }
  }
});

test('no schema checks a date with a bare YYYY-MM-DD pattern (one parser only)', () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) {
        const text = fs.readFileSync(p, 'utf8');
        // a pattern alone lets 2026-02-30 through; a pattern followed by the strict refine is fine
        for (const m of text.matchAll(/\.regex\(\/\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$\/[^\n]*\n?(?<next>[^\n]*)/g))
          if (!/isValidDateInput/.test(m.groups?.next ?? '') && !/\.describe\(/.test(m.groups?.next ?? ''))
            offenders.push(p);
        if (/Date\.parse\(`\$\{/.test(text)) offenders.push(`${p} (Date.parse rolls over)`);
      }
    }
  };
  walk(path.join(import.meta.dirname, '..', 'src'));
  assert.deepEqual(offenders, []);
});
