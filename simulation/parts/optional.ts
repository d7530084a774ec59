/** Parts a scenario may switch on. */
import type { Scenario } from '../scenario';
import type { Clients } from './clients';
import type { Service } from './service';
import type { Windows } from './windows';
import type { World } from './world';

export interface OptionalParts {
  reconfigure(s: Scenario): void;
}

export function addOptionalParts(
  _world: World,
  _parts: { command: Service; query: Service; clients: Clients; windows: Windows },
): OptionalParts {
  return { reconfigure: () => {} };
}
