/**
 * A page's `send` answered by handlers in the test instead of the background, recording every
 * command and payload. A command without a handler is refused, as the real router refuses it.
 */
import type { SendCommand } from '@/components/common/client';
import type { CommandName } from '@/lib/messaging/protocol';

export type FakeHandlers = Partial<Record<CommandName, (payload: any) => unknown>>;
export interface RecordedCall {
  command: CommandName;
  payload: any;
}

export function recordingSend(handlers: FakeHandlers): { send: SendCommand; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const send = (async (command: CommandName, payload: unknown) => {
    calls.push({ command, payload });
    const handler = handlers[command];
    return handler ? handler(payload) : { ok: false, error: { code: 'rejected', message: `no handler for ${command}` } };
  }) as SendCommand;
  return { send, calls };
}
