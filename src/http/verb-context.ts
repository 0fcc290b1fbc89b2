import type { Context } from 'hono';
import type { Deps, VerbContext } from '../domain/context.js';
import type { AppEnv } from './env.js';

export function verbContext(c: Context<AppEnv>, deps: Deps): VerbContext {
  return { deps: { ...deps, logger: c.get('logger') ?? deps.logger }, actor: c.get('actor'), requestId: c.get('requestId') };
}
