// One line per built strategy: the compiler rejects a strategy that catalog.ts marks implemented without a module.
import { bindStrategy } from './bind.js';
import type { ImplementedStrategy } from '../model/strategies.js';
import { containerStrategy } from './container.js';
import { hybridStrategy } from './hybrid.js';
import { nativeStrategy } from './native.js';
import type { Strategy } from './strategy.js';
import { syncStrategy } from './sync/strategy.js';
import { volumeStrategy } from './volume.js';

export const STRATEGIES = {
  native: nativeStrategy,
  container: containerStrategy,
  hybrid: hybridStrategy,
  bind: bindStrategy,
  volume: volumeStrategy,
  sync: syncStrategy,
} as const satisfies Record<ImplementedStrategy, Strategy>;
