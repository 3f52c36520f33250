/**
 * QuickBooks Online Accounting API fault codes (Fault.Error[].code), plus HTTP-level failures
 * stored as "HTTP401" style codes so they never collide with fault code 500, the codes of Intuit's
 * gateway in front of the API (6002, 6003, 7001), Intuit's OAuth 2.0 errors under their own names
 * ("invalid_grant") and the network failures of the sync service's connection to Intuit under
 * their system names ("ECONNRESET").
 * Facts come from the team reference (quickbooks-error-codes.md); every sentence is our own. The
 * wordings QuickBooks uses for each code are in QBO_MESSAGES at the end of this file.
 */
import type { ErrorEntry } from '../types';

const HELP_COMMON = 'https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/handling-common-errors';
const HELP_CODES = 'https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/error-codes';
const HELP_LIMITS = 'https://developer.intuit.com/app/developer/qbo/docs/learn/limits-and-throttles';
const HELP_OAUTH = 'https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/oauth-errors';
const HELP_OAUTH_FAQ = 'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/faq';
const HELP_STATUS = 'https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/api-status';

// Steps that recur across many entries, phrased once so the wording stays consistent.
const RESYNC = 'In SyncLens, open Unsynced Entities and press Resync on this item.';
const RESYNC_LATER = 'Wait a few minutes, then press Resync on the item in Unsynced Entities.';
const RECONNECT =
  'Have a QuickBooks Online admin open the sync service settings and reconnect QuickBooks (sign in and approve access again).';
const PROVIDER =
  'If it still fails, send the error code, the full message and the time to your sync service provider: the request itself must change.';
const READ_DETAIL = 'Open the failed item in SyncLens and read the Detail line: it names the field or rule that was broken.';
const INTUIT_STATUS = 'Check whether QuickBooks Online itself opens in your browser; if not, the outage is on Intuit\'s side.';
const RETRY_ITSELF = 'Nothing to fix in your data: the sync service sends the request again on its own.';
const PROVIDER_PERSISTS =
  'If it still fails after an hour, send the error code, the full message and the time to your sync service provider.';
const NETWORK_PROVIDER =
  'If it keeps happening for hours, tell your sync service provider: their server is having trouble reaching Intuit.';
const PROVIDER_SETUP =
  'Report it to your sync service provider with the time it happened: the fix is in their app\'s setup at Intuit, not in your data.';
const CHECK_BEFORE_RESYNC =
  'QuickBooks may have finished the work after the wait ran out: for an invoice or payment, search QuickBooks Online for it before you resync, so you do not end up with two.';

type Draft = Omit<ErrorEntry, 'system' | 'resyncAlone' | 'clearIdFixes'> &
  Partial<Pick<ErrorEntry, 'resyncAlone' | 'clearIdFixes'>>;

function qbo(d: Draft): ErrorEntry {
  return { system: 'qbo', resyncAlone: false, clearIdFixes: false, ...d };
}

/** A request-format problem only the sync service's developers can fix. */
function developerSide(code: string, title: string, meaning: string, category: ErrorEntry['category'] = 'validation'): ErrorEntry {
  return qbo({
    code,
    title,
    meaning,
    likelyCause:
      'The sync service built the request in a way QuickBooks Online does not accept. Nothing in your jobs, clients or invoices caused it.',
    steps: [
      'Note the error code, message and the item that failed (shown in SyncLens).',
      'Report it to your sync service provider; they have to correct how the request is built.',
      'After they confirm a fix, press Resync on the item in Unsynced Entities.',
    ],
    category,
  });
}

/** A field value QuickBooks rejected; the fix is to correct the value in the job app. */
function badValue(code: string, title: string, meaning: string, likelyCause: string, where: string): ErrorEntry {
  return qbo({
    code,
    title,
    meaning,
    likelyCause,
    steps: [
      READ_DETAIL,
      `Correct the value in the job app: ${where}.`,
      'Save the record so the sync service picks up the change.',
      RESYNC,
    ],
    category: 'validation',
  });
}

/** A code of Intuit's old (OAuth 1.0) connection API, which Intuit has retired. */
function oldConnection(code: string, title: string, meaning: string): ErrorEntry {
  return qbo({
    code,
    title,
    meaning,
    likelyCause:
      'The sync service still connects to QuickBooks the old way that Intuit has retired, or its saved old-style connection is no longer valid.',
    steps: [
      RECONNECT,
      'If the same code comes back after reconnecting, ask your sync service provider to move the connection to the current QuickBooks sign-in (OAuth 2.0).',
      RESYNC,
    ],
    category: 'connection',
  });
}

/** The sync service's own setup at Intuit (its app registration or sign-in request) was refused. */
function appSetup(code: string, title: string, meaning: string, likelyCause: string): ErrorEntry {
  return qbo({
    code,
    title,
    meaning,
    likelyCause,
    steps: [
      PROVIDER_SETUP,
      'When the provider confirms the fix, have a QuickBooks Online admin reconnect QuickBooks in the sync service settings.',
      RESYNC,
    ],
    category: 'connection',
    helpUrl: HELP_OAUTH,
  });
}

/** The network between the sync service and Intuit failed; the same request can go through later. */
function network(code: string, title: string, meaning: string, likelyCause: string): ErrorEntry {
  return qbo({
    code,
    title,
    meaning,
    likelyCause,
    steps: [RETRY_ITSELF, RESYNC_LATER, NETWORK_PROVIDER],
    resyncAlone: true,
    category: 'connection',
    helpUrl: HELP_STATUS,
  });
}

