// The shop service on its own: node --import kheiron/register examples/shop/main.js
import { startServer } from './server.js';

const server = await startServer(Number(process.env.PORT ?? 0));
console.log(`shop listening on http://127.0.0.1:${server.address().port}`);
