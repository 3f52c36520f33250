/**
 * Replies remembered by `requestid`, per company: the same id with the same request gets the first
 * reply again without a second write; the same id with a different request is refused (code 600).
 */
export interface RememberedReply {
  fingerprint: string;
  status: number;
  body: unknown;
}

const MAX_PER_REALM = 10_000;

export class RequestIdStore {
  private readonly byRealm = new Map<string, Map<string, RememberedReply>>();

  recall(realmId: string, requestId: string): RememberedReply | undefined {
    return this.byRealm.get(realmId)?.get(requestId);
  }

  remember(realmId: string, requestId: string, reply: RememberedReply): void {
    let replies = this.byRealm.get(realmId);
    if (!replies) {
      replies = new Map();
      this.byRealm.set(realmId, replies);
    }
    replies.set(requestId, reply);
    // Oldest first out: a Map iterates in insertion order.
    if (replies.size > MAX_PER_REALM) replies.delete(replies.keys().next().value!);
  }
}
