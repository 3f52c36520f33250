/**
 * Codes of the sync service itself, not of QuickBooks: the reference sync server fails an entry
 * with one of these when the problem is found before QuickBooks is asked (SL-…, see
 * server/sync/export-entries.ts and server/quickbooks/qbd/session.ts), or when its QuickBooks Online
 * client got an answer it could not use and QuickBooks gave no code of its own (bad-reply,
 * reply-too-large, batch-item-missing, in server/quickbooks/qbo/). The SL- prefix and the
 * hyphenated lower-case names never occur among QuickBooks' numeric, HTTP, QBWC, HRESULT or OAuth
 * codes, so these cannot be mistaken for QuickBooks' own. HTTP statuses and network error names
 * from the same client are QuickBooks Online entries (catalog/qbo.ts).
 *
 * `messages` hold the server's own sentences (message and detail), so a pasted failure without its
 * code is still recognised.
 */
import type { ErrorEntry } from '../types';

const RESYNC = 'In SyncLens, open Unsynced Entities and press Resync on this item.';
const RESYNC_LATER = 'Wait a few minutes, then press Resync on the item in Unsynced Entities.';
const PROVIDER_REPORT =
  'If it happens again, send the code, the full message, the record and the time to your sync service provider.';

type Draft = Omit<ErrorEntry, 'system' | 'resyncAlone' | 'clearIdFixes'> & Partial<Pick<ErrorEntry, 'resyncAlone' | 'clearIdFixes'>>;

function synclens(d: Draft): ErrorEntry {
  return { system: 'synclens', resyncAlone: false, clearIdFixes: false, ...d };
}

