import { createInterface } from 'node:readline';
import { ErrorCodes, PierError, type PluginContext } from '@pier/plugin-api';

/** Dokku's AskForDestructiveConfirmation: the user must type the app's name. */
export async function confirmDestroy(context: PluginContext, app: string): Promise<void> {
  const { log, io } = context;
  log.warn('WARNING: Potentially Destructive Action');
  log.warn(`This command will destroy app ${app}.`);
  log.warn(`To proceed, type "${app}"`);
  log.write('> ');
  const answer = await firstLine(io.stdin);
  if (answer.trim() !== app) {
    // Dokku prints this one with its plain LogStderr: no ` !     ` prefix.
    throw new PierError(ErrorCodes.ABORTED, 'Confirmation did not match test. Aborted.', { plain: true });
  }
}

function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    const lines = createInterface({ input, terminal: false });
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once('close', () => {
      if (!answered) resolve('');
    });
  });
}
