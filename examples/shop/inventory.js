/** A remote inventory service: every fifth call fails with a transient connection reset. */
export class Inventory {
  constructor() {
    this.calls = 0;
  }

  async quote(id) {
    this.calls++;
    await new Promise((resolve) => setImmediate(resolve));
    if (this.calls % 5 === 0) {
      const error = new Error('inventory: connection reset');
      error.code = 'ECONNRESET';
      throw error;
    }
    return { id, price: 10 + (id % 7) };
  }
}
