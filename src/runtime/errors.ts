/** A bad option or argument given to Kheiron: says which, and what it got. */
export class OptionError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'TypeError';
  }
  readonly code = 'ERR_KHEIRON_INVALID_OPTION';
}