const ENTRIES: ErrorEntry[] = [
  // ------------------------------------------------------------ 1xx: sign-in and access
  qbo({
    code: '100',
    title: 'QuickBooks sign-in failed',
    meaning: 'QuickBooks Online could not confirm who the sync service is. The Detail line gives the specific reason.',
    likelyCause: 'The saved QuickBooks connection expired or was revoked, often after a password change or a long pause in syncing over the off-season.',
    steps: ['Check the Detail line for the reason (for example, an expired token).', RECONNECT, RESYNC],
    category: 'connection',
  }),
  qbo({
    code: '110',
    title: 'QuickBooks connection token rejected',
    meaning: 'The sign-in token the sync service holds for your company is no longer accepted.',
    likelyCause: 'The token expired and could not be renewed automatically, or someone disconnected the app in QuickBooks.',
    steps: [RECONNECT, 'In SyncLens, check that the connector status shows OK again.', RESYNC],
    category: 'connection',
  }),
  qbo({
    code: '120',
    title: 'Connected user lost access',
    meaning: 'The QuickBooks Online user who originally connected the sync service is no longer allowed to use this company.',
    likelyCause:
      'The person who set up the connection (often a former office manager or the outside bookkeeper) was removed from QuickBooks or lost admin rights.',
    steps: [
      'In QuickBooks Online, open the gear menu > Manage users and confirm who is still an admin.',
      'Ask a current admin to reconnect QuickBooks from the sync service settings.',
      'Make sure the new connection is made by a user who will stay with the company.',
      RESYNC,
    ],
    category: 'connection',
    helpUrl: HELP_COMMON,
  }),
  qbo({
    code: '130',
    title: 'Request sent to the wrong QuickBooks server',
    meaning: 'The request reached a QuickBooks data center that does not hold your company.',
    likelyCause: 'The sync service is using an outdated address or company id for your QuickBooks Online company.',
    steps: ['Check in the sync service settings that the right QuickBooks company is connected.', RECONNECT, PROVIDER],
    category: 'connection',
  }),
  qbo({
    code: '140',
    title: 'QuickBooks company locked',
    meaning: 'Intuit has locked this QuickBooks Online company, so nothing can be written to it.',
    likelyCause: 'An account issue at Intuit, such as a security hold on the subscription.',
    steps: [
      'Sign in to QuickBooks Online in a browser and read any notice shown at sign-in.',
      'Resolve the hold with Intuit (the company owner usually has to do this).',
      RESYNC_LATER,
    ],
    category: 'subscription',
  }),
  qbo({
    code: '150',
    title: 'QuickBooks under maintenance',
    meaning: 'QuickBooks Online is temporarily unavailable for maintenance.',
    likelyCause: 'Planned work at Intuit. Nothing is wrong with your data.',
    steps: ['Wait for the maintenance window to end (usually under an hour).', RESYNC_LATER],
    resyncAlone: true,
    category: 'quickbooks-busy',
  }),

  // ------------------------------------------------------------ old connection API (OAuth 1.0, retired)
  oldConnection(
    '24',
    'Old-style connection: app token not valid',
    'QuickBooks rejected the app token the sync service sent with an old-style connection request.',
  ),
  oldConnection(
    '212',
    'Old-style connection: renewal outside its window',
    'An old-style QuickBooks connection can only be renewed during a set period before it expires, and this renewal was tried outside it.',
  ),
  oldConnection(
    '270',
    'Old-style connection: token rejected',
    'QuickBooks rejected the token of an old-style connection: it expired or was revoked.',
  ),

  // ------------------------------------------------------------ 5xx-9xx: request-level problems
  qbo({
    code: '500',
    title: 'Operation not supported (often odd characters)',
    meaning:
      'QuickBooks Online refused the operation. Most often it could not read the text because it contained characters that were not valid UTF-8.',
    likelyCause:
      'A client name, job note or line description was pasted from a word processor or text message and carries curly quotes, long dashes or emoji.',
    steps: [
      'Open the record in the job app and look at names, addresses, notes and line descriptions.',
      'Retype any pasted text, replacing curly quotes, long dashes and emoji with plain characters.',
      'Save the record.',
      RESYNC,
    ],
    category: 'validation',
    helpUrl: HELP_COMMON,
  }),
  qbo({
    code: '600',
    title: 'Request already processed',
    meaning: 'QuickBooks Online has already handled a request with the same request id.',
    likelyCause: 'The sync service retried a request after a network hiccup; the first attempt may already have created the record.',
    steps: [
      'In QuickBooks Online, search for the record (for example the invoice number) to see if it already exists.',
      'If it exists, nothing more is needed; if not, press Resync on the item in Unsynced Entities.',
      PROVIDER,
    ],
    category: 'duplicate',
  }),
  qbo({
    code: '610',
    title: 'QuickBooks record not found (deleted or inactive)',
    meaning:
      'A record this sync points to is not available in QuickBooks Online: either it was deleted, or a customer, item or account it uses was made inactive.',
    likelyCause:
      'Someone deleted the invoice or estimate in QuickBooks after it synced, or made a client, service item (for example "Tree Removal") or account inactive while jobs still use it.',
    steps: [
      'Read the message: "made inactive" means a record was deactivated; "deleted" means the record is gone.',
      'If inactive: in QuickBooks Online open the list (Sales > Customers, or Sales > Products and services), choose to include inactive records, and make the record active again. Then press Resync.',
      'If deleted: in SyncLens press Clear ID on the item so the next sync creates a new QuickBooks record.',
      'Before resyncing a cleared item, check QuickBooks for a stray copy of the record and delete it, so you do not end up with two.',
      RESYNC,
    ],
    clearIdFixes: true,
    category: 'deleted-or-inactive',
    helpUrl: HELP_COMMON,
  }),
  qbo({
    code: '620',
    title: 'Transactions cannot be linked',
    meaning: 'QuickBooks Online would not link two transactions, for example a payment to an invoice.',
    likelyCause:
      'The payment and the invoice belong to different customers in QuickBooks, often because the client exists twice (for example once as the homeowner and once as the HOA).',
    steps: [
      'In QuickBooks Online, open both transactions and compare the customer on each.',
      'In the job app, make sure the client is linked to the same QuickBooks customer as the invoice.',
      'If the customer is inactive in QuickBooks, make it active again.',
      RESYNC,
    ],
    category: 'missing-reference',
  }),
  qbo({
    code: '630',
    title: 'Record already exists',
    meaning: 'The record would break a rule that a value must be unique in QuickBooks Online.',
    likelyCause: 'A value such as a reference id or number is already used by another record.',
    steps: [READ_DETAIL, 'Change the duplicated value in the job app, or link the record to the existing QuickBooks one.', RESYNC],
    category: 'duplicate',
  }),
  qbo({
    code: '700',
    title: 'Parent record not valid',
    meaning: 'The parent named for this record (for example a parent customer) cannot be used.',
    likelyCause: 'A property or sub-job was set up under a parent client that is missing, inactive or not yet synced to QuickBooks.',
    steps: [
      'In the job app, check which parent client the property or sub-job sits under.',
      'Make sure that parent exists and is active in QuickBooks Online (Sales > Customers).',
      'Sync the parent first, then press Resync on this item.',
    ],
    category: 'missing-reference',
  }),
  qbo({
    code: '800',
    title: 'Record cannot be deleted',
    meaning: 'QuickBooks Online will not delete the record because other records still depend on it.',
    likelyCause: 'A client or service item was deleted in the job app, but QuickBooks still has invoices or payments that use it.',
    steps: [
      'In QuickBooks Online, open the record and look at its transactions.',
      'Make the record inactive in QuickBooks instead of deleting it, or remove the dependent transactions first.',
      'In SyncLens, clear the item from Unsynced Entities once the record is handled.',
    ],
    category: 'validation',
  }),
  qbo({
    code: '900',
    title: 'Record set as its own parent',
    meaning: 'A record cannot be the parent of itself or of its own parent.',
    likelyCause: 'A client and a property were nested in a loop in the job app (each set as the other\'s parent).',
    steps: ['In the job app, open the client hierarchy and fix the parent so it does not loop.', 'Save the record.', RESYNC],
    category: 'validation',
  }),
  qbo({
    code: '1000',
    title: 'QuickBooks could not finish the request',
    meaning: 'QuickBooks Online could not complete the operation; the Detail line explains why.',
    likelyCause: 'Varies. Often a record that changed in QuickBooks while the sync was running.',
    steps: [READ_DETAIL, RESYNC, PROVIDER],
    category: 'system',
  }),
  qbo({
    code: '1010',
    title: 'QuickBooks could not add the record',
    meaning: 'QuickBooks Online did not create the record.',
    likelyCause: 'Something about the new client, invoice or item was not acceptable; the Detail line says what.',
    steps: [READ_DETAIL, 'Fix that value in the job app and save.', RESYNC],
    category: 'validation',
  }),
  qbo({
    code: '1020',
    title: 'QuickBooks could not save the change',
    meaning: 'QuickBooks Online did not save the change to an existing record.',
    likelyCause: 'The record was changed or locked in QuickBooks; the Detail line says what went wrong.',
    steps: [READ_DETAIL, 'Open the record in QuickBooks Online and check it is not locked, deposited or in a closed period.', RESYNC],
    category: 'validation',
  }),
  developerSide('1040', 'Batch too large', 'The sync service sent more records in one batch than QuickBooks Online allows (30 per batch).'),
  developerSide('1050', 'Unsupported content type', 'QuickBooks Online only accepts requests written as JSON or XML.'),

  // ------------------------------------------------------------ 2xxx: field validation
  developerSide('2000', 'Unknown record type', 'The request named a record type QuickBooks Online does not know.'),
  developerSide('2010', 'Unsupported field', 'The request contained a field QuickBooks Online does not accept for this record type.'),
  qbo({
    code: '2020',
    title: 'Required value missing',
    meaning:
      'A value QuickBooks Online needs was left out. Two common cases: a transaction with no lines, or an inventory item without an inventory asset account.',
    likelyCause:
      'An invoice was created from a job whose visits had no billable lines yet, or a product such as mulch or fertilizer is tracked as inventory without an asset account.',
    steps: [
      READ_DETAIL,
      'If it names Line: add at least one billable line to the invoice in the job app (for example the completed visit).',
      'If it names an asset account: in QuickBooks Online open Sales > Products and services, edit the item and choose an inventory asset account.',
      RESYNC,
    ],
    category: 'validation',
    helpUrl: HELP_COMMON,
  }),
  developerSide('2030', 'Id QuickBooks does not accept', 'An id in the request is not a valid QuickBooks Online number.'),
  badValue(
    '2040',
    'Invalid characters',
    'A text field contains characters QuickBooks Online does not allow.',
    'A client display name contains a colon or other special character, for example "Smith: Backyard".',
    'remove colons and unusual symbols from names',
  ),
  badValue(
    '2050',
    'Text too long or too short',
    'A text field is longer (or shorter) than QuickBooks Online permits; the Detail line gives the limit and the length sent.',
    'A long job note, crew instruction or property description was copied into the invoice memo or customer notes.',
    'shorten the field named in the Detail line to fit the limit',
  ),
  badValue(
    '2060',
    'Date not readable',
    'A date was not written in a form QuickBooks Online understands.',
    'A service date or due date was left half-filled or typed in an unusual format.',
    'set the date with the date picker',
  ),
  badValue(
    '2070',
    'Date QuickBooks cannot read',
    'A date value is outside what QuickBooks Online accepts.',
    'A visit or invoice date was mistyped, for example a year far in the past or future.',
    'correct the date on the job, visit or invoice',
  ),
  badValue(
    '2080',
    'Number not readable',
    'A number was not written in a form QuickBooks Online can read.',
    'A quantity or price contains letters or symbols, such as "2 hrs" or "$45/visit".',
    'enter plain numbers in quantity and price fields',
  ),
  badValue(
    '2090',
    'Number not accepted',
    'A number is readable but its value is not allowed for that field.',
    'A quantity or rate on a line is zero, negative or far too large (for example a typo of 10000 hours).',
    'fix the quantity, rate or amount on the line',
  ),
  badValue(
    '2100',
    'Decimal not readable',
    'A decimal value is not written in a form QuickBooks Online can read.',
    'A price was entered with a comma as the decimal mark or with extra symbols.',
    'enter the amount with a dot as the decimal mark',
  ),
  badValue(
    '2110',
    'Decimal not accepted',
    'A decimal value is readable but not allowed, often because of too many decimal places.',
    'An hourly rate or quantity has more decimal places than QuickBooks supports (for example 1.33333 hours).',
    'round the quantity or rate to two decimal places',
  ),
  badValue(
    '2120',
    'Wrong kind of value',
    'A type or category value does not fit this record, for example an item type QuickBooks will not take here.',
    'A service was set up as an inventory product (or the other way round), or an item type changed in the job app.',
    'check the item type of the service or product',
  ),
  developerSide('2130', 'Request id in the wrong format', 'The request id the sync service sent is not in a format QuickBooks Online accepts.'),
  badValue(
    '2140',
    'Amount not accepted',
    'An amount on the record is not allowed.',
    'A line total or deposit amount is out of range or badly rounded.',
    'correct the amount on the line or payment',
  ),
  badValue(
    '2150',
    'Percent not accepted',
    'A percentage, usually a discount or tax rate, is not allowed.',
    'A discount above 100% or below zero was entered on an estimate or invoice.',
    'fix the discount or tax percentage',
  ),
  badValue(
    '2160',
    'Quantity not accepted',
    'A quantity value is not allowed.',
    'A line quantity is missing, negative or unrealistically large (for example yards of mulch typed with extra zeros).',
    'correct the quantity on the line',
  ),
  qbo({
    code: '2170',
    title: 'Value not in the allowed list',
    meaning:
      'A field was given a value that is not one of the choices QuickBooks Online allows. A classic case is trying to mark time as already billed.',
    likelyCause:
      'Crew time entries were synced with the billable status "already billed"; QuickBooks sets that itself once the time is added to an invoice.',
    steps: [
      READ_DETAIL,
      'For time entries: in the job app, leave them as billable (not billed) and add them to the invoice in QuickBooks, which marks them billed.',
      'For other fields: pick a standard choice in the job app (for example a standard payment method or terms).',
      RESYNC,
    ],
    category: 'validation',
    helpUrl: HELP_COMMON,
  }),
  badValue(
    '2180',
    'Invalid text range',
    'A from/to pair of text values does not form a valid range.',
    'A filter or range in the sync settings has its ends swapped.',
    'swap or correct the range values',
  ),
  badValue(
    '2190',
    'Date range the wrong way round',
    'A start date falls after its end date.',
    'A service agreement or recurring lawn-care schedule has an end date before its start date.',
    'fix the start and end dates',
  ),
  badValue(
    '2200',
    'Website address not valid',
    'The website on the record is not a well-formed web address.',
    'A commercial client\'s website was typed with spaces or missing parts.',
    'correct or clear the website on the client',
  ),
  qbo({
    code: '2210',
    title: 'Email address not valid',
    meaning: 'An email address does not follow the standard address format.',
    likelyCause:
      'A client record has a typo, a trailing space, or two addresses typed into one field (for example both spouses, or the HOA board and its manager).',
    steps: [
      'Open the client in the job app and look at the email field.',
      'Keep one valid address per field; put extra addresses in the CC field if the app has one.',
      'Save the client.',
      RESYNC,
    ],
    category: 'validation',
  }),
  badValue(
    '2220',
    'Currency not valid',
    'The currency on the record is not valid for this company.',
    'A client set to a foreign currency while multicurrency is off in QuickBooks, or the other way round.',
    'set the client\'s currency to the company\'s home currency, or turn on multicurrency in QuickBooks first',
  ),
  developerSide('2230', 'Invalid yes/no value', 'A yes/no field was sent with a value that is neither yes nor no.'),
  badValue(
    '2240',
    'Number out of range',
    'A number lies outside the range QuickBooks Online allows for that field.',
    'Payment terms, a credit limit or a quantity was typed with extra digits.',
    'correct the number in the field named by the Detail line',
  ),
  qbo({
    code: '2250',
    title: 'Transaction has no lines',
    meaning: 'A transaction needs at least one line, and this one has none.',
    likelyCause: 'An invoice or estimate was approved before any services or materials were added to it.',
    steps: ['Open the invoice or estimate in the job app and add the services performed.', 'Save it.', RESYNC],
    category: 'validation',
  }),
  developerSide('2260', 'Journal line missing debit or credit', 'Each journal entry line must be marked as a debit or a credit.'),
  developerSide('2270', 'Tax setting missing', 'A tax line did not say whether the tax applies to sales or purchases.'),
  badValue(
    '2280',
    'Tax amount missing',
    'A tax code was applied but no tax amount came with it.',
    'The sales tax rate for a service area is not set in the job app.',
    'set the tax rate for the client\'s service area, or mark the line as not taxable',
  ),
  qbo({
    code: '2290',
    title: 'Negative line amount',
    meaning: 'QuickBooks Online does not accept negative amounts on transaction lines.',
    likelyCause: 'A discount or a refund for a missed mowing visit was entered as a negative line on the invoice.',
    steps: [
      'In the job app, replace the negative line with a discount on the invoice.',
      'For money going back to the client, use a credit memo instead of a negative line.',
      RESYNC,
    ],
    category: 'validation',
  }),
  qbo({
    code: '2300',
    title: 'Journal entry does not balance',
    meaning: 'The debits and credits of a journal entry are not equal.',
    likelyCause: 'A manual adjustment (for example moving crew payroll between jobs) was entered with mismatched totals.',
    steps: ['Open the journal entry in the job app and make debits equal credits.', 'Save it.', RESYNC],
    category: 'validation',
  }),
  qbo({
    code: '2500',
    title: 'Linked record not valid',
    meaning:
      'A customer, item, account or other record this one points to is missing or inactive in QuickBooks Online. The Detail line names the field, for example the item on a line.',
    likelyCause:
      'A service item such as "Stump Grinding" or an income account was made inactive or deleted in QuickBooks, but the job app still maps to it.',
    steps: [
      READ_DETAIL,
      'In QuickBooks Online find that record (Sales > Products and services, or the chart of accounts) and include inactive records in the list.',
      'Make it active again, or in the job app map the service to an active QuickBooks item or account.',
      RESYNC,
    ],
    category: 'missing-reference',
    helpUrl: HELP_COMMON,
  }),
  developerSide('2600', 'Conflicting fields', 'The request contained two fields that cannot be used together.'),

  // ------------------------------------------------------------ 3xxx: custom fields, throttling, authorization
  qbo({
    code: '3000',
    title: 'Custom field not valid',
    meaning: 'A custom field sent with the record is not valid for it in QuickBooks Online.',
    likelyCause: 'A custom field (for example "Crew" or "Property ID") was renamed or removed in QuickBooks Online settings.',
    steps: [
      'In QuickBooks Online, open the gear menu > Custom fields and check the field still exists.',
      'Update the custom field mapping in the sync service settings to match.',
      RESYNC,
    ],
    category: 'validation',
  }),
  qbo({
    code: '3001',
    title: 'Too many requests (throttled)',
    meaning: 'QuickBooks Online limits how fast an app can send requests per company, and the limit was reached.',
    likelyCause: 'A large batch, such as a month of recurring lawn visits invoiced at once, was sent in a short burst.',
    steps: [
      'Nothing to fix in your data; the sync service slows down and retries on its own.',
      'If the item is still failed after a few minutes, press Resync on it in Unsynced Entities.',
    ],
    resyncAlone: true,
    category: 'throttling',
    helpUrl: HELP_LIMITS,
  }),
  qbo({
    code: '3100',
    title: 'App not authorized for this company',
    meaning: 'QuickBooks Online says the sync service is not authorized to work with this company.',
    likelyCause:
      'The connection was revoked or the company was disconnected, or the sync service is pointed at a test (sandbox) company instead of the real one.',
    steps: [
      'In QuickBooks Online, open Apps > My apps in the left menu and check the sync service is still connected.',
      RECONNECT,
      'If it keeps happening, ask your provider to confirm the service uses the live (not sandbox) QuickBooks environment.',
      RESYNC,
    ],
    category: 'connection',
  }),
  qbo({
    code: '3200',
    title: 'QuickBooks sign-in expired',
    meaning: 'The sync service\'s sign-in to QuickBooks Online was refused: the token expired, was revoked, or was damaged.',
    likelyCause:
      'The connection is normally renewed every hour; it fails when syncing paused for months (off-season) or someone disconnected the app.',
    steps: [
      'Wait for the next connector run: the sync service usually renews the sign-in on its own.',
      'If the connector status shows the sign-in expired, have a QuickBooks Online admin reconnect QuickBooks in the sync service settings.',
      RESYNC,
    ],
    category: 'connection',
    helpUrl: HELP_OAUTH,
  }),
  developerSide('3202', 'Sign-in token missing', 'The request was sent without a sign-in token.', 'connection'),

  // ------------------------------------------------------------ 4xxx: queries
  developerSide('4000', 'Query cannot be read', 'A search the sync service sent to QuickBooks Online has a syntax error.'),
  developerSide('4001', 'Query not valid', 'A search the sync service sent asked for a field or value QuickBooks Online does not support.'),
  qbo({
    code: '4002',
    title: 'QuickBooks could not run the search',
    meaning: 'QuickBooks Online failed while running a search for the sync service.',
    likelyCause: 'A temporary problem on Intuit\'s side or a search that returns too much data at once.',
    steps: [RESYNC_LATER, PROVIDER],
    resyncAlone: true,
    category: 'system',
  }),

  // ------------------------------------------------------------ 5xxx: concurrency and plan features
  developerSide('5000', 'Field QuickBooks no longer supports', 'The request used a field QuickBooks Online has retired.'),
  qbo({
    code: '5010',
    title: 'Record changed in QuickBooks first',
    meaning:
      'The sync service tried to update a record using an older copy; someone saved a newer version in QuickBooks Online in the meantime.',
    likelyCause: 'The office edited the invoice or client in QuickBooks (for example adding a note) while the crew\'s changes were waiting to sync.',
    steps: [
      'Open the record in QuickBooks Online and check the latest change is one you want to keep.',
      'Press Resync: the sync service reads the latest version and applies its change again.',
      'If both sides changed the same field, decide which value is right and fix the other side.',
    ],
    resyncAlone: true,
    category: 'stale-copy',
    helpUrl: HELP_COMMON,
  }),
  qbo({
    code: '5020',
    title: 'Feature not in your QuickBooks plan',
    meaning: 'Your QuickBooks Online subscription does not include the feature this record needs.',
    likelyCause: 'Purchase orders for nursery stock or class/location tracking are synced, but the plan (for example Simple Start or Essentials) lacks them.',
    steps: [
      'In QuickBooks Online, check the plan under the gear menu > Account and settings > Billing & subscription.',
      'Either upgrade the plan or turn off syncing of that record type in the sync service.',
      'After the change, press Resync or clear the item from Unsynced Entities.',
    ],
    category: 'subscription',
  }),
  qbo({
    code: '5030',
    title: 'Feature not supported or turned off',
    meaning: 'The record uses a QuickBooks Online feature that is not available or is switched off.',
    likelyCause: 'A setting such as estimates, classes, locations or custom transaction numbers is off in QuickBooks.',
    steps: [
      'In QuickBooks Online open the gear menu > Account and settings and find the matching setting (Sales or Advanced tab).',
      'Turn it on, or stop syncing that kind of record.',
      RESYNC,
    ],
    category: 'subscription',
  }),

  // ------------------------------------------------------------ 6xxx: business rules
  qbo({
    code: '6000',
    title: 'Business rule not met',
    meaning: 'QuickBooks Online rejected the record because a bookkeeping rule was broken. The Detail line states the exact rule.',
    likelyCause:
      'Typical cases: a payment with no amount, a discount larger than the invoice subtotal, or a line with an amount but no service or account.',
    steps: [
      READ_DETAIL,
      'Fix the record in the job app accordingly (for example enter the payment amount, reduce the discount, or choose a service on each line).',
      'Save it.',
      RESYNC,
    ],
    category: 'validation',
    helpUrl: HELP_COMMON,
  }),
  qbo({
    code: '6010',
    title: 'Account type missing',
    meaning: 'A new account needs an account type or detail type.',
    likelyCause: 'An income or expense account (for example "Snow Removal Income") was added in the job app without choosing its type.',
    steps: ['Set the account type in the job app, or create the account in QuickBooks Online (Accounting > Chart of accounts) and map it.', RESYNC],
    category: 'validation',
  }),
  developerSide('6020', 'Attachment upload incomplete', 'An attachment upload arrived without its size information.'),
  qbo({
    code: '6030',
    title: 'Attachment too large',
    meaning: 'A file attached to the record is bigger than QuickBooks Online accepts.',
    likelyCause: 'Full-size before/after photos from a tree removal were attached to the invoice.',
    steps: ['In the job app, remove the large photo from the invoice or attach a smaller copy.', RESYNC],
    category: 'validation',
  }),
  developerSide('6040', 'Attachment details not valid', 'The description sent with an attachment was not of the expected kind.'),
  qbo({
    code: '6041',
    title: 'Attachment file not accepted',
    meaning: 'QuickBooks Online does not accept the attached file.',
    likelyCause: 'A photo or document in an unsupported format (for example a phone\'s HEIC photo) was attached to the job.',
    steps: ['Convert the file to PDF, JPG or PNG, or remove it from the record in the job app.', RESYNC],
    category: 'validation',
  }),
  developerSide('6050', 'Attachment cannot go on this record', 'Attachments are not supported on the record type they were sent with.'),
  badValue(
    '6060',
    'Opening balance needs a date',
    'An account with an opening balance must also have the date of that balance.',
    'A bank or loan account for a new truck was set up with a starting balance but no date.',
    'add the opening balance date to the account',
  ),
  badValue(
    '6070',
    'Line amount does not add up',
    'A line amount does not equal its quantity times its rate.',
    'A crew lead adjusted a line total by hand (for example rounding a 3.5-hour pruning job) without changing the rate.',
    'make the line amount equal quantity × rate, or change the rate',
  ),
  badValue(
    '6080',
    'No name given',
    'A customer, vendor or employee must have at least one name filled in.',
    'A client was created from a web lead form with an empty name, or a subcontractor record has only a phone number.',
    'fill in the display name (or first and last name)',
  ),
  badValue(
    '6090',
    'Discount incomplete',
    'A discount line needs either an amount or a percentage.',
    'A seasonal or prepay discount was added to an invoice but left empty.',
    'enter the discount amount or percent, or remove the discount line',
  ),
  badValue(
    '6100',
    'Line tax code not valid',
    'For US companies a line\'s tax code must be taxable or non-taxable.',
    'A custom tax label from the job app was sent instead of taxable/non-taxable.',
    'set each line to taxable or non-taxable',
  ),
  qbo({
    code: '6110',
    title: 'Card-processed transaction cannot be changed',
    meaning: 'The transaction was processed through QuickBooks Payments and cannot be changed through an app.',
    likelyCause: 'A client paid by card through QuickBooks and the job app later tried to edit that payment.',
    steps: [
      'Make the change directly in QuickBooks Online, on the payment itself.',
      'In the job app, match the payment to what QuickBooks shows.',
      'Clear the item from Unsynced Entities once both sides agree.',
    ],
    category: 'validation',
  }),
  qbo({
    code: '6120',
    title: 'Card-processed transaction cannot be deleted',
    meaning: 'A transaction processed through QuickBooks Payments cannot be deleted through an app.',
    likelyCause: 'A card payment was deleted in the job app after it settled in QuickBooks.',
    steps: [
      'If the money must go back, issue a refund in QuickBooks Online instead of deleting.',
      'Clear the item from Unsynced Entities once handled in QuickBooks.',
    ],
    category: 'validation',
  }),
  qbo({
    code: '6130',
    title: 'Cannot change how the customer is billed',
    meaning: 'A sub-customer cannot switch between billing itself and billing through its parent while linked invoices or payments exist.',
    likelyCause: 'A property under an HOA or property-management company was switched to bill the owner directly after invoices went out.',
    steps: [
      'In QuickBooks Online, open the sub-customer and review invoices and payments tied to the parent.',
      'Leave the billing setting as it was, or move those transactions first with your accountant\'s help.',
      RESYNC,
    ],
    category: 'validation',
  }),
  qbo({
    code: '6140',
    title: 'Invoice or document number already used',
    meaning:
      'Another QuickBooks Online transaction already has this number. The Detail line names that transaction (its type and id).',
    likelyCause:
      'The job app and QuickBooks both hand out invoice numbers and overlapped, or the same invoice was sent twice and QuickBooks already has it.',
    steps: [
      'Open the transaction named in the Detail line in QuickBooks Online (SyncLens offers a link).',
      'If it is the same invoice (same client, date and amount), link it instead of creating another: ask your provider, or match it in the job app.',
      'If it is a different transaction, give this one a new number in the job app; consider starting the app\'s numbering well above QuickBooks\' numbers.',
      RESYNC,
    ],
    category: 'duplicate',
    helpUrl: HELP_COMMON,
  }),
  qbo({
    code: '6150',
    title: 'Parent required',
    meaning: 'A sub-customer or sub-account must name its parent.',
    likelyCause: 'A property or job was marked as a sub-customer in the job app without choosing the parent client.',
    steps: ['In the job app, choose the parent client for the property or job.', 'Sync the parent first if it is new.', RESYNC],
    category: 'missing-reference',
  }),
  badValue(
    '6160',
    'Tax code cannot be used (new transaction)',
    'The tax code chosen cannot be used when creating a transaction in a company that calculates sales tax automatically.',
    'The job app still sends an old custom sales-tax rate after QuickBooks switched to automated sales tax.',
    'remove the custom tax rate and let QuickBooks calculate sales tax, or update the tax mapping in the sync service',
  ),
  developerSide('6170', 'Tax details not allowed', 'Tax details were sent for a transaction that is set to not apply sales tax.'),
  badValue(
    '6180',
    'Too many levels of sub-records',
    'Sub-customers and sub-accounts can only be nested five levels deep.',
    'Clients, properties, zones and individual jobs were nested as customers within customers.',
    'flatten the hierarchy so it has at most five levels',
  ),
  qbo({
    code: '6190',
    title: 'QuickBooks subscription not active',
    meaning: 'The QuickBooks Online subscription has ended, was cancelled or has a billing problem, so records cannot be saved.',
    likelyCause: 'The trial ran out, a card on file expired, or the subscription lapsed over the winter.',
    steps: [
      'Have the company owner sign in to QuickBooks Online and open the gear menu > Account and settings > Billing & subscription.',
      'Update the payment details or reactivate the subscription.',
      'Once QuickBooks accepts changes again, press Resync on the waiting items.',
    ],
    category: 'subscription',
    helpUrl: HELP_COMMON,
  }),
  qbo({
    code: '6200',
    title: 'Books closed for that date',
    meaning: 'The transaction date falls in a period whose books are closed.',
    likelyCause: 'A late invoice for last season\'s work is dated before the closing date your accountant set.',
    steps: [
      'Decide with your accountant whether the transaction belongs in the closed period.',
      'Either change its date in the job app to an open period, or have an admin change the closing date in QuickBooks Online (gear menu > Account and settings > Advanced > Accounting).',
      RESYNC,
    ],
    category: 'closed-period',
  }),
  qbo({
    code: '6210',
    title: 'Books closed for that date (password protected)',
    meaning: 'The transaction is dated in a closed period, and an app cannot write there even though a person with the password could.',
    likelyCause: 'Year-end was closed, and an invoice or payment for work done before then was just completed or edited in the job app.',
    steps: [
      'Check the closing date in QuickBooks Online: gear menu > Account and settings > Advanced > Accounting.',
      'Either date the transaction after the closing date in the job app, or have an admin move or remove the closing date (talk to your accountant first).',
      RESYNC,
    ],
    category: 'closed-period',
    helpUrl: HELP_COMMON,
  }),
  qbo({
    code: '6220',
    title: 'Record still has a balance',
    meaning: 'A record with an open balance cannot be deleted.',
    likelyCause: 'A client who still owes on an invoice was deleted in the job app.',
    steps: [
      'In QuickBooks Online, settle or write off the open balance, or make the customer inactive instead of deleting.',
      'Clear the item from Unsynced Entities once handled.',
    ],
    category: 'validation',
  }),
  badValue(
    '6230',
    'Tax code cannot be used (update)',
    'The tax code chosen cannot be used when changing a transaction in a company that calculates sales tax automatically.',
    'An old custom sales-tax rate is still mapped in the job app.',
    'remove the custom tax rate and let QuickBooks calculate sales tax',
  ),
  qbo({
    code: '6240',
    title: 'Name already in use',
    meaning:
      'Customers, vendors and employees share one list of names in QuickBooks Online, and this name is already taken (inactive records count too). The Detail line usually names the duplicate.',
    likelyCause:
      'The client already exists in QuickBooks (perhaps made inactive), or a subcontractor or employee has the same name as a client, for example a crew member who is also a customer.',
    steps: [
      'Search QuickBooks Online for the name under Sales > Customers, Expenses > Vendors and Payroll > Employees, including inactive records.',
      'If it is the same client, link the job app\'s client to that QuickBooks customer (make it active again if needed) instead of creating a new one.',
      'If it is a different person or company, change the display name in the job app, for example add the street or "(Vendor)".',
      RESYNC,
    ],
    category: 'duplicate',
    helpUrl: HELP_COMMON,
  }),
  qbo({
    code: '6250',
    title: 'Customer missing or inactive',
    meaning: 'The customer on this sale does not exist or is inactive in QuickBooks Online.',
    likelyCause: 'A client who cancelled service was made inactive in QuickBooks, then got one more invoice for a final visit.',
    steps: [
      'In QuickBooks Online open Sales > Customers, include inactive customers, and make the client active again.',
      'If the client is missing entirely, sync the client from the job app first.',
      RESYNC,
    ],
    category: 'deleted-or-inactive',
  }),
  badValue(
    '6270',
    'Dated before the item\'s inventory start',
    'An inventory transaction is dated before the item\'s inventory start date.',
    'Materials such as mulch or sod were billed on a date before they were set up as tracked inventory.',
    'change the transaction date, or move the item\'s inventory start date earlier in QuickBooks (Sales > Products and services)',
  ),
  qbo({
    code: '6280',
    title: 'Customer has unbilled charges',
    meaning: 'A customer with unbilled expenses or time cannot be deleted.',
    likelyCause: 'Crew time or materials were recorded against the client but never put on an invoice.',
    steps: ['In QuickBooks Online, invoice or remove the unbilled charges for that client.', 'Make the client inactive instead of deleting if you no longer serve them.', 'Clear the item from Unsynced Entities.'],
    category: 'validation',
  }),
  badValue(
    '6290',
    'Time entry: employee or vendor, not both',
    'A time entry must belong to either an employee or a vendor, not both.',
    'A crew member is set up both as an employee and as a subcontractor in the job app.',
    'pick the employee or the vendor on the time entry',
  ),
  badValue(
    '6300',
    'Time entry: worker missing',
    'A time entry names no valid employee or vendor.',
    'A new crew member has not been synced to QuickBooks yet, or was made inactive there.',
    'sync the crew member first or make them active in QuickBooks, then assign them to the time entry',
  ),
  badValue(
    '6310',
    'Billable time needs a customer',
    'Time marked as billable must be tied to a customer.',
    'Crew hours were marked billable but not assigned to the client or job.',
    'assign the client to the time entry, or mark it not billable',
  ),
  badValue(
    '6320',
    'Time entry: billable status not valid',
    'The billable status on a time entry is not allowed.',
    'A time entry was sent as already billed; QuickBooks sets that status itself.',
    'leave the time entry as billable or not billable',
  ),
  badValue(
    '6330',
    'Time entry: hourly rate missing',
    'Billable time needs a valid hourly rate.',
    'The crew member\'s billing rate is blank in the job app.',
    'set an hourly rate on the time entry or the crew member',
  ),
  badValue(
    '6340',
    'Time entry: time not valid',
    'The hours and minutes on a time entry are not valid.',
    'A timesheet entry was typed as "8.75h" or with minutes over 59.',
    'enter hours and minutes correctly',
  ),
  badValue(
    '6350',
    'Time entry: time missing',
    'A time entry has no hours and minutes.',
    'A crew clock-in was recorded without a clock-out.',
    'complete the hours (or start and end times) on the time entry',
  ),
  badValue(
    '6360',
    'Time entry: start or end time not valid',
    'The start and end times are not valid, or the break is longer than the time worked.',
    'A crew lead logged a lunch break longer than the shift.',
    'fix the start, end and break times',
  ),
  badValue(
    '6370',
    'Time entry: starts after it ends',
    'A time entry\'s start time is later than its end time.',
    'AM and PM were mixed up on a timesheet, or an overnight storm clean-up crossed midnight.',
    'fix the start and end times (split overnight work into two entries)',
  ),
  badValue(
    '6380',
    'Time entry: duration out of range',
    'The length of a time entry is outside the allowed range.',
    'A forgotten clock-out left a timesheet running for days.',
    'correct the duration of the time entry',
  ),
  badValue(
    '6390',
    'Time entry: conflicting durations',
    'A time entry gives the hours in more than one way.',
    'Both a total duration and start/end times were filled in and disagree.',
    'keep either the total hours or the start and end times',
  ),
  qbo({
    code: '6400',
    title: 'Purchase is linked to an invoice',
    meaning: 'Deleting this purchase would break an invoice that bills it to a customer.',
    likelyCause: 'Materials bought for a job (for example plants from the nursery) were billed to the client, then the purchase was deleted in the job app.',
    steps: ['In QuickBooks Online, remove the billed line from the client\'s invoice first.', 'Then delete the purchase, or keep it and clear the item from Unsynced Entities.'],
    category: 'validation',
  }),
  qbo({
    code: '6420',
    title: 'Email address required',
    meaning: 'The transaction is set to be emailed, but the customer has no email address.',
    likelyCause: 'Invoices are set to email automatically, but this client (often an older homeowner who pays by check) has no email on file.',
    steps: [
      'Add the client\'s email in the job app, or switch the invoice to print/mail instead of email.',
      'Save the record.',
      RESYNC,
    ],
    category: 'validation',
  }),
  qbo({
    code: '6430',
    title: 'Wrong kind of account',
    meaning: 'The record posts to an account whose type is not allowed for it. The Detail line names the account.',
    likelyCause: 'A bill payment was taken from a credit card or income account, or a service item points to an expense account instead of income.',
    steps: [
      READ_DETAIL,
      'In QuickBooks Online open Accounting > Chart of accounts and find the right account type (bank for payments, income for services).',
      'Change the account mapping in the job app or the sync service settings.',
      RESYNC,
    ],
    category: 'validation',
  }),
  badValue(
    '6440',
    'Line needs a service or account',
    'Every line with an amount or a billable customer must name a product/service or an account.',
    'A free-text line such as "extra haul-away" was added to an invoice without choosing a service.',
    'pick a service item (or account) on each line',
  ),
  qbo({
    code: '6450',
    title: 'Settled transaction cannot be voided',
    meaning: 'A card transaction that has already settled cannot be voided.',
    likelyCause: 'A client\'s card payment was voided in the job app a day or more after it was taken.',
    steps: ['Issue a refund in QuickBooks Online instead of voiding.', 'Clear the item from Unsynced Entities once the refund is recorded.'],
    category: 'validation',
  }),
  badValue(
    '6460',
    'Deposit does not match card amount',
    'The invoice deposit amount differs from the card amount charged.',
    'A deposit for a large tree job was edited after the card was charged.',
    'make the deposit equal the amount charged to the card',
  ),
  badValue(
    '6470',
    'Tax not allowed or rate missing',
    'A tax was applied where it is not allowed, or no tax rate was given.',
    'Sales tax was put on a non-taxable service, or a service area\'s tax rate is missing.',
    'fix the tax setting on the lines, or set the tax rate for the service area',
  ),
  qbo({
    code: '6480',
    title: 'Matched bank transaction cannot be deleted',
    meaning: 'The transaction is matched to a bank feed entry, so it cannot be deleted.',
    likelyCause: 'A payment already matched in Banking was deleted in the job app.',
    steps: ['In QuickBooks Online, open Banking, find the matched entry and undo the match.', 'Then delete the transaction, or restore it in the job app.', 'Clear the item from Unsynced Entities.'],
    category: 'validation',
  }),
  developerSide(
    '6490',
    'Budget split by more than one list',
    'A budget sent to QuickBooks Online is broken down by more than one kind of list (for example class and customer at once).',
  ),
  developerSide('6500', 'Budget details missing', 'A budget was sent without its detail lines (the amounts per account and period).'),
  developerSide(
    '6510',
    'Budget account does not fit',
    'The accounts on a budget\'s detail lines do not match the accounts QuickBooks Online expects for that budget.',
  ),
  badValue(
    '6520',
    'Inventory quantity missing',
    'A line with a tracked inventory item needs a quantity.',
    'Bags of fertilizer or yards of mulch were billed with an amount but no quantity.',
    'enter the quantity on the material line',
  ),
  developerSide('6530', 'Card number sent in plain text', 'A raw credit card number was found in the request; QuickBooks only accepts protected card tokens.'),
  qbo({
    code: '6540',
    title: 'Payment already deposited',
    meaning: 'The payment or sales receipt is already part of a bank deposit in QuickBooks Online, so it cannot be changed.',
    likelyCause: 'A client\'s check was deposited in QuickBooks, and afterwards the payment was edited in the job app (for example applied to a different invoice).',
    steps: [
      'Decide whether the change is really needed. Often the simplest fix is to make it by hand in QuickBooks Online.',
      'Otherwise: open the deposit in QuickBooks, remove this payment from it and save.',
      RESYNC,
      'Open the deposit again and add the payment back so the bank total still matches.',
    ],
    category: 'validation',
    helpUrl: HELP_COMMON,
  }),
  qbo({
    code: '6560',
    title: 'Customer missing on the transaction',
    meaning: 'The transaction has no customer QuickBooks Online can use.',
    likelyCause: 'The client could not be created or matched in QuickBooks, often because its name clashes with an existing customer, vendor or employee.',
    steps: [
      'In SyncLens, look for a failed client record for the same customer (often error 6240) and fix that first.',
      'Once the client is synced, press Resync on this transaction.',
    ],
    category: 'missing-reference',
  }),

  // ------------------------------------------------------------ 10000+: Intuit-side
  qbo({
    code: '10000',
    title: 'QuickBooks system error',
    meaning: 'Something failed inside QuickBooks Online. Your data is not the cause.',
    likelyCause: 'A temporary problem at Intuit.',
    steps: [RESYNC_LATER, 'If it keeps failing for hours, have your provider contact Intuit with the request details.'],
    resyncAlone: true,
    category: 'system',
  }),
  developerSide('10100', 'Search result too large', 'A search returned more data than QuickBooks Online will send at once.', 'system'),
  qbo({
    code: '10200',
    title: 'QuickBooks company was reset',
    meaning: 'The QuickBooks Online company was reset, so links to its old records no longer apply.',
    likelyCause: 'The company (or a test company) was wiped and started over.',
    steps: [
      RECONNECT,
      'Ask your provider to re-link or re-send records, since the old QuickBooks ids are gone.',
      'Use Clear ID on items that still point at the old records, then Resync.',
    ],
    clearIdFixes: true,
    category: 'connection',
  }),

  // ------------------------------------------------------------ HTTP-level failures (no fault code)
  qbo({
    code: 'HTTP400',
    title: 'Request rejected (HTTP 400)',
    meaning: 'QuickBooks Online rejected the request as invalid. A fault code usually explains the exact reason.',
    likelyCause: 'A record carried a value QuickBooks does not accept, or the sign-in data was malformed.',
    steps: [READ_DETAIL, 'Fix the value in the job app and save.', RESYNC, PROVIDER],
    category: 'validation',
    helpUrl: HELP_CODES,
  }),
  qbo({
    code: 'HTTP401',
    title: 'Not signed in to QuickBooks (HTTP 401)',
    meaning: 'QuickBooks Online did not accept the sync service\'s sign-in: it expired or was revoked.',
    likelyCause: 'The connection lapsed after a long pause in syncing, or an admin disconnected the app.',
    steps: [
      'Wait for the next connector run: the sign-in is usually renewed on its own.',
      'If the connector still reports the sign-in expired, have a QuickBooks Online admin reconnect QuickBooks.',
      RESYNC,
    ],
    category: 'connection',
    helpUrl: HELP_CODES,
  }),
  qbo({
    code: 'HTTP403',
    title: 'Access refused (HTTP 403)',
    meaning: 'The sync service is signed in but not allowed to do this in your QuickBooks Online company.',
    likelyCause: 'The app was disconnected or its permissions changed, or it points at the wrong (test) company.',
    steps: ['Check in QuickBooks Online (Apps > My apps in the left menu) that the sync service is still connected.', RECONNECT, RESYNC],
    category: 'connection',
    helpUrl: HELP_CODES,
  }),
  qbo({
    code: 'HTTP404',
    title: 'Not found (HTTP 404)',
    meaning: 'QuickBooks Online could not find the address or record the request asked for.',
    likelyCause: 'The sync service used a wrong company id or an address that no longer exists.',
    steps: ['Check the connected company in the sync service settings.', PROVIDER],
    category: 'connection',
    helpUrl: HELP_CODES,
  }),
  qbo({
    code: 'HTTP429',
    title: 'Too many requests (HTTP 429)',
    meaning: 'QuickBooks Online asked the sync service to slow down because a rate limit was reached.',
    likelyCause: 'Many records were sent at once, for example a season\'s worth of recurring lawn invoices.',
    steps: ['No action needed: the sync service waits about a minute and tries again.', 'If the item is still failed later, press Resync on it.'],
    resyncAlone: true,
    category: 'throttling',
    helpUrl: HELP_LIMITS,
  }),
  qbo({
    code: 'HTTP500',
    title: 'QuickBooks server error (HTTP 500)',
    meaning: 'QuickBooks Online hit an internal error while handling the request.',
    likelyCause: 'A temporary problem at Intuit.',
    steps: [RESYNC_LATER, 'If it fails again, have your provider contact Intuit support with the request details.'],
    resyncAlone: true,
    category: 'system',
    helpUrl: HELP_CODES,
  }),
  qbo({
    code: 'HTTP502',
    title: 'Intuit gateway error (HTTP 502)',
    meaning:
      'Intuit\'s gateway, the server in front of QuickBooks Online, got no proper answer from QuickBooks and sent back an error page instead. It says nothing about your data.',
    likelyCause: 'A short outage or overload at Intuit; these usually pass within minutes.',
    steps: [INTUIT_STATUS, RESYNC_LATER, PROVIDER_PERSISTS],
    resyncAlone: true,
    category: 'quickbooks-busy',
    helpUrl: HELP_STATUS,
  }),
  qbo({
    code: 'HTTP503',
    title: 'QuickBooks unavailable (HTTP 503)',
    meaning: 'QuickBooks Online is temporarily not accepting requests.',
    likelyCause: 'An outage or maintenance at Intuit.',
    steps: [INTUIT_STATUS, RESYNC_LATER],
    resyncAlone: true,
    category: 'quickbooks-busy',
    helpUrl: HELP_CODES,
  }),
  qbo({
    code: 'HTTP504',
    title: 'QuickBooks took too long (HTTP 504)',
    meaning: 'Intuit\'s gateway stopped waiting for QuickBooks Online to answer. Your data is not the cause.',
    likelyCause:
      'QuickBooks Online was slow or overloaded, or the request asked for a lot at once, such as a full season of recurring lawn-care invoices in one batch.',
    steps: [RESYNC_LATER, CHECK_BEFORE_RESYNC, PROVIDER_PERSISTS],
    resyncAlone: true,
    category: 'quickbooks-busy',
    helpUrl: HELP_STATUS,
  }),

  // ------------------------------------------------------------ Intuit's gateway (message=…; errorCode=00NNNN)
  qbo({
    code: '6002',
    title: 'QuickBooks took too long (gateway timeout)',
    meaning: 'Intuit\'s gateway gave up waiting for QuickBooks Online to finish the request (it answers with HTTP 504).',
    likelyCause: 'QuickBooks Online was slow or overloaded, or the request asked for a lot of data at once, such as a long report.',
    steps: [RESYNC_LATER, CHECK_BEFORE_RESYNC, PROVIDER_PERSISTS],
    resyncAlone: true,
    category: 'quickbooks-busy',
    helpUrl: HELP_STATUS,
  }),
  qbo({
    code: '6003',
    title: 'Connection broke inside Intuit',
    meaning: 'Intuit\'s gateway lost its connection to QuickBooks Online while passing the request on (it answers with HTTP 500).',
    likelyCause: 'A passing problem inside Intuit\'s network. Nothing in your jobs, clients or invoices caused it.',
    steps: [INTUIT_STATUS, RESYNC_LATER, PROVIDER_PERSISTS],
    resyncAlone: true,
    category: 'quickbooks-busy',
    helpUrl: HELP_STATUS,
  }),
  qbo({
    code: '7001',
    title: 'Company not found at this QuickBooks address',
    meaning: 'Intuit\'s gateway could not find where your QuickBooks Online company is kept for this request.',
    likelyCause:
      'The sync service sent a company id that QuickBooks does not know at the address it called, for example a test (sandbox) company used against live QuickBooks, or a wrong company id.',
    steps: ['Check in the sync service settings that the right QuickBooks company is connected.', RECONNECT, PROVIDER],
    category: 'connection',
  }),

  // ------------------------------------------------------------ Intuit's sign-in service (OAuth 2.0 errors)
  qbo({
    code: 'invalid_grant',
    title: 'QuickBooks connection expired (reconnect needed)',
    meaning:
      'Intuit refused to renew the sync service\'s sign-in to QuickBooks because its saved renewal token is no longer valid. Retrying will not help: QuickBooks has to be connected again.',
    likelyCause:
      'The connection went unused for more than 100 days (a long off-season pause), an admin disconnected the app, or the sync service used an older copy of the token after Intuit had already replaced it.',
    steps: [
      RECONNECT,
      'In SyncLens, check that the connector status shows OK again.',
      RESYNC,
      'If the connection keeps expiring within days, tell your sync service provider: the service may be reusing old renewal tokens.',
    ],
    category: 'connection',
    helpUrl: HELP_OAUTH_FAQ,
  }),
  appSetup(
    'invalid_client',
    'Sync service\'s app keys rejected',
    'Intuit did not accept the sync service\'s app credentials (its client id and secret) when it tried to sign in to QuickBooks.',
    'A setup problem on the sync service\'s side: wrong, changed or mistyped app keys, or test keys used against live QuickBooks.',
  ),
  appSetup(
    'unauthorized_client',
    'Sync service app not allowed to sign in this way',
    'Intuit says the sync service\'s app is not allowed to use the kind of sign-in it tried.',
    'A setting in the sync service\'s app registration at Intuit does not allow this kind of sign-in or environment.',
  ),
  qbo({
    code: 'access_denied',
    title: 'QuickBooks connection not approved',
    meaning: 'The connection to QuickBooks was cancelled or declined on Intuit\'s approval screen, so the sync service got no access.',
    likelyCause: 'Whoever was connecting pressed Cancel or "No, thanks" on the QuickBooks approval screen, or closed it before approving.',
    steps: [
      'Start the connection again from the sync service settings.',
      'Sign in as a QuickBooks Online admin of the right company and approve the access the sync service asks for.',
      'In SyncLens, check that the connector status shows OK again.',
      RESYNC,
    ],
    category: 'connection',
    helpUrl: HELP_OAUTH,
  }),
  appSetup(
    'invalid_request',
    'Sign-in request rejected by Intuit',
    'Intuit\'s sign-in service rejected the sync service\'s request as incomplete or malformed, so the QuickBooks connection could not be made or renewed.',
    'A problem in how the sync service asks Intuit for access, such as a missing value or a return address that does not match its app settings. Your data did not cause it.',
  ),
  appSetup(
    'invalid_scope',
    'Sync service asked for access Intuit would not grant',
    'The sync service asked for a kind of access that Intuit does not allow for its app or for your company, so the connection was refused.',
    'The sync service asked for an extra permission, such as QuickBooks Payments, that is not set up for its app or for your company.',
  ),

  appSetup(
    'unsupported_grant_type',
    'Sign-in method not supported by Intuit',
    'Intuit\'s sign-in service does not support the way the sync service asked for a token, so the QuickBooks connection could not be made or renewed.',
    'A problem in the sync service\'s sign-in code or settings. Your data did not cause it.',
  ),
  appSetup(
    'unsupported_response_type',
    'Connection request not supported by Intuit',
    'Intuit\'s approval screen does not support the kind of answer the sync service asked for when it started the connection.',
    'A problem in how the sync service starts the QuickBooks connection. Your data did not cause it.',
  ),

  // ------------------------------------------------------------ network between the sync service and Intuit
  network(
    'ECONNRESET',
    'Connection to Intuit dropped',
    'The network connection between the sync service and Intuit was cut off in the middle of a request.',
    'A brief network problem between the sync service\'s server and Intuit, or Intuit closing a busy connection.',
  ),
  network(
    'ETIMEDOUT',
    'Connection to Intuit timed out',
    'The sync service could not reach Intuit, or got no answer, within its time limit.',
    'Intuit was slow or briefly unreachable, or the network of the sync service\'s server had trouble.',
  ),
  network(
    'ESOCKETTIMEDOUT',
    'No answer from Intuit in time',
    'The sync service was connected to Intuit but stopped waiting because no answer came back in time.',
    'QuickBooks Online was slow to answer, often while it was busy or the request was large.',
  ),
  network(
    'ECONNABORTED',
    'Request to Intuit given up',
    'The sync service gave up on a request to Intuit because it took longer than the service\'s time limit.',
    'QuickBooks Online was slow to answer, or the network of the sync service\'s server was slow.',
  ),
  network(
    'ECONNREFUSED',
    'Connection to Intuit refused',
    'The sync service\'s server tried to open a connection to Intuit and was turned away before anything was sent.',
    'A network device on the sync service\'s side (such as a proxy or firewall) blocked the connection, or the address it called was not answering.',
  ),
  network(
    'ENOTFOUND',
    'Intuit\'s address not found',
    'The sync service\'s server could not look up Intuit\'s address on the internet (a name lookup, or DNS, failure).',
    'A name-lookup problem on the sync service\'s network, usually brief; now and then a mistyped address in its settings.',
  ),
  network(
    'EAI_AGAIN',
    'Intuit\'s address lookup failed for now',
    'The sync service\'s server could not look up Intuit\'s address at that moment and was told to try again.',
    'A temporary name-lookup (DNS) problem on the sync service\'s network.',
  ),
];

