import { itIsAWorkingExample } from './helpers.js';

// A page with one module script and no framework: markup in HTML, the property set from JavaScript.
itIsAWorkingExample('plain');
