import { log } from './_tla-log.mjs';
log.push('dep: start');
await null;
log.push('dep: after first await');
export const config = await new Promise((resolve) => setImmediate(() => resolve({ ready: true })));
log.push('dep: config loaded');
export function useConfig() {
  return config.ready ? 'configured' : 'not configured';
}
