/**
 * QuickBooks Online Accounting API fault codes (Fault.Error[].code), plus HTTP-level failures
 * stored as "HTTP401" style codes so they never collide with fault code 500.
 * Facts come from the team reference (quickbooks-error-codes.md); every sentence is our own.
 */
import type { ErrorEntry } from '../types';

const HELP_COMMON = 'https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/handling-common-errors';
const HELP_CODES = 'https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/error-codes';
const HELP_LIMITS = 'https://developer.intuit.com/app/developer/qbo/docs/learn/limits-and-throttles';
const HELP_OAUTH = 'https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/oauth-errors';

// Steps that recur across many entries, phrased once so the wording stays consistent.
const RESYNC = 'In SyncLens, open Unsynced Entities and press Resync on this item.';
const RESYNC_LATER = 'Wait a few minutes, then press Resync on the item in Unsynced Entities.';
const RECONNECT =
  'Have a QuickBooks Online admin open the sync service settings and reconnect QuickBooks (sign in and approve access again).';
const PROVIDER =
  'If it still fails, send the error code, the full message and the time to your sync service provider: the request itself must change.';
const READ_DETAIL = 'Open the failed item in SyncLens and read the Detail line: it names the field or rule that was broken.';

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

export const QBO_ENTRIES: ErrorEntry[] = [
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
    title: 'Duplicate object',
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
    title: 'Operation failed',
    meaning: 'QuickBooks Online could not complete the operation; the Detail line explains why.',
    likelyCause: 'Varies. Often a record that changed in QuickBooks while the sync was running.',
    steps: [READ_DETAIL, RESYNC, PROVIDER],
    category: 'system',
  }),
  qbo({
    code: '1010',
    title: 'Create failed',
    meaning: 'QuickBooks Online did not create the record.',
    likelyCause: 'Something about the new client, invoice or item was not acceptable; the Detail line says what.',
    steps: [READ_DETAIL, 'Fix that value in the job app and save.', RESYNC],
    category: 'validation',
  }),
  qbo({
    code: '1020',
    title: 'Update failed',
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
  developerSide('2030', 'Invalid id', 'An id in the request is not a valid QuickBooks Online number.'),
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
    'Invalid date',
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
    'Invalid type',
    'A type or category value does not fit this record, for example an item type QuickBooks will not take here.',
    'A service was set up as an inventory product (or the other way round), or an item type changed in the job app.',
    'check the item type of the service or product',
  ),
  developerSide('2130', 'Invalid request id format', 'The request id the sync service sent is not in a format QuickBooks Online accepts.'),
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
    'Invalid date range',
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
    title: 'Query could not be processed',
    meaning: 'QuickBooks Online failed while running a search for the sync service.',
    likelyCause: 'A temporary problem on Intuit\'s side or a search that returns too much data at once.',
    steps: [RESYNC_LATER, PROVIDER],
    resyncAlone: true,
    category: 'system',
  }),

  // ------------------------------------------------------------ 5xxx: concurrency and plan features
  developerSide('5000', 'Deprecated field', 'The request used a field QuickBooks Online has retired.'),
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
    code: 'HTTP503',
    title: 'QuickBooks unavailable (HTTP 503)',
    meaning: 'QuickBooks Online is temporarily not accepting requests.',
    likelyCause: 'An outage or maintenance at Intuit.',
    steps: ['Check whether QuickBooks Online itself opens in your browser; if not, the outage is on Intuit\'s side.', RESYNC_LATER],
    resyncAlone: true,
    category: 'quickbooks-busy',
    helpUrl: HELP_CODES,
  }),
];
