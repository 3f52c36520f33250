import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { EXPLAIN_DIALOG_KEY } from '@/lib/overlay/explain-box';
import { openExplainDialog } from '@/lib/overlay/explain-dialog';

// Loaded on demand by the QuickBooks Online content script (a dynamic import of this file, which
// runs in the script's own isolated world): it hands the dialog over under a private key.
export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, unknown>)[EXPLAIN_DIALOG_KEY] = openExplainDialog;
});
