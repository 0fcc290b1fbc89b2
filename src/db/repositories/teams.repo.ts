import type { Database } from '../client.js';
import type { TeamRow } from '../schema.js';

export interface TeamMembers { screeners: string[]; managers: string[] }
export type TeamWithMembers = TeamRow & TeamMembers;

export async function insertTeam(db: Database, row: Omit<TeamRow, 'version'>, members: TeamMembers): Promise<void> {
  await db.insertInto('teams').values(row).execute();
  await insertMembers(db, row.id, row.la, members);
}

async function insertMembers(db: Database, teamId: string, la: string, members: TeamMembers): Promise<void> {
  const rows = [
    ...members.screeners.map((sub) => ({ team_id: teamId, la, sub, role: 'screener' as const })),
    ...members.managers.map((sub) => ({ team_id: teamId, la, sub, role: 'manager' as const })),
  ];
  if (rows.length > 0) await db.insertInto('team_members').values(rows).execute();
}

/** Replaces the team's members and moves its version on; null when the version given is no longer current. */
export async function replaceMembers(db: Database, team: TeamRow, name: string, members: TeamMembers): Promise<number | null> {
  const updated = await db.updateTable('teams').set({ name, version: team.version + 1 })
    .where('id', '=', team.id).where('version', '=', team.version).returning('version').executeTakeFirst();
  if (!updated) return null;
  await db.deleteFrom('team_members').where('team_id', '=', team.id).execute();
  await insertMembers(db, team.id, team.la, members);
  return updated.version;
}

export async function findTeamForUpdate(db: Database, la: string, id: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('la', '=', la).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findTeamByName(db: Database, la: string, name: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('la', '=', la).where('name', '=', name).executeTakeFirst();
}

/** Screeners of the given subs who are already in a team of the authority other than `exceptTeam`. */
export async function screenersInOtherTeams(db: Database, la: string, subs: readonly string[], exceptTeam: string | null) {
  if (subs.length === 0) return [];
  let q = db.selectFrom('team_members').select(['sub', 'team_id']).where('la', '=', la).where('role', '=', 'screener').where('sub', 'in', subs);
  if (exceptTeam) q = q.where('team_id', '!=', exceptTeam);
  return q.execute();
}

/** Teams of an authority that the user belongs to in the given role, with their members. */
export async function listTeamsOf(db: Database, la: string, sub: string, role: 'screener' | 'manager'): Promise<TeamWithMembers[]> {
  const teams = await db.selectFrom('teams').selectAll().where('la', '=', la)
    .where('id', 'in', (q) => q.selectFrom('team_members').select('team_id').where('la', '=', la).where('sub', '=', sub).where('role', '=', role))
    .orderBy('name').execute();
  return withMembers(db, teams);
}

export async function findTeam(db: Database, la: string, id: string): Promise<TeamWithMembers | undefined> {
  const team = await db.selectFrom('teams').selectAll().where('la', '=', la).where('id', '=', id).executeTakeFirst();
  return team ? (await withMembers(db, [team]))[0] : undefined;
}

async function withMembers(db: Database, teams: TeamRow[]): Promise<TeamWithMembers[]> {
  if (teams.length === 0) return [];
  const members = await db.selectFrom('team_members').select(['team_id', 'sub', 'role'])
    .where('team_id', 'in', teams.map((t) => t.id)).orderBy('sub').execute();
  return teams.map((t) => ({
    ...t,
    screeners: members.filter((m) => m.team_id === t.id && m.role === 'screener').map((m) => m.sub),
    managers: members.filter((m) => m.team_id === t.id && m.role === 'manager').map((m) => m.sub),
  }));
}
