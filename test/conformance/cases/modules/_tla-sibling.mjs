import { log } from './_tla-log.mjs';
log.push('sibling: evaluated (no await)');
export const sibling = 'sibling value';
