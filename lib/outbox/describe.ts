/** Plain-words lines for the activity log, from an action and the service's answer. */
import type { ApproveResult, BulkResyncResult, ClearIdResult, ResyncResult } from '../api/schema';
import type { OutboxAction } from '../db/schema';

export type ActionResult = ApproveResult | ResyncResult | ClearIdResult | BulkResyncResult;

export function describeSuccess(action: OutboxAction, result: ActionResult): string {
  switch (action.kind) {
    case 'approve': {
      const r = result as ApproveResult;
      const extra = [r.kept && `${r.kept} kept for later`, r.cleared && `${r.cleared} cleared`, r.skipped && `${r.skipped} already handled`]
        .filter(Boolean)
        .join(', ');
      return `Approved ${r.approved}${extra ? ` (${extra})` : ''}`;
    }
    case 'resync': {
      const r = result as ResyncResult;
      return `Resync requested for ${r.unsynced.entityType} ${r.unsynced.name}`;
    }
    case 'clear-id': {
      const r = result as ClearIdResult;
      return `Cleared the QuickBooks ID of ${r.unsynced.entityType} ${r.unsynced.name}: the next sync creates a new record`;
    }
    case 'bulk-resync': {
      const r = result as BulkResyncResult;
      return `Resync requested for ${r.queued}${r.failed ? ` (${r.failed} refused)` : ''}`;
    }
  }
}

export function describeAction(action: OutboxAction): string {
  switch (action.kind) {
    case 'approve':
      return `Approve ${action.request.approveIds.length} of ${action.request.reviewedIds.length} reviewed`;
    case 'resync':
      return `Resync ${action.unsyncedId}`;
    case 'clear-id':
      return `Clear ID of ${action.unsyncedId}`;
    case 'bulk-resync':
      return `Resync ${action.ids.length} items`;
  }
}
