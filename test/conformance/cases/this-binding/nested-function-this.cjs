// Classic sloppy-mode pitfall: inner functions do not inherit `this`.
var widget = {
  id: 'w1',
  items: ['a', 'b'],
  renderBroken: function () {
    return this.items.map(function (item) {
      return (this === globalThis ? 'GLOBAL' : this.id) + '/' + item;
    });
  },
  renderSelf: function () {
    var self = this;
    return this.items.map(function (item) {
      return self.id + '/' + item;
    });
  },
  renderArrow: function () {
    return this.items.map((item) => this.id + '/' + item);
  },
  renderBind: function () {
    return this.items.map(
      function (item) {
        return this.id + '/' + item;
      }.bind(this)
    );
  },
  deep: function () {
    function level1() {
      function level2() {
        return this === globalThis;
      }
      return [this === globalThis, level2()];
    }
    return level1();
  },
};

console.log(widget.renderBroken().join(' '));
console.log(widget.renderSelf().join(' '));
console.log(widget.renderArrow().join(' '));
console.log(widget.renderBind().join(' '));
console.log('deep:', widget.deep().join(','));

globalThis.id = 'from-global';
console.log(widget.renderBroken.call({ id: 'x', items: ['z'] }).join(' '));
delete globalThis.id;
console.log('done');
