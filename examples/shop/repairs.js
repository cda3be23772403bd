// Repairs for the shop, attached at run time: kheiron demo does it without a restart.
import { defineRules, invariant, retry } from 'kheiron';

export default defineRules(
  'shop-repairs',
  // The catalog's index must point at the item it names (for reads and removals alike);
  // when it does not, rebuild it before the call.
  invariant(
    { module: 'examples/shop/catalog.js', name: 'Catalog.prototype.{get,remove}' },
    function indexPointsAtItem(ctx) {
      const [id] = ctx.args;
      const position = ctx.this.index.get(id);
      return position === undefined || ctx.this.items[position]?.id === id;
    },
    {
      id: 'catalog-index',
      when: 'before',
      repair: function reindex(ctx) {
        ctx.this.reindex();
      },
    },
  ),
  // The inventory's connection resets are transient: try again, with a short backoff.
  retry('examples/shop/inventory.js#Inventory.prototype.quote', {
    id: 'inventory-retry',
    // Under load other calls share the failing connection: allow a long run of resets.
    attempts: 10,
    backoff: { initial: 2, max: 20 },
    when: (error) => error?.code === 'ECONNRESET',
  }),
);
