/**
 * Every feature's wiring into the shared registries (job handlers, schedules, calendar hooks). Imported once by
 * src/setup.ts, which every entry point (server, CLI, tests that prepare a database) goes through, so a calendar
 * loaded from the CLI recomputes open deadlines exactly as one loaded in the web does.
 */
import './requests/register.ts';
import './publications/register.ts';
import './villages/register.ts';
