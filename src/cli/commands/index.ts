/**
 * The `kheiron` commands, one table: the help text, `kheiron <command> --help`, the usage
 * errors and the dispatch are all made from it (kheiron.ts).
 */
import type { Command } from '../command.js';
import { attach } from './attach.js';
import { audit } from './audit.js';
import { console } from './console.js';
import { demo } from './demo.js';
import { detach } from './detach.js';
import { functions } from './functions.js';
import { inject } from './inject.js';
import { ps } from './ps.js';
import { run } from './run.js';
import { status } from './status.js';
import { watch } from './watch.js';

export const COMMANDS: readonly Command<any>[] = [
  run,
  ps,
  functions,
  status,
  attach,
  detach,
  audit,
  watch,
  inject,
  console,
  demo,
];
