// @ts-check
// The rules lint the package that defines them, as they do every other.
import { defineConfig } from './index.js';

export default defineConfig(import.meta.dirname);
