import type { Generated } from 'kysely';

/** Tables of the foundation: organisation, people, sessions, audit, calendar, jobs, settings. */
export interface FoundationTables {
  agencies: AgencyTable;
  offices: OfficeTable;
  villages: VillageTable;
  users: UserTable;
  password_history: PasswordHistoryTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  calendar_years: CalendarYearTable;
  calendar_days: CalendarDayTable;
  regional_holidays: RegionalHolidayTable;
  jobs: JobTable;
  notifications: NotificationTable;
  notification_prefs: NotificationPrefTable;
  work_assignments: WorkAssignmentTable;
  agency_settings: AgencySettingTable;
  rate_limits: RateLimitTable;
  serials: SerialTable;
}

export interface AgencyTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string;
  kind: string;
  parent_id: number | null;
  is_people_government: number;
  disclosure_office_id: number | null;
  created_at: string;
  updated_at: string;
}
export interface OfficeTable {
  id: Generated<number>;
  agency_id: number;
  name: string;
  sort_order: number;
  created_at: string;
  /** Reviews this office's items when it has no head user (issue 10); else the disclosure office's head does. */
  substitute_user_id: number | null;
}
export interface VillageTable {
  id: Generated<number>;
  agency_id: number;
  name: string;
  code: string | null;
  sort_order: number;
  created_at: string;
}
export interface UserTable {
  id: Generated<number>;
  agency_id: number;
  office_id: number | null;
  village_id: number | null;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  is_active: number;
  phone: string | null;
  email: string | null;
  last_login_at: string | null;
  password_changed_at: string | null;
  created_at: string;
  updated_at: string;
}
/** Earlier password hashes (reuse of the last few is refused). */
export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: string;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}
export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}
export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: string;
  actor_user_id: number | null;
  actor_name: string | null;
  agency_id: number | null;
  ip: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  before_json: string | null;
  after_json: string | null;
  note: string | null;
}
export interface CalendarYearTable {
  year: number;
  source_title: string;
  source_doc_no: string | null;
  source_url: string | null;
  version: number;
  loaded_by: number | null;
  loaded_by_name: string | null;
  loaded_at: string;
}
export interface CalendarDayTable {
  date: string;
  year: number;
  is_workday: number;
  name: string;
}
export interface RegionalHolidayTable {
  id: Generated<number>;
  agency_id: number;
  date: string;
  name: string;
  basis: string | null;
  created_at: string;
}
export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload_json: string;
  run_at: string;
  status: string;
  attempts: number;
  max_attempts: number;
  unique_key: string | null;
  locked_by: string | null;
  locked_at: string | null;
  finished_at: string | null;
  last_error: string | null;
  created_at: string;
}
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}
export interface AgencySettingTable {
  agency_id: number;
  key: string;
  value_json: string;
  updated_at: string;
}
export interface RateLimitTable {
  key: string;
  window_start: string;
  count: number;
}
export interface SerialTable {
  scope: string;
  next_value: number;
}

/** A user's choice of e-mail for one notification kind (no row: the kind's default). */
export interface NotificationPrefTable {
  user_id: number;
  kind: string;
  email: number;
}

/** An admin's reassignment of a waiting step (request approval, publication review step …) to a named person. */
export interface WorkAssignmentTable {
  id: Generated<number>;
  agency_id: number;
  object_type: string;
  object_id: number;
  step: string;
  user_id: number;
  reason: string;
  assigned_by_name: string;
  created_at: string;
}
