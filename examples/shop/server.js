import { createServer } from 'node:http';
import { Catalog } from './catalog.js';
import { Inventory } from './inventory.js';

const ITEMS = Array.from({ length: 200 }, (_, i) => ({ id: i + 1, name: `item-${i + 1}`, stock: (i * 7) % 13 }));

export function startServer(port = 0) {
  const catalog = new Catalog(ITEMS);
  const inventory = new Inventory();
  let nextId = ITEMS.length + 1;

  const server = createServer(async (req, res) => {
    const [, kind, raw] = (req.url ?? '').split('/');
    const id = Number(raw);
    try {
      if (kind === 'items' && req.method === 'GET') {
        const item = catalog.get(id);
        return send(res, item ? 200 : 404, item ?? { error: 'not found' });
      }
      if (kind === 'items' && req.method === 'DELETE') {
        // Keep the catalog full: every removal is followed by a new item.
        const removed = catalog.remove(id);
        if (removed) catalog.add({ id: nextId++, name: `item-${nextId}`, stock: 1 });
        return send(res, removed ? 200 : 404, { removed });
      }
      if (kind === 'price' && req.method === 'GET') return send(res, 200, await inventory.quote(id));
      send(res, 404, { error: 'no route' });
    } catch (error) {
      send(res, 500, { error: String(error?.message ?? error) });
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
