import type { AppEnv } from '../http/env.js';
import type { WebSession } from './session.js';

export interface WebEnv {
  Variables: AppEnv['Variables'] & { session?: WebSession; sessionExpired?: boolean };
}
