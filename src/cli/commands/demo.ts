import { command } from '../command.js';
import { demo as runDemo } from '../demo.js';
import { UsageError } from '../usage.js';

/** `kheiron demo`: exit code 0 only when the repairs worked. */
export const demo = command({
  name: 'demo',
  usage: '[--seconds N] [--connections N] [--console [--open]]',
  summary:
    'A service with two latent bugs under load; repairs attached and detached while it runs. Exit code 0 when the ' +
    'repairs worked. --console shows it in the web console.',
  options: {
    seconds: { type: 'string' },
    connections: { type: 'string', default: '16' },
    console: { type: 'boolean' },
    open: { type: 'boolean' },
  },
  noPositionals: true,
  run: async ({ values }) => {
    // In the browser the story is easier to follow at a slower pace.
    const phaseMs = Number(values.seconds ?? (values.console ? '8' : '3')) * 1000;
    const connections = Number(values.connections);
    if (!(phaseMs > 0) || !(connections > 0))
      throw new UsageError('demo: --seconds and --connections must be positive numbers');
    return runDemo({ phaseMs, connections, console: values.console === true, open: values.open === true });
  },
});
