/** The working-day calendar: what the feature plugs in (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { calendarSeed } from './seed-calendar.ts';
import { calendarRoutes } from '../web/routes/office/calendar.tsx';
import { calendarReminderWidget } from '../web/calendar-widget.tsx';
import { calendarCommand } from '../cli/commands/calendar.ts';

// A function, not a constant: the CLI's commands and set-up import each other through this list, and a
// function declaration is ready before any module of the cycle runs.
export function calendarFeature(): Feature {
  return {
    name: 'calendar',
    routes: [calendarRoutes],
    nav: [{ href: '/office/calendar', label: '工作日历', roles: [], order: 85 }],
    widgets: [{ order: 5, widget: calendarReminderWidget }],
    seeds: [calendarSeed],
    commands: [calendarCommand],
  };
}
