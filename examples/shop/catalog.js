/**
 * An in-memory catalog with a position index. Latent bug: `remove` deletes the item but
 * leaves the index pointing at old positions, so later reads get the wrong item, or none.
 */
export class Catalog {
  constructor(items) {
    this.items = items.slice();
    this.index = new Map();
    this.reindex();
  }

  reindex() {
    this.index.clear();
    this.items.forEach((item, position) => this.index.set(item.id, position));
  }

  get(id) {
    const position = this.index.get(id);
    if (position === undefined) return undefined;
    const item = this.items[position];
    return { id: item.id, name: item.name, stock: item.stock };
  }

  remove(id) {
    const position = this.index.get(id);
    if (position === undefined) return false;
    this.items.splice(position, 1);
    this.index.delete(id);
    return true;
  }

  add(item) {
    this.index.set(item.id, this.items.length);
    this.items.push(item);
  }
}
