// Annex B: a labelled function declaration is allowed in sloppy mode and is hoisted like a normal one.
console.log('before definition:', typeof labelled, labelled());

outerLabel: function labelled() {
  return 'labelled function result';
}

function inner() {
  var before = typeof innerLabelled;
  lbl: function innerLabelled() {
    return 'inner labelled';
  }
  return before + ' / ' + innerLabelled();
}
console.log('inside a function:', inner());

function labelledInBlock() {
  var seen = typeof blockLabelled;
  {
    blk: function blockLabelled() {
      return 'block labelled';
    }
  }
  return seen + ' / ' + blockLabelled();
}
console.log('labelled inside a block (Annex B var binding):', labelledInBlock());

function strictRejects() {
  try {
    new Function('"use strict"; lbl: function f() {}');
    return 'accepted';
  } catch (e) {
    return e.constructor.name;
  }
}
console.log('strict mode rejects labelled functions:', strictRejects());
console.log('done');
