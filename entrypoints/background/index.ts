/** The service worker: wiring only (lib/background/start-worker.ts registers every listener). */
import { defineBackground } from 'wxt/utils/define-background';
import { startWorker } from '@/lib/background/start-worker';

export default defineBackground(() => startWorker());