const PHP_SDK_STATUS = (status: number) => `Invalid auth/bad request (got a ${status}, expected HTTP/1.1 20X or a redirect)`;

/**
 * The wordings used for each code, as they appear (`*` for a variable part), to recognise a pasted
 * message that carries no code. Never shown to the user. Sources:
 * - Intuit's error-code table (…/troubleshooting/error-codes): its Message column, and the literal
 *   parts of its Detail column ("AuthenticationErrorGeneral: XXX", "Invalid billable status: XXX");
 * - Intuit's "Fix common errors" page (…/troubleshooting/handling-common-errors), its 2017 blog on
 *   frequent errors, and the legacy IPP error listing (second Message wordings for 500–1010);
 * - real responses quoted in public issues and fixtures: node-quickbooks, python-quickbooks,
 *   quickbooks-ruby, quickeebooks, qbo_api, intuit-oauth (JS), the official PHP, .NET and Java SDKs;
 * - the wrappers' own words around a status: the PHP SDK's "Invalid auth/bad request (got a N …)",
 *   quickbooks-ruby's "HTTP Error Code: N", Faraday's "the server responded with status N", the
 *   .NET SDK's "IdsException: BadGateway", and Node's and cURL's network error messages.
 * A wording is given to two codes only where QuickBooks uses it for both (6160 and 6230 share
 * "Invalid TaxCodeRef Error" in Intuit's own table).
 */
