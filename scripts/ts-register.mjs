// `node --import ./scripts/ts-register.mjs --test …` runs TypeScript tests.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
