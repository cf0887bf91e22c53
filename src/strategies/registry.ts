// One line per built strategy: the compiler rejects a strategy that catalog.ts marks implemented without a module.
import { bindStrategy } from './bind.js';
import { containerStrategy } from './container.js';
import { hybridStrategy } from './hybrid.js';
import { nativeStrategy } from './native.js';
import type { StrategyList } from '../bench/strategy.js';
import { syncStrategy } from './sync/strategy.js';
import { volumeStrategy } from './volume.js';

export const STRATEGIES = {
  native: nativeStrategy,
  container: containerStrategy,
  hybrid: hybridStrategy,
  bind: bindStrategy,
  volume: volumeStrategy,
  sync: syncStrategy,
} as const satisfies StrategyList;
