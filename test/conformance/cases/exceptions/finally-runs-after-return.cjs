// finally runs after the return expression is evaluated, but before the caller resumes.
var log = [];
function value(label) {
  log.push('evaluate ' + label);
  return label;
}
function f() {
  try {
    log.push('try body');
    return value('return-expr');
  } finally {
    log.push('finally');
  }
}
var r = f();
log.push('caller got ' + r);
console.log(log.join(' -> '));

log.length = 0;
function loop() {
  for (var i = 0; i < 3; i++) {
    try {
      if (i === 1) return value('loop-return-' + i);
      log.push('iteration ' + i);
    } finally {
      log.push('finally ' + i);
    }
  }
}
loop();
console.log(log.join(' -> '));

log.length = 0;
function nested() {
  try {
    try {
      return value('inner');
    } finally {
      log.push('inner finally');
    }
  } finally {
    log.push('outer finally');
  }
}
log.push('result ' + nested());
console.log(log.join(' -> '));

log.length = 0;
function breakInFinally() {
  for (var i = 0; i < 2; i++) {
    try {
      return value('discarded-' + i);
    } finally {
      log.push('finally breaks');
      break;
    }
  }
  return 'after loop';
}
console.log(breakInFinally(), '|', log.join(' -> '));
console.log('done');
