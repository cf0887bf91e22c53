// Choose the platforms a run uses: the current one by default, named ones, or every reachable one.
import { UsageError } from '../errors.js';
import type { Endpoint } from './endpoint.js';

export interface Selection {
  names?: string[];
  all: boolean;
}

export function matches(endpoint: Endpoint, name: string): boolean {
  return endpoint.name === name || endpoint.aliases.includes(name);
}

/** The endpoints asked for, in the order asked. `--all-platforms` returns them all; reachability is checked later. */
export function selectEndpoints(endpoints: Endpoint[], selection: Selection): Endpoint[] {
  if (selection.all) return endpoints;
  if (selection.names && selection.names.length > 0) {
    return selection.names.map((name) => {
      const found = endpoints.find((e) => matches(e, name));
      if (!found) {
        throw new UsageError(
          `no platform named "${name}". Known: ${endpoints.map((e) => e.name).join(', ')} (see: mountbench platforms)`,
        );
      }
      return found;
    });
  }
  return endpoints.filter((e) => e.current).slice(0, 1);
}
