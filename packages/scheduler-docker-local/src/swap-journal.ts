/**
 * What a deploy is about to do with the old containers, written before its swap and removed once
 * they all got their SIGTERM and their retire job (`<root>/data/scheduler-docker-local/<app>/swap-journal.json`).
 *
 * A deploy killed outright (`kill -9`, a power cut) between the swap and the SIGTERM would
 * otherwise leave old containers renamed aside but still running and serving, with no job to
 * stop them. The next deploy of the app, and every ps:retire, finish the work of a journal whose
 * deploy is gone (resumeSwap):
 *
 *   - a replaced container already renamed aside, whose dyno has a live container again: the
 *     swap of that dyno was done, so it gets its SIGTERM and a retire job, as it would have;
 *   - one renamed aside whose dyno has no live container (killed between the two renames): that
 *     dyno's swap is undone, the container gets its live name back and keeps serving;
 *   - scaled-down or undefined ones renamed aside (that happens after every swap): SIGTERM and job;
 *   - anything still under its live name, or gone: left as it is.
 *
 * Every read and write of a journal happens under its file lock, so a ps:retire and the next
 * deploy never resume one twice, and a journal whose deploy is still running (its pid is alive)
 * is left alone by ps:retire. A deploy holds the app lock, so a journal with its own pid is not
 * a deploy still at it but one a failure left behind in the same process (a long-lived embedded
 * host): that one it resumes.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { withFileLock, writeFileAtomic } from '@pier/plugin-api';
import { classifyName, shortId } from './naming.js';
import { forgetRetired, terminateOld } from './retire.js';
import type { Runtime } from './runtime.js';
import { dataDir, readText, swapJournalFile } from './state-files.js';

export interface SwapJournal {
  /** The deploying process: a live pid means the deploy is still at it. */
  pid: number;
  app: string;
  /** When the old containers are due to be stopped (unix seconds). */
  at: number;
  stopTimeoutSeconds: number;
  /** Containers replaced by a new one of the same dyno. */
  replaced: { id: string; dyno: string }[];
  /** Containers of scaled-down dynos and of types no longer defined. */
  gone: string[];
}

type JournalContext = Pick<Runtime, 'docker' | 'engine' | 'log' | 'root' | 'retireLauncher'>;

const lockOf = (path: string) => `${path}.lock`;

export async function writeSwapJournal(root: string, journal: Omit<SwapJournal, 'pid'>): Promise<void> {
  const path = swapJournalFile(root, journal.app);
  await withFileLock(lockOf(path), () => writeFileAtomic(path, `${JSON.stringify({ ...journal, pid: process.pid })}\n`));
}

export async function clearSwapJournal(root: string, app: string): Promise<void> {
  const path = swapJournalFile(root, app);
  await withFileLock(lockOf(path), () => rm(path, { force: true }));
}

async function readJournal(path: string): Promise<SwapJournal | null> {
  const text = await readText(path);
  if (text === null) return null;
  try {
    const journal = JSON.parse(text) as SwapJournal;
    return Array.isArray(journal.replaced) && Array.isArray(journal.gone) && Number.isInteger(journal.at) ? journal : null;
  } catch {
    return null; // torn by hand: nothing to resume from it
  }
}

/** A container renamed aside by the journal's deploy; null when it is gone or still holds its live name. */
async function asideContainer(ctx: JournalContext, app: string, id: string) {
  const details = await ctx.docker.inspectContainer(id);
  return details && classifyName(app, details.name).role === 'retired' ? details : null;
}

/** Finishes (or, for a half-swapped dyno, undoes) what a deploy that died left in its journal. */
async function resume(ctx: JournalContext, journal: SwapJournal): Promise<void> {
  const { docker, engine, log } = ctx;
  const { app } = journal;
  const toStop: string[] = [];
  const liveAgain = new Set<string>();
  for (const { id, dyno } of journal.replaced) {
    const aside = await asideContainer(ctx, app, id);
    if (!aside) continue;
    const liveName = `${app}.${dyno}`;
    if ((await engine.inspectContainer(liveName)) === null && (await docker.renameContainer(id, liveName))) {
      log.verbose(`Renaming container (${shortId(id)}) ${aside.name} back to ${liveName}: the deploy that replaced it did not finish`);
      liveAgain.add(id);
    } else {
      toStop.push(id);
    }
  }
  for (const id of journal.gone) if (await asideContainer(ctx, app, id)) toStop.push(id);
  if (liveAgain.size > 0) await forgetRetired(ctx.root, (entry) => !liveAgain.has(entry.id));
  if (toStop.length === 0) return;
  for (const id of toStop) log.verbose(`Shutting down old container ${shortId(id)} of a deploy that did not finish`);
  await terminateOld(ctx, { app, root: ctx.root, ids: toStop, at: journal.at, stopTimeoutSeconds: journal.stopTimeoutSeconds });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface ResumeOptions {
  /** Called by a deploy of the app, which holds the app lock: no deploy of this process is at it. */
  deploying?: boolean;
}

/** Whether the journal's deploy may still be running. */
const stillDeploying = (journal: SwapJournal, { deploying = false }: ResumeOptions) =>
  !(deploying && journal.pid === process.pid) && isAlive(journal.pid);

/** Resumes the app's journal, if it has one whose deploy is gone. */
export async function resumeSwap(ctx: JournalContext, app: string, options: ResumeOptions = {}): Promise<void> {
  const path = swapJournalFile(ctx.root, app);
  // Looked for first: most apps have none, and the lock would create the app's data directory.
  if ((await readText(path)) === null) return;
  await withFileLock(lockOf(path), async () => {
    const journal = await readJournal(path);
    if (journal === null) {
      await rm(path, { force: true });
      return;
    }
    if (stillDeploying(journal, options)) return;
    await resume(ctx, journal);
    await rm(path, { force: true });
  });
}

/** The apps with a journal. */
async function appsWithSwapJournal(root: string): Promise<string[]> {
  const entries = await readdir(dataDir(root), { withFileTypes: true }).catch(() => []);
  const apps: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && (await readText(swapJournalFile(root, entry.name))) !== null) apps.push(entry.name);
  }
  return apps;
}

/** ps:retire's share: the journals of one app, or of every app of the root. */
export async function resumeSwaps(ctx: JournalContext, app?: string): Promise<void> {
  for (const each of app === undefined ? await appsWithSwapJournal(ctx.root) : [app]) await resumeSwap(ctx, each);
}
