// Default parameters have their own TDZ: later params cannot be read by earlier defaults.
function attempt(label, fn) {
  try {
    console.log(`${label}:`, fn());
  } catch (e) {
    console.log(`${label}: ${e.constructor.name}: ${e.message}`);
  }
}

function earlierRefersLater(a = b, b = 2) {
  return [a, b].join(',');
}
attempt('a = b (b not yet initialized)', () => earlierRefersLater());
attempt('a passed explicitly', () => earlierRefersLater(1));

function laterRefersEarlier(a = 1, b = a * 10) {
  return [a, b].join(',');
}
attempt('b = a * 10', () => laterRefersEarlier());

function selfRef(a = a) {
  return a;
}
attempt('a = a', () => selfRef());
attempt('a = a with argument', () => selfRef('given'));

function bodyNotVisible(a = typeof bodyVar) {
  var bodyVar = 'body';
  return a;
}
attempt('body var not visible in params', () => bodyNotVisible());

function closureOverLater(f = () => later, later = 'later-value') {
  return f();
}
attempt('closure over later param called after init', () => closureOverLater());

const arrow = (x = y, y = 1) => x;
attempt('arrow defaults TDZ', () => arrow());
console.log('done');
