// One configuration for every package: scripts/cem.config.mjs.
export { default } from '../../scripts/cem.config.mjs';
