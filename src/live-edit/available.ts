/**
 * Whether this process can have an in-process inspector session: Node built with the
 * inspector and, under the permission model, allowed to open it. Loads `node:inspector` only
 * to try that.
 */
export function inspectorAvailable(): boolean {
  if (!process.features.inspector) return false;
  if (!(process as { permission?: unknown }).permission) return true;
  try {
    const { Session } = process.getBuiltinModule('node:inspector');
    const session = new Session();
    session.connect();
    session.disconnect();
    return true;
  } catch {
    return false;
  }
}
