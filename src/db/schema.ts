import type { ColumnType, Insertable, Selectable } from 'kysely';

/** A row as read from the database or as just built for insert: its instants may be Date or ISO text. */
export type Stored<T> = { [K in keyof T]: T[K] extends Date ? Date | string : T[K] extends Date | null ? Date | string | null : T[K] };

/** jsonb columns: read as the value, written as its JSON text. */
export type Json<T> = ColumnType<T, string, string>;
/** timestamptz columns: read as Date, written as an ISO string or Date. */
export type Instant = ColumnType<Date, Date | string, Date | string>;

type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export interface ContactsTable {
  id: string;
  la: string;
  status: string;
  received_at: Instant;
  decision_due_by: Instant;
  priority: string;
  score: number;
  referrer_source: string;
  referrer_group: string;
  channel: string | null;
  immediate_danger: boolean | null;
  youngest_age_days: number | null;
  record: Json<Record<string, unknown>>;
  recorded_by: string;
  recorded_at: Instant;
  version: number;
  closed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

/** Stamped when a contact is closed (null until then): what stood, for audit samples and oversight. */
export interface ClosedContactColumns {
  final_outcome: string | null;
  overridden: boolean | null;
  decided_by: string | null;
  /** An unborn child counts as 0 months. */
  youngest_age_months: number | null;
}

export interface ContactChildrenTable {
  id: string;
  contact_id: string;
  la: string;
  position: number;
  person_id: string | null;
  nhs_number: string | null;
  date_of_birth: string | null;
  expected_date_of_birth: string | null;
  age_days: number | null;
  received_at: Instant;
  ethnicity: string | null;
  record: Json<Record<string, unknown>>;
}

export interface ContactAdultsTable {
  id: string;
  contact_id: string;
  position: number;
  person_id: string | null;
  role: string | null;
  record: Json<Record<string, unknown>>;
}

export interface RuleSetsTable {
  hash: string;
  version: string;
  rules: Json<Record<string, unknown>>;
  first_used_at: Instant;
}

export interface TriagesTable {
  id: string;
  contact_id: string;
  la: string;
  sequence: number;
  rule_set_hash: string;
  settings: Json<Record<string, unknown>>;
  facts: Json<Record<string, unknown>>;
  results: Json<unknown[]>;
  prompts: Json<unknown[]>;
  priority: string;
  score: number;
  /** The suggested route and urgency and the steps that reached them; null for packs without a response table. */
  route: string | null;
  urgency: string | null;
  response: NullableJson<unknown[]>;
  history_complete: boolean;
  created_at: Instant;
}

export interface AuditLogTable {
  id: string;
  la: string;
  /** The entry's leaf index in its authority's tree: null until the sequencer places it. */
  chain_index: ColumnType<number | null, number | null | undefined, number>;
  contact_id: string | null;
  action: string;
  actor_sub: string;
  actor_role: string;
  at: Instant;
  detail: Json<Record<string, unknown>>;
  hash_alg: string;
  /** Only hash-chained entries (written before the tree) have one. */
  prev_hash: string | null;
  hash: string;
  /** Write order, from a sequence: lists unplaced entries; the tree's order is chain_index. */
  seq: ColumnType<number, number | undefined, never>;
  written_at: ColumnType<Date, Date | string | undefined, never>;
}

/** Every perfect subtree of an authority's audit tree (level 0: the leaves). */
export interface AuditTreeNodesTable {
  la: string;
  level: number;
  idx: number;
  hash: Buffer;
}

export interface AuditCheckpointsTable {
  la: string;
  tree_size: number;
  root_hash: Buffer;
  signed_at: Instant;
  /** The signed note, exactly as signed. */
  note: string;
}

export interface AuditHeadsTable {
  la: string;
  chain_index: number;
  hash: string;
}

export interface DecisionsTable {
  id: string;
  contact_id: string;
  la: string;
  sequence: number;
  triage_id: string;
  outcome: string;
  rationale: string;
  prompt_responses: Json<unknown[]>;
  override_reason: string | null;
  child_seen: boolean;
  child_spoken_to: boolean;
  departures: Json<unknown[]>;
  /** The route and urgency that the decision stands on: the triage's, or the screener's change of them; null when its triage had none. */
  route: string | null;
  urgency: string | null;
  route_change_reason: string | null;
  review_due_by: ColumnType<Date | null, Date | string | null, Date | string | null>;
  decided_by: string;
  decided_at: Instant;
}

export interface ReviewsTable {
  id: string;
  contact_id: string;
  la: string;
  decision_id: string;
  verdict: string;
  outcome: string | null;
  rationale: string;
  reviewed_by: string;
  reviewed_at: Instant;
}

export interface IdempotencyKeysTable {
  la: string;
  sub: string;
  key: string;
  request_hash: string;
  holder: string;
  request_id: string;
  state: 'in_flight' | 'done';
  locked_at: Instant;
  expires_at: Instant;
  response_status: number | null;
  response_headers: ColumnType<Record<string, string> | null, string | null, string | null>;
  response_body: string | null;
}

export interface ChecksTable {
  id: string;
  la: string;
  contact_id: string;
  partner: string;
  partner_la: string | null;
  dispatch: string;
  status: string;
  priority: string;
  asks: Json<unknown[]>;
  people: Json<unknown[]>;
  requested_at: Instant;
  due_at: Instant;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: NullableInstant;
  last_error: string | null;
  dispatched_at: NullableInstant;
  partner_reference: string | null;
  overdue_at: NullableInstant;
  chased_at: NullableInstant;
  chase_count: ColumnType<number, number | undefined, number>;
  response: NullableJson<Record<string, unknown>>;
  responded_at: NullableInstant;
  response_recorded_at: NullableInstant;
  response_recorded_by: string | null;
  response_channel: string | null;
  retriage_id: string | null;
}

export interface InformationSharingTable {
  id: string;
  la: string;
  contact_id: string;
  kind: 'check' | 'disclosure';
  check_id: string | null;
  partner: string;
  shared: string | null;
  lawful_basis: string;
  special_category_condition: string | null;
  consent: 'given' | 'refused' | 'not_sought';
  without_consent_reason: string | null;
  rationale: string;
  decided_by: string;
  decided_at: Instant;
  recorded_by: string;
  recorded_at: Instant;
}

export interface FamilyExplanationsTable {
  id: string;
  la: string;
  contact_id: string;
  decision_id: string;
  audience: string;
  text: string;
  drafted_text: string;
  reading_ease: number;
  grade: number;
  reading_age: number;
  not_for_family: Json<string[]>;
  referrer_named: boolean;
  sent_by: string;
  sent_at: Instant;
}

export interface TransfersTable {
  id: string;
  la: string;
  contact_id: string;
  from_la: string | null;
  plan: string;
  moved_in_on: string | null;
  status: string;
  aware_at: Instant;
  previous_authority_notified: boolean | null;
  previous_authority_notified_at: NullableInstant;
  acknowledgement_due_at: Instant;
  conference_due_at: NullableInstant;
  acknowledged_at: NullableInstant;
  acknowledged_by: string | null;
  acknowledged_by_la: string | null;
  acknowledgement_channel: string | null;
  handover_discussion: NullableJson<Record<string, unknown>>;
  created_at: Instant;
}

export interface ReferrerFeedbackTable {
  id: string;
  la: string;
  contact_id: string;
  decision_id: string;
  review_id: string | null;
  outcome: string;
  referrer_source: string;
  referrer_group: string;
  channel: string | null;
  message: string;
  status: string;
  created_at: Instant;
  superseded_by: string | null;
  superseded_at: NullableInstant;
  sent_at: NullableInstant;
  sent_via: string | null;
  sent_by: string | null;
  sent_recorded_at: NullableInstant;
}

export interface TeamsTable {
  id: string;
  la: string;
  name: string;
  created_by: string;
  created_at: Instant;
  version: ColumnType<number, number | undefined, number>;
}

export interface TeamMembersTable {
  team_id: string;
  la: string;
  sub: string;
  role: 'screener' | 'manager';
}

export interface SecondScreenDrawsTable {
  id: string;
  la: string;
  drawn_by: string;
  drawn_at: Instant;
  seed: string;
  settings_hash: string;
  rules: Json<Record<string, unknown>>;
  considered: number;
  selected: number;
}

export interface SecondScreenConsiderationsTable {
  contact_id: string;
  decision_id: string;
  la: string;
  draw_id: string;
  draw_value: number;
  selected: boolean;
  criterion: string | null;
}

export interface SecondScreensTable {
  id: string;
  la: string;
  contact_id: string;
  decision_id: string;
  draw_id: string;
  criterion: string;
  first_outcome: string;
  first_decided_by: string;
  selected_at: Instant;
  status: string;
  screener: string | null;
  outcome: string | null;
  route: string | null;
  urgency: string | null;
  rationale: string | null;
  screened_at: NullableInstant;
  agrees: boolean | null;
  settled_by: string | null;
  settled_at: NullableInstant;
  standing: string | null;
  settled_outcome: string | null;
  settlement_rationale: string | null;
  reopened: boolean | null;
  version: ColumnType<number, number | undefined, number>;
}

export interface PracticeContactsTable {
  id: string;
  la: string;
  source: string;
  reference: string;
  title: string;
  narrative: string;
  body: Json<Record<string, unknown>>;
  expected: NullableJson<Record<string, unknown>>;
  triage: Json<Record<string, unknown>>;
  rule_set_hash: string;
  added_by: string;
  added_at: Instant;
}

export interface CalibrationExercisesTable {
  id: string;
  la: string;
  team_id: string;
  title: string;
  show_triage: boolean;
  status: 'open' | 'closed';
  created_by: string;
  created_at: Instant;
  closed_by: string | null;
  closed_at: NullableInstant;
}

export interface CalibrationItemsTable {
  exercise_id: string;
  position: number;
  practice_contact_id: string;
}

export interface CalibrationAnswersTable {
  id: string;
  la: string;
  exercise_id: string;
  practice_contact_id: string;
  screener: string;
  outcome: string;
  route: string;
  urgency: string;
  rationale: string | null;
  answered_at: Instant;
}

export interface DB {
  contacts: ContactsTable & ClosedContactColumns;
  contact_children: ContactChildrenTable;
  contact_adults: ContactAdultsTable;
  rule_sets: RuleSetsTable;
  triages: TriagesTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
  audit_tree_nodes: AuditTreeNodesTable;
  audit_checkpoints: AuditCheckpointsTable;
  decisions: DecisionsTable;
  reviews: ReviewsTable;
  idempotency_keys: IdempotencyKeysTable;
  checks: ChecksTable;
  transfers: TransfersTable;
  referrer_feedback: ReferrerFeedbackTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  second_screen_draws: SecondScreenDrawsTable;
  second_screen_considerations: SecondScreenConsiderationsTable;
  second_screens: SecondScreensTable;
  practice_contacts: PracticeContactsTable;
  calibration_exercises: CalibrationExercisesTable;
  calibration_items: CalibrationItemsTable;
  calibration_answers: CalibrationAnswersTable;
  web_sessions: WebSessionsTable;
  oidc_sign_ins: OidcSignInsTable;
  information_sharing: InformationSharingTable;
  family_explanations: FamilyExplanationsTable;
}

export type ContactRow = Selectable<ContactsTable>;
export type NewContactRow = Insertable<ContactsTable>;
export type ContactChildRow = Selectable<ContactChildrenTable>;
export type NewContactChildRow = Insertable<ContactChildrenTable>;
export type ContactAdultRow = Selectable<ContactAdultsTable>;
export type NewContactAdultRow = Insertable<ContactAdultsTable>;
export type TriageRow = Selectable<TriagesTable>;
export type NewTriageRow = Insertable<TriagesTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
export type DecisionRow = Selectable<DecisionsTable>;
export type NewDecisionRow = Insertable<DecisionsTable>;
export type ReviewRow = Selectable<ReviewsTable>;
export type NewReviewRow = Insertable<ReviewsTable>;
export type IdempotencyKeyRow = Selectable<IdempotencyKeysTable>;
export type CheckRow = Selectable<ChecksTable>;
export type NewCheckRow = Insertable<ChecksTable>;
export type TransferRow = Selectable<TransfersTable>;
export type NewTransferRow = Insertable<TransfersTable>;
export type ReferrerFeedbackRow = Selectable<ReferrerFeedbackTable>;
export type NewReferrerFeedbackRow = Insertable<ReferrerFeedbackTable>;
export type TeamRow = Selectable<TeamsTable>;
export type SecondScreenRow = Selectable<SecondScreensTable>;
export type NewSecondScreenRow = Insertable<SecondScreensTable>;
export type PracticeContactRow = Selectable<PracticeContactsTable>;
export type CalibrationExerciseRow = Selectable<CalibrationExercisesTable>;
export type CalibrationAnswerRow = Selectable<CalibrationAnswersTable>;

export interface WebSessionsTable {
  id_hash: string;
  sub: string;
  role: string;
  la: string;
  csrf: string;
  created_at: ColumnType<Date, Date | string, Date | string>;
  seen_at: ColumnType<Date, Date | string, Date | string>;
}
export interface OidcSignInsTable {
  state_hash: string;
  nonce: string;
  code_verifier: string;
  created_at: ColumnType<Date, Date | string, Date | string>;
}
export type SharingRow = Selectable<InformationSharingTable>;
export type NewSharingRow = Insertable<InformationSharingTable>;
export type FamilyExplanationRow = Selectable<FamilyExplanationsTable>;
export type NewFamilyExplanationRow = Insertable<FamilyExplanationsTable>;