export const SYNCLENS_ENTRIES: ErrorEntry[] = [
  synclens({
    code: 'SL-NO-RECORD-DATA',
    title: 'Record details never reached the sync service',
    meaning:
      'The sync service holds an approval for this record but not the record itself (its fields, lines and amounts), so it had nothing to write to QuickBooks. QuickBooks was not contacted.',
    likelyCause:
      'The job app recorded the change and it was approved, but the job app never delivered the record\'s details to the sync service, for example because its hand-off failed or is not set up for this kind of record.',
    steps: [
      'Open the record in the job app and save it again, so the job app sends its details to the sync service.',
      'If that does not help, ask whoever runs the job app connection to send the record through the sync service\'s ingestion API.',
      RESYNC,
    ],
    category: 'system',
    messages: [
      'The job app has not sent this record to the sync service, so there is nothing to send to QuickBooks.',
      'Send the record through the ingestion API (PUT /api/v1/companies/{id}/records/{type}/{localId}), then press Resync.',
    ],
  }),
  synclens({
    code: 'SL-UNLINKED-REFERENCE',
    title: 'Uses a record that is not in QuickBooks yet',
    meaning:
      'This record refers to another one (a customer, item, vendor or invoice) that the sync service has not yet put into QuickBooks, so QuickBooks would have nothing to attach it to. It was not sent.',
    likelyCause:
      'The record it depends on is still waiting for approval, has failed to sync itself, or was never sent; for example an invoice for a new client whose customer record has not synced.',
    steps: [
      'Read the Detail line: it names each record this one needs.',
      'Approve those records in SyncLens; if one of them is in Unsynced Entities, fix it first.',
      'Wait until they show as synced.',
      RESYNC,
    ],
    category: 'missing-reference',
    messages: [
      'This record points at * "*", which is not in QuickBooks yet.',
      'Approve and sync * first, then press Resync.',
    ],
  }),
  synclens({
    code: 'SL-UNSUPPORTED-TYPE',
    title: 'Kind of record the sync service does not move',
    meaning:
      'The sync service only moves customers, vendors, items, invoices, estimates, payments, purchase orders and bills. This entry is for another kind of record, or an import that names no QuickBooks record, so it was not sent.',
    likelyCause:
      'The job app queued a kind of record the sync service does not handle (such as a time entry or an expense), or an import reached the sync service without the QuickBooks record it should read.',
    steps: [
      'Check the record type shown with the item: pressing Resync will not change the outcome.',
      'If the record is needed in QuickBooks, enter it there by hand.',
      'Clear the item from Unsynced Entities once it is handled.',
      'If you think this kind of record should sync, tell your sync service provider.',
    ],
    category: 'system',
    messages: [
      'The sync service does not move * records to QuickBooks Online.',
      'The sync service does not move * records to QuickBooks Desktop.',
      'The sync service cannot import * records.',
      'This import names no QuickBooks record.',
    ],
  }),
  synclens({
    code: 'SL-OUTCOME-UNKNOWN',
    title: 'Unknown whether QuickBooks Desktop saved the record',
    meaning:
      'The sync service sent this record to QuickBooks Desktop, but the Web Connector run ended before QuickBooks replied, so nobody knows whether it was saved. The record has no number to search QuickBooks by, so the sync service cannot check by itself.',
    likelyCause:
      'The Web Connector run was cut short (QuickBooks was closed, the computer slept or restarted, or the network dropped) while a transaction without a document or reference number was being added.',
    steps: [
      'In QuickBooks Desktop, look for the record by its customer or vendor, date and amount.',
      'If it is not there, press Resync: the sync service sends it again.',
      'If it is there, do not press Resync: that would add it a second time.',
      'Instead, give the record in the job app the same number it has in QuickBooks Desktop and save it; then press Resync, and the sync service finds it by that number and links it instead of adding it again.',
    ],
    category: 'connection',
    messages: [
      'The Web Connector session ended before QuickBooks answered, and this record has no number to look it up by.',
      'Check in QuickBooks whether it was created; if not, press Resync.',
    ],
  }),
  synclens({
    code: 'bad-reply',
    title: 'QuickBooks Online answer could not be read',
    meaning:
      'QuickBooks Online answered the sync service, but the answer was not the data the service expected (not readable data, or without the record it asked for), so the service could not tell what happened.',
    likelyCause:
      'A passing problem at Intuit, or a network device between the sync service and Intuit that replaced the answer with a page of its own.',
    steps: [
      RESYNC_LATER,
      'Before resyncing an invoice or payment, you can search QuickBooks Online for it: the sync service looks for a copy made by the earlier attempt, but checking costs little.',
      PROVIDER_REPORT,
    ],
    resyncAlone: true,
    category: 'system',
    messages: [
      'QuickBooks Online sent a reply that is not valid JSON (HTTP *).',
      'QuickBooks Online sent a reply that is not a JSON object (HTTP *).',
      'QuickBooks Online\'s reply has no *.',
    ],
  }),
  synclens({
    code: 'reply-too-large',
    title: 'QuickBooks Online answer too large to read',
    meaning:
      'QuickBooks Online sent back more data than the sync service accepts in one answer, so the service stopped reading it. Whether the change reached QuickBooks is not known from this answer.',
    likelyCause:
      'A very large record (such as an invoice with hundreds of lines) or an unusually large answer from Intuit, beyond the size limit set in the sync service.',
    steps: [
      'Search QuickBooks Online for the record to see whether the change was saved.',
      'Send the code, the full message, the record and the time to your sync service provider: their size limit or the request must change.',
      'When they confirm a fix, press Resync on the item in Unsynced Entities.',
    ],
    category: 'system',
    messages: ['QuickBooks Online sent a reply larger than * MB; it was not read.'],
  }),
  synclens({
    code: 'batch-item-missing',
    title: 'No answer for this record in a group send',
    meaning:
      'The sync service sent several records to QuickBooks Online together, and the answer covered the others but said nothing about this one.',
    likelyCause: 'A passing problem at Intuit while handling a group of records. Nothing in the record caused it.',
    steps: [
      'Nothing to fix in your data: the sync service sends the record again on its own.',
      'If the item is still failed later, press Resync on it in Unsynced Entities.',
    ],
    resyncAlone: true,
    category: 'system',
    messages: ['QuickBooks Online did not answer for this record in the batch.'],
  }),
];
