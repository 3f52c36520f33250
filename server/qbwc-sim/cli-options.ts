/**
 * Command-line options of the Web Connector simulator. The password may come from
 * QBWC_SIM_PASSWORD so it stays out of the process list; it is never echoed back.
 */
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface SimulatorPlan {
  url: string;
  userName: string;
  password: string;
  /** Minutes between runs; undefined = one run, then exit. */
  everyMinutes?: number;
  companyName?: string;
  companyFilePath?: string;
  cannotOpenFile: boolean;
}

export const USAGE = 'usage: npm run qbwc-sim -- --url http://127.0.0.1:8787/qbwc --user <name> [--password <p> | env QBWC_SIM_PASSWORD] '
  + '[--every <minutes>] [--company-name <name>] [--company-file <path.QBW>] [--cannot-open]';

export function planFromArgs(argv: string[], env: Record<string, string | undefined>): SimulatorPlan {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: {
        url: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' }, every: { type: 'string' },
        'company-name': { type: 'string' }, 'company-file': { type: 'string' }, 'cannot-open': { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  const password = values.password ?? env.QBWC_SIM_PASSWORD;
  if (!values.url) throw new UsageError(`--url is required\n${USAGE}`);
  if (!/^https?:\/\//.test(values.url)) throw new UsageError('--url must be an http:// or https:// address');
  if (!values.user) throw new UsageError(`--user is required\n${USAGE}`);
  if (!password) throw new UsageError(`a password is required (--password or QBWC_SIM_PASSWORD)\n${USAGE}`);
  let everyMinutes: number | undefined;
  if (values.every !== undefined) {
    everyMinutes = Number(values.every);
    if (!(everyMinutes > 0)) throw new UsageError('--every takes a positive number of minutes');
  }
  return {
    url: values.url, userName: values.user, password, everyMinutes,
    companyName: values['company-name'], companyFilePath: values['company-file'], cannotOpenFile: values['cannot-open'] ?? false,
  };
}
