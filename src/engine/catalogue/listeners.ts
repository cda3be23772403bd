import { OptionError } from '../errors.js';

/** What `onBreak` and the like return: `dispose()` (or `using`) removes the listener. */
export interface Disposable {
  dispose(): void;
  [Symbol.dispose](): void;
}

/** The listeners of one typed event of a catalogue entry. */
export class Listeners<T> {
  private readonly listeners = new Set<(event: T) => void>();

  add(listener: (event: T) => void): Disposable {
    if (typeof listener !== 'function')
      throw new OptionError(`kheiron: a listener must be a function, got ${typeof listener}`);
    // A wrapper per call: the same function added twice is removed once per dispose.
    const entry = (event: T): void => listener(event);
    this.listeners.add(entry);
    const dispose = (): void => void this.listeners.delete(entry);
    return { dispose, [Symbol.dispose]: dispose };
  }

  /** Calls every listener; one that throws is reported as a warning, never thrown into the call. */
  emit(event: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        process.emitWarning(`a listener threw: ${error instanceof Error ? error.message : String(error)}`, {
          type: 'KheironWarning',
        });
      }
    }
  }
}
