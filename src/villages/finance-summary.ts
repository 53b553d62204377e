/**
 * Plain-language summary of a finance item for villagers: totals, the largest entries, and the change from the
 * previous period of the same template. Pure; amounts in 分.
 */
import type { Values } from './item-template.ts';
import { formatMoney } from './item-template.ts';

export interface FinanceSummary {
  income: number;
  expense: number;
  opening: number | null;
  closing: number | null;
  largestExpenses: { summary: string; amount: number }[];
  largestIncomes: { summary: string; amount: number }[];
  previous: { income: number; expense: number } | null;
  sentences: string[];
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export function financeSummary(values: Values, previous: Values | null): FinanceSummary | null {
  const lines = values.lines;
  if (!Array.isArray(lines)) return null;
  const income = num(values.totalIncome) || lines.reduce((s, l) => s + num(l.income), 0);
  const expense = num(values.totalExpense) || lines.reduce((s, l) => s + num(l.expense), 0);
  const top = (col: 'income' | 'expense') =>
    lines
      .filter((l) => num(l[col]) > 0)
      .map((l) => ({ summary: String(l.summary ?? ''), amount: num(l[col]) }))
      .sort((a, b) => b.amount - a.amount)
      .slice(0, 3);
  const prev =
    previous && Array.isArray(previous.lines)
      ? { income: num(previous.totalIncome), expense: num(previous.totalExpense) }
      : null;
  const s: string[] = [`本期收入${formatMoney(income)}元，支出${formatMoney(expense)}元。`];
  const le = top('expense');
  if (le.length)
    s.push(`支出最多的是：${le.map((x) => `${x.summary}（${formatMoney(x.amount)}元）`).join('；')}。`);
  if (prev) {
    const d = expense - prev.expense;
    s.push(
      d === 0
        ? '支出与上期持平。'
        : `支出比上期${d > 0 ? '增加' : '减少'}${formatMoney(Math.abs(d))}元${prev.expense > 0 ? `（${d > 0 ? '+' : '−'}${Math.round((Math.abs(d) / prev.expense) * 100)}%）` : ''}。`,
    );
  }
  if (typeof values.closing === 'number') s.push(`期末结余${formatMoney(values.closing)}元。`);
  return {
    income,
    expense,
    opening: typeof values.opening === 'number' ? values.opening : null,
    closing: typeof values.closing === 'number' ? values.closing : null,
    largestExpenses: le,
    largestIncomes: top('income'),
    previous: prev,
    sentences: s,
  };
}
