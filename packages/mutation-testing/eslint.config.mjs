// @ts-check
import { defineConfig } from '@testbed/eslint-config';

export default defineConfig(import.meta.dirname);