export const QBO_MESSAGES: Readonly<Record<string, readonly string[]>> = {
  // Intuit's table, and python-quickbooks#120 ("AuthenticationErrorGeneral: SRV-110-Authentication Failure , statusCode: 401")
  '100': ['General Authentication Error', 'AuthenticationErrorGeneral: *'],
  '110': ['Authentication OAuth Error', 'AuthenticationOAuthError: *'],
  '120': ['Authorization Failure', 'AuthorizationFailure: *', 'You do not have access to use QuickBooks Online *'],
  '130': ['Accessing Wrong Cluster', 'WrongClusterError: *'],
  '140': ['Company Locked Out', 'CompanyLockedOut: *'],
  // The HTML maintenance page titled "We'll be back soon" reached API callers (QuickBooks-V3-DotNET-SDK#29).
  '150': ['Company Under Maintenance', 'CompanyUnderMaintenance: *', "We'll be back soon"],
  // quickbooks-ruby spec fixtures access_token_24/212/270.xml (ReconnectResponse ErrorMessage)
  '24': ['Invalid App Token'],
  '212': ['Token Refresh Window Out of Bounds'],
  '270': ['OAuth Token Rejected'],

  '500': ['Unsupported Operation', 'Operation * is not supported.', 'Unsupported operation requested'],
  '600': ['Duplicate Request ID', 'RequestId already exists in the system, duplicate request is detected'],
  '610': [
    'Object Not Found',
    "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts*",
    'Object Not Found : Another user has deleted this transaction.',
    'ID requested for the object does not exists in the system',
  ],
  '620': ['Txn ID Cannot Be Linked', "Transaction ID sent in the request can't be supported"],
  '630': ['Duplicate Object', 'Already object with some properties exist and it violates the unique constraint of the object'],
  '700': ['Parent Reference Invalid', 'Parent referred is not valid reference'],
  '800': ['Cannot delete object', 'Object cannot be deleted due to dependencies not deleted'],
  '900': ['Parent cannot be child'],
  '1000': ['Operation failed', 'Operation * failed.', 'Operation failed, see details for error'],
  '1010': ['Create Failed', 'Object creation failed, *'],
  '1020': ['Update Failed', 'Object update failed, *'],
  '1040': ['Batch size exceeds allowed limit'],
  '1050': ['Invalid Content Type'],

  '2000': ['Invalid or unsupported object name'],
  // python-quickbooks#24
  '2010': ['Request has invalid or unsupported property', 'Property Name:* specified is unsupported or invalid'],
  // python-quickbooks PR#257; Intuit's common-errors page (both variants)
  '2020': [
    'Required param missing, need to supply the required value for the API',
    'Required param missing',
    'Required parameter * is missing in the request',
    'An inventory * is required if you are tracking inventory quantities for this product',
  ],
  '2030': ['Invalid ID'],
  '2040': ['Invalid String', 'Element contains invalid characters: *'],
  // live responses quoted in public code; the example fault on Intuit's error-code page
  '2050': [
    'Invalid String Length',
    'String length is either shorter or longer than supported by specification',
    'String length specified does not match the supported length. Min:* Max:* supported. Supplied length:*',
    'Length exceeds limit',
    'Length of the field exceeds * chars',
  ],
  '2060': ['Invalid Date Format'],
  '2070': ['Invalid Date'],
  '2080': ['Invalid Number Format', 'Illegal number format'],
  '2090': ['Invalid Number'],
  '2100': ['Invalid Decimal Format'],
  '2110': ['Invalid Decimal'],
  '2120': ['Invalid Type'],
  '2130': ['Invalid Request Id Format'],
  '2140': ['Invalid Amount'],
  '2150': ['Invalid Percent'],
  '2160': ['Invalid Quantity'],
  '2170': ['Invalid Enumeration', 'Invalid Enumeration : HAS_BEEN_BILLED'],
  '2180': ['Invalid String Range'],
  '2190': ['Invalid Date Range'],
  '2200': ['Malformed Website Address Format'],
  '2210': ['Invalid Email Address Format', 'Email Address does not conform to the syntax rules of RFC 822*'],
  '2220': ['Invalid Currency Type'],
  '2230': ['Invalid Boolean'],
  '2240': ['Invalid Number Range'],
  '2250': ['Missing lines', 'You must enter at least one split line.'],
  '2260': ['MissingPostingType'],
  '2270': ['MissingTaxApplicableOn'],
  '2280': ['MissingTaxAmount'],
  '2290': ['NegativeAmount'],
  '2300': ['Amount on debits not equal to credits'],
  // Intuit's common-errors page; "Names element id 583 not found", "Line.SalesItemLineDetail.ItemRef" in public code
  '2500': [
    'Invalid Reference Id',
    'Invalid Reference Id : *',
    "Invalid Reference Id : Something you're trying to use has been made inactive. Check the fields with accounts*",
    'Invalid Reference Id : * element id * not found',
    'An item in this transaction is set up as a category instead of a product or service',
  ],
  '2600': ['Invalid Request Conflict Element in Request'],

  '3000': ['Invalid Custom Field'],
  '3001': ['message=ThrottleExceeded; errorCode=003001; statusCode=429', 'The request limit was reached.', 'ThrottleExceeded'],
  // intuit/oauth-jsclient#2 ("AuthorizationFailed")
  '3100': [
    'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403',
    'message=AuthorizationFailed; errorCode=003100; statusCode=403',
    'ApplicationAuthorizationFailed',
  ],
  '3200': [
    'message=AuthenticationFailed; errorCode=003200; statusCode=401',
    'message=Exception authenticating OAuth; errorCode=003200; statusCode=401',
    'ApplicationAuthenticationFailed',
    'Token expired',
    'Token revoked',
  ],
  '3202': ['EmptyField'],
  // node-quickbooks#56, consolibyte/quickbooks-php#129; QuickBooks-V3-Java-SDK#47
  '4000': ['The query cannot be parsed', 'Error parsing query', 'QueryParserError: *'],
  '4001': ['The query is invalid', 'QueryValidationError: *'],
  '4002': ['The query could not be processed', 'Error processing query', 'QueryProcessingError: *'],

  '5000': ['Deprecated field'],
  '5010': [
    'Stale Object Error',
    'You and * were working on this at the same time. * finished before you did, so your work was not saved.',
    'Stale Object',
  ],
  '5020': ['Permission Denied'],
  '5030': ['Feature Not Supported'],

  // Intuit's common-errors page; activepieces#8539, node-quickbooks#48 (Detail variants)
  '6000': ['A business validation error has occurred while processing your request', 'Business Validation Error: *'],
  '6002': [
    'message=GatewayTimeout; errorCode=006002; statusCode=504',
    'message=Timeout occurred while proxying request; errorCode=006002; statusCode=504',
  ],
  // quickeebooks spec (status_report_parse_error.html); django-quickbooks-online retries it
  '6003': [
    'message=General IO error while proxying request; errorCode=006003; statusCode=500',
    'General IO error while proxying request',
  ],
  '6010': ['Invalid Account.AccountType && Account.SubType'],
  '6020': ['Content length missing in request'],
  '6030': ['Upload request size exceeds allowed limit'],
  '6040': ['The file metadata must be of Attachable type'],
  '6041': ['Invalid Uploaded File'],
  '6050': ['The entity reference type is unsupported for Attachable'],
  '6060': ['Account.OpenBalanceDate must be specified with Account.OpenBalance'],
  // QuickBooks-V3-PHP-SDK#445
  '6070': ['Amount calculation incorrect in the request', 'Amount is not equal to UnitPrice * Qty. Supplied value:*'],
  '6080': ['No Name Provided'],
  '6090': ['Discount Line missing required info'],
  '6100': ['Invalid Line TaxCode in the request'],
  '6110': ['MAS Transaction cannot be updated'],
  '6120': ['MAS Transaction cannot be deleted'],
  '6130': ['Cannot change who customer bills with'],
  '6140': [
    'Duplicate Document Number Error',
    'Duplicate Doc Num',
    'Duplicate DocNum Error',
    'You must specify a different number. This number has already been used. DocNumber=* is assigned to TxnType=* with TxnId=*',
    'Duplicate Document Number Error : You must specify a different number. This number has already been used.',
  ],
  '6150': ['ParentRef Required Validation Error'],
  '6160': ['Invalid TaxCodeRef Error'],
  '6170': ['Invalid TxnTaxDetail Error'],
  '6180': ['Sub Level Limit'],
  '6190': [
    'Invalid Company Status',
    'Invalid Company Status Error',
    'Subscription period has ended or canceled or there was a billing problem*',
    "You can't add data to QuickBooks Online * because your trial or subscription period ended*",
  ],
  '6200': ['Account Period Closed Error'],
  '6210': [
    'Account Period Closed, Cannot Update Through Services API',
    'Account Period Closed Required Password Error',
    'Account Period Closed',
    'The account period has closed and the account books cannot be updated through the QBO Services API*',
  ],
  '6220': ['Delete Entity Has Balance Error'],
  '6230': ['Invalid TaxCodeRef Error'],
  // quickbooks-ruby fixture customer_duplicate_error.xml; Intuit's common-errors page
  '6240': [
    'Duplicate Name Exists Error',
    'The name supplied already exists. : *',
    'Another * is already using this name. Please use a different name.',
  ],
  '6250': ['InvalidSalesCustomer'],
  '6270': ['InventoryTxnDatedBeforeItemStartDate'],
  '6280': ['Delete Customer Has Unbilled Expenses Error'],
  '6290': ['InvalidEmployeeOrVendor'],
  '6300': ['InvalidEmployeeOrVendorName'],
  '6310': ['MissingCustomer'],
  '6320': ['InvalidBillable', 'Invalid billable status: *'],
  '6330': ['MissingBillingRate', 'Invalid hourly rate: *'],
  '6340': ['InvalidTime', 'You must specify a time (hours:minutes): *'],
  '6350': ['MissingTime', 'Time (hours:minutes) is missing: *'],
  '6360': ['InvalidStartOrEndTime'],
  '6370': ['StartTimeAfterEndTime', 'The start time is after end time: *'],
  '6380': ['InvalidDuration'],
  '6390': ['InvalidMultipleDurations'],
  '6400': ['Deleting linkedPurchase results in invalid Invoice'],
  '6420': ['Email address is required'],
  '6430': ['Invalid account type used', 'Invalid account type: *'],
  '6440': ['Transaction Detail Information Required'],
  '6450': ['Attempt to Void Transaction failed'],
  '6460': ['Invoice MAS Transaction Deposit Amount mismatch'],
  '6470': ['TaxLiabilityAccount or TaxRateError'],
  '6480': ['Matched Transaction Delete Error'],
  '6490': ['MultipleBudgetSecondaryListTypes'],
  '6500': ['MissingBudgetDetails'],
  '6510': ['BudgetAccountMismatch'],
  '6520': ['Missing Tracked Inventory Item Quantity'],
  '6530': ['Found raw Credit Card Numbering request'],
  '6540': [
    'Deposited Transaction cannot be changed',
    'This transaction has been deposited. If you want to change or delete it, you must edit the deposit it appears on and remove it first.',
  ],
  // Only integrators' help pages (team reference, [3P]); not in Intuit's table
  '6560': ['CustomerRef is missing in the request'],
  // quickbooks-ruby#39 and fixture generic_error.xml
  '10000': ['An application error has occurred while processing your request', 'System Failure Error: *'],
  '10100': ['Result Set Big'],
  '10200': ['Company Reset', 'Company has been reset. Request for CUD is stale.'],
  // quickeebooks spec (status_report_no_destination_found.html)
  '7001': [
    'message=No destination found for given partition key; errorCode=007001; statusCode=400',
    'No destination found for given partition key',
  ],

  HTTP400: [PHP_SDK_STATUS(400)],
  // Integrators match the .NET SDK's "Unauthorized-401"; the old API's 401 said "token_rejected".
  HTTP401: [PHP_SDK_STATUS(401), 'Unauthorized-401', 'Unauthorized OAuth Token: token_rejected'],
  HTTP403: [PHP_SDK_STATUS(403)],
  HTTP404: [PHP_SDK_STATUS(404)],
  HTTP429: [PHP_SDK_STATUS(429)],
  // qbo_api#81 ("InternalServerError" under errorCode=003100 with a 500); quickeebooks internal_server_error.xml
  HTTP500: [PHP_SDK_STATUS(500), 'message=InternalServerError; errorCode=003100; statusCode=500', 'Internal Server Error'],
  // QuickBooks-V3-Java-SDK#47 (nginx page), QuickBooks-V3-DotNET-SDK#78, qbo_api#81, quickbooks-ruby's fallback
  HTTP502: [
    '502 Bad Gateway',
    'IdsException: BadGateway',
    'the server responded with status 502',
    'HTTP Error Code: 502, Msg:*',
    PHP_SDK_STATUS(502),
  ],
  // qbo_api#81 (Avi Vantage page), node-quickbooks#127 (IIS-style page)
  HTTP503: [
    '503 Service Temporarily Unavailable',
    'HTTP Error 503. The service is unavailable.',
    'Service Unavailable',
    PHP_SDK_STATUS(503),
  ],
  // quickbooks-ruby PR#175 ("HTTP Error Code: 504, Msg: <IntuitResponse …>"), QuickBooks-V3-DotNET-SDK#342; nginx's page
  HTTP504: ['HTTP Error Code: 504, Msg:*', '504 Gateway Time-out', 'Gateway Timeout', PHP_SDK_STATUS(504)],

  // Intuit's token endpoint: intuit/oauth-jsclient#77 and its errorResponse.json mock, QuickBooks-V3-PHP-SDK#240 and
  // #308 (with the SDK's own "Refresh OAuth 2 Access token with Refresh Token failed"), python-quickbooks#272
  invalid_grant: [
    '{"error":"invalid_grant"}',
    'Incorrect or invalid refresh token',
    'Token invalid',
    'Incorrect Token type or clientID',
    'Refresh OAuth 2 Access token with Refresh Token failed',
  ],
  // intuit/oauth-rubyclient#14, quickbooks-ruby#407
  invalid_client: ['{"error":"invalid_client"}'],
  // No Intuit response with these is quoted publicly: the form is RFC 6749's (sections 4.1.2.1 and 5.2), which
  // Intuit follows for the two above. invalid_request from Intuit's token endpoint: QuickBooks-V3-DotNET-SDK#342.
  unauthorized_client: ['{"error":"unauthorized_client"}'],
  invalid_request: ['{"error":"invalid_request"}'],
  unsupported_grant_type: ['{"error":"unsupported_grant_type"}'],
  unsupported_response_type: ['error=unsupported_response_type'],
  // Redirect back from Intuit's approval screen: n8n#1851 (access_denied), IntuitDeveloper/HelloWorld-PHP#2 (invalid_scope)
  access_denied: ['error=access_denied'],
  invalid_scope: ['error=invalid_scope'],

  // Node's messages; cURL's through the PHP SDKs (QuickBooks-V3-PHP-SDK#126, #218, #378, #474; PHP-Payments-SDK#17)
  ECONNRESET: ['socket hang up', 'read ECONNRESET', 'Connection reset by peer'],
  ETIMEDOUT: [
    'connect ETIMEDOUT *',
    'cURL error during making API call. cURL Error Number:[28]*',
    'Operation timed out after * milliseconds with *',
    'Connection timed out after * milliseconds',
  ],
  // the request library node-quickbooks uses
  ESOCKETTIMEDOUT: ['ESOCKETTIMEDOUT'],
  // axios, which intuit-oauth uses
  ECONNABORTED: ['timeout of * exceeded'],
  // IntuitDeveloper/oauth2-nodejs#6 (ECONNREFUSED behind popsicle's "Unable to connect to"), intuit/oauth-jsclient#108
  ECONNREFUSED: ['connect ECONNREFUSED *', 'Unable to connect to *'],
  // python-quickbooks#39 (name lookup of oauth.intuit.com failed)
  ENOTFOUND: ['getaddrinfo ENOTFOUND *', 'nodename nor servname provided, or not known'],
  EAI_AGAIN: ['getaddrinfo EAI_AGAIN *'],
};

/** Every QuickBooks Online entry, with the wordings QuickBooks uses for it. */
export const QBO_ENTRIES: ErrorEntry[] = ENTRIES.map((entry) => {
  const messages = QBO_MESSAGES[entry.code];
  return messages ? { ...entry, messages } : entry;
});
