var state = { count: 0 };
module.exports = {
  count: 0,
  increment: function () {
    this.count++;
    state.count++;
    return this;
  },
  arrowIncrement: () => {
    state.count++;
    return this;
  },
  report: function () {
    return 'this.count=' + this.count + ' closure count=' + state.count;
  },
};
