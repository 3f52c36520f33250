/**
 * Closed-loop HTTP load for the server benchmarks: `clients` keep-alive connections, each sending
 * its next request as soon as the last answer is read, spread over `urls` as a load balancer would
 * (client i → urls[i % n]). Answers during a warm-up are not counted; then every latency is kept.
 */
import { Agent, request } from 'node:http';
import { percentile } from './report.ts';

export const LOAD_WARMUP_MS = 300;
export const LOAD_MS = 1500;

export interface LoadResult { perSecond: number; p99: number; requests: number; wrongStatus: number }

export async function loadTest(urls: string | string[], headers: Record<string, string>, expected: number, clients: number): Promise<LoadResult> {
  const targets = typeof urls === 'string' ? [urls] : urls;
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const once = (url: string) => new Promise<{ ms: number; status: number }>((resolve, reject) => {
    const t0 = performance.now();
    const req = request(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end();
  });
  const latencies: number[] = [];
  let wrongStatus = 0;
  let recording = false;
  let stop = false;
  const client = async (i: number) => {
    const url = targets[i % targets.length]!;
    while (!stop) {
      const r = await once(url);
      if (!recording) continue;
      latencies.push(r.ms);
      if (r.status !== expected) wrongStatus++;
    }
  };
  const running = Array.from({ length: clients }, (_, i) => client(i));
  await new Promise((r) => setTimeout(r, LOAD_WARMUP_MS));
  recording = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, LOAD_MS));
  recording = false;
  const elapsed = performance.now() - t0;
  stop = true;
  await Promise.all(running);
  agent.destroy();
  return { perSecond: (latencies.length * 1000) / elapsed, p99: percentile(latencies, 99), requests: latencies.length, wrongStatus };
}
