/**
 * Child process of bench/explain.ts: times the first lookup of a fresh process, which builds the
 * wording index, and prints it in milliseconds. A fresh process per sample, so every sample builds
 * the index from nothing, as a new worker does.
 */
import { explainText } from '../lib/errors/explanation-view.ts';

const t0 = performance.now();
explainText('Duplicate Document Number Error');
process.stdout.write(String(performance.now() - t0));
