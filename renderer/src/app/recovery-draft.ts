import { endSentence, LIMITS, savedBytesProblem, utf8ByteLength } from '../../../shared/document';
import { textToSave } from '../state/document-store';
import type { AppServices } from './services';

/**
 * Writes the window's recovery draft of its unsaved work. A draft the host would refuse (over
 * the file limit, which the loader would not reopen) or one the host fails to write is not
 * dropped in silence: the user is told the work is not protected and to save it.
 * Resolves whether the draft was written.
 */
export async function writeRecoveryDraft(services: Pick<AppServices, 'host' | 'documents' | 'ui'>): Promise<boolean> {
  const state = services.documents.getState();
  const text = textToSave(state);
  const warn = (why: string) =>
    services.ui
      .getState()
      .toast(`Your unsaved changes could not be kept as a recovery draft: ${why} Save the diagram to keep them.`, 'warning');
  if (utf8ByteLength(text, LIMITS.maxFileBytes) > LIMITS.maxFileBytes) {
    warn(savedBytesProblem(utf8ByteLength(text)));
    return false;
  }
  try {
    await services.host.writeDraft({ text, file: state.file });
    return true;
  } catch (error) {
    warn(endSentence(error instanceof Error ? error.message : String(error)));
    return false;
  }
}
