/** The fake engine's records (containers, images, execs) and its clock. */
import type { Clock } from '@pier/plugin-api';
import type { CreateContainerSpec, ExecSpec, RestartPolicy } from '../docker-port.js';
import type { StreamKind } from '../frames.js';

export interface FakeContainer {
  id: string;
  name: string;
  spec: CreateContainerSpec;
  status: string;
  startedAt: string;
  restartCount: number;
  restartPolicy: RestartPolicy | undefined;
  logs: string;
  /** Unix seconds. */
  created: number;
  exitCode: number | null;
  /** What the container wrote, for logStream (writeLog adds to it). */
  logEntries: { stream: StreamKind; text: string; at: number }[];
}

/** What an attached one-off process does; null keeps it running until it is signalled or stopped. */
export type RunResult = { stdout?: string; stderr?: string; exitCode: number } | null;

export interface FakeExec {
  container: FakeContainer;
  spec: ExecSpec;
  exitCode: number | null;
}

export interface FakeImage {
  id: string;
  workingDir: string;
  labels: Record<string, string>;
  /** Files in the image, by absolute path. */
  files: Record<string, string>;
}

export class FakeClock implements Clock {
  constructor(public ms = Date.UTC(2025, 0, 1)) {}
  now() {
    return this.ms;
  }
  async sleep(ms: number) {
    this.ms += Math.max(0, ms);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
