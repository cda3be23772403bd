// Custom Error subclasses: name, message, instanceof, toString, stack first line, extra fields.
const FILE = import.meta.url.slice(import.meta.url.lastIndexOf('/') + 1);
const frames = (e) =>
  e.stack
    .split('\n')
    .filter((l) => l.includes(FILE))
    .map((l) => l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'));

class AppError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = this.constructor.name;
    this.timestampless = true;
  }
  get kind() {
    return 'app';
  }
}
class HttpError extends AppError {
  constructor(status, message) {
    super(`${status} ${message}`);
    this.status = status;
  }
  get kind() {
    return `http/${super.kind}`;
  }
}
class NotFound extends HttpError {
  constructor(path) {
    super(404, `not found: ${path}`);
  }
}
class NamedOnPrototype extends Error {}
NamedOnPrototype.prototype.name = 'ProtoNamed';

function load(path) {
  throw new NotFound(path);
}
try {
  load('/missing');
} catch (e) {
  console.log('name:', e.name, '| message:', e.message, '| status:', e.status, '| kind:', e.kind);
  console.log('instanceof:', [NotFound, HttpError, AppError, Error].map((C) => e instanceof C).join(','));
  console.log('toString:', String(e));
  console.log('stack first line:', e.stack.split('\n')[0]);
  console.log('frames:', frames(e).join(' <- '));
  console.log('constructor.name:', e.constructor.name);
  console.log('own keys:', Object.keys(e).join(','));
}
const p = new NamedOnPrototype('msg');
console.log('prototype name:', String(p), p.stack.split('\n')[0]);
const withCause = new AppError('outer', { cause: 'inner reason' });
console.log('cause:', withCause.cause, Object.hasOwn(withCause, 'cause'));
console.log('done');
