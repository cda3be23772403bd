/** An LRU cache with a latent bug: a capacity of 0 makes `set` evict from an empty map. */
export class LruCache {
  #map = new Map();
  constructor(capacity) {
    this.capacity = capacity;
  }
  get size() {
    return this.#map.size;
  }
  get(key) {
    if (!this.#map.has(key)) return undefined;
    const value = this.#map.get(key);
    this.#map.delete(key);
    this.#map.set(key, value);
    return value;
  }
  set(key, value) {
    this.#map.delete(key);
    this.#map.set(key, value);
    this.#evict();
    return this;
  }
  #evict() {
    while (this.#map.size > this.capacity) {
      const oldest = this.#map.keys().next();
      if (oldest.done) throw new Error('evict: cache is empty');
      this.#map.delete(oldest.value);
    }
  }
}
