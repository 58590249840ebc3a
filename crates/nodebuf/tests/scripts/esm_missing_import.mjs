// A static import that does not resolve stops the module before it runs.
import './does-not-exist.mjs';

console.log('never printed');
