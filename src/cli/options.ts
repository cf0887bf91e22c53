// Options that several commands share.
import { Option } from '@commander-js/extra-typings';

export const contextOption = () => new Option('--context <name>', 'use this docker context as the current platform (like docker --context)');
