import type { TeamWithMembers } from '../../db/repositories/teams.repo.js';
import { isoInstant as iso } from '../../lib/dates.js';

export function teamView(team: TeamWithMembers) {
  return {
    id: team.id, name: team.name, screeners: team.screeners, managers: team.managers,
    createdBy: team.created_by, createdAt: iso(team.created_at), version: team.version,
  };
}
