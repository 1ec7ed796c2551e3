/** The anchor server as a process of its own: `node --import tsx bench/bare.ts`. */
import { bareApp } from './http.ts';

const { url } = await bareApp();
process.stdout.write(`Bare Fastify is listening on ${url}\n`);
