/**
 * vitest global set-up: train the answering model for the shipped content once, before any test
 * file runs, so the many files and child processes that start the bot load it from the cache
 * (node_modules/.cache/skillbot) instead of each training it at the same moment.
 */
import { createAnswerer } from '../../src/answer/engine.ts';
import { loadContent } from '../../src/content/load.ts';

export default function setup(): void {
  createAnswerer(loadContent('content'));
}
