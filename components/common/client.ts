/**
 * What the extension pages need from the outside world, injected so views run in tests with fake
 * replies. main.tsx wires the real `sendCommand` and browser APIs.
 */
import type { sendCommand } from '@/lib/messaging/send';
import type { ReplyErrorCode } from '@/lib/messaging/protocol';

export type SendCommand = typeof sendCommand;

export interface ReplyError {
  code: ReplyErrorCode;
  message: string;
}

/** The small slice of Web Storage the popup uses to remember the chosen company. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;
