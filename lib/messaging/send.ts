/** The sender for extension pages (popup, options, side panel): every command of the protocol. */
import { commands } from './protocol';
import { createSender } from './sender';

export const sendCommand = createSender(commands);
