/**
 * The State Council holiday notices (《国务院办公厅关于YYYY年部分节假日安排的通知》) for the years gongkai ships
 * with, as data (disclosure-rules.md §4 point 4: the calendar is data loaded per year, never computed or hard-coded
 * into the arithmetic). Each rest day and make-up working day is listed as the notice states it; the test beside
 * this file checks them day for day against the chinese-days package.
 */
import { addDays } from './dates.ts';

export interface CalendarSource {
  /** Title of the notice. */
  title: string;
  /** 文号 as printed on the notice. */
  docNo: string | null;
  /** Official URL. */
  url: string | null;
}

/** One holiday item of a notice: its rest days (放假) and make-up working days (调休上班). */
export interface NoticeHoliday {
  name: string;
  restDays: string[];
  makeupWorkdays: string[];
}

export interface HolidayNotice {
  year: number;
  source: CalendarSource;
  /** Date of issue. */
  issuedOn: string;
  holidays: NoticeHoliday[];
}

/** Every date from `from` to `to`, both included. */
function span(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** 国办发明电〔2023〕7号, issued 2023-10-25. */
const NOTICE_2024: HolidayNotice = {
  year: 2024,
  source: {
    title: '国务院办公厅关于2024年部分节假日安排的通知',
    docNo: '国办发明电〔2023〕7号',
    url: 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm',
  },
  issuedOn: '2023-10-25',
  holidays: [
    // 一、元旦：1月1日放假，与周末连休。
    { name: '元旦', restDays: ['2024-01-01'], makeupWorkdays: [] },
    // 二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
    {
      name: '春节',
      restDays: span('2024-02-10', '2024-02-17'),
      makeupWorkdays: ['2024-02-04', '2024-02-18'],
    },
    // 三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
    { name: '清明节', restDays: span('2024-04-04', '2024-04-06'), makeupWorkdays: ['2024-04-07'] },
    // 四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
    {
      name: '劳动节',
      restDays: span('2024-05-01', '2024-05-05'),
      makeupWorkdays: ['2024-04-28', '2024-05-11'],
    },
    // 五、端午节：6月10日放假，与周末连休。
    { name: '端午节', restDays: ['2024-06-10'], makeupWorkdays: [] },
    // 六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
    { name: '中秋节', restDays: span('2024-09-15', '2024-09-17'), makeupWorkdays: ['2024-09-14'] },
    // 七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
    {
      name: '国庆节',
      restDays: span('2024-10-01', '2024-10-07'),
      makeupWorkdays: ['2024-09-29', '2024-10-12'],
    },
  ],
};

/** 国办发明电〔2024〕12号, issued 2024-11-12 (first year under the 2024 revision of the 放假办法). */
const NOTICE_2025: HolidayNotice = {
  year: 2025,
  source: {
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    docNo: '国办发明电〔2024〕12号',
    url: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
  },
  issuedOn: '2024-11-12',
  holidays: [
    // 一、元旦：1月1日（周三）放假1天，不调休。
    { name: '元旦', restDays: ['2025-01-01'], makeupWorkdays: [] },
    // 二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
    {
      name: '春节',
      restDays: span('2025-01-28', '2025-02-04'),
      makeupWorkdays: ['2025-01-26', '2025-02-08'],
    },
    // 三、清明节：4月4日（周五）至6日（周日）放假，共3天。
    { name: '清明节', restDays: span('2025-04-04', '2025-04-06'), makeupWorkdays: [] },
    // 四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
    { name: '劳动节', restDays: span('2025-05-01', '2025-05-05'), makeupWorkdays: ['2025-04-27'] },
    // 五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
    { name: '端午节', restDays: span('2025-05-31', '2025-06-02'), makeupWorkdays: [] },
    // 六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
    {
      name: '国庆节、中秋节',
      restDays: span('2025-10-01', '2025-10-08'),
      makeupWorkdays: ['2025-09-28', '2025-10-11'],
    },
  ],
};

/** 国办发明电〔2025〕7号, issued 2025-11-04. */
const NOTICE_2026: HolidayNotice = {
  year: 2026,
  source: {
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    docNo: '国办发明电〔2025〕7号',
    url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
  },
  issuedOn: '2025-11-04',
  holidays: [
    // 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    { name: '元旦', restDays: span('2026-01-01', '2026-01-03'), makeupWorkdays: ['2026-01-04'] },
    // 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
    {
      name: '春节',
      restDays: span('2026-02-15', '2026-02-23'),
      makeupWorkdays: ['2026-02-14', '2026-02-28'],
    },
    // 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
    { name: '清明节', restDays: span('2026-04-04', '2026-04-06'), makeupWorkdays: [] },
    // 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
    { name: '劳动节', restDays: span('2026-05-01', '2026-05-05'), makeupWorkdays: ['2026-05-09'] },
    // 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
    { name: '端午节', restDays: span('2026-06-19', '2026-06-21'), makeupWorkdays: [] },
    // 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
    { name: '中秋节', restDays: span('2026-09-25', '2026-09-27'), makeupWorkdays: [] },
    // 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
    {
      name: '国庆节',
      restDays: span('2026-10-01', '2026-10-07'),
      makeupWorkdays: ['2026-09-20', '2026-10-10'],
    },
  ],
};

/** The notices shipped with gongkai, oldest first; seeded into an empty database. */
export const HOLIDAY_NOTICES: readonly HolidayNotice[] = [NOTICE_2024, NOTICE_2025, NOTICE_2026];
