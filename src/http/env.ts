import type { Logger } from 'pino';
import type { Actor } from '../domain/actor.js';

export interface AppEnv {
  Variables: {
    actor: Actor;
    requestId: string;
    logger: Logger;
  };
}
