import { errorText, isEngineError } from '../engine-api/errors';

/**
 * A failure's text where the user acted. The engine's own words (a fault's reason and detail, the SSO's message)
 * are shown as the engine wrote them, in every language, and marked `translate="no"` so that neither a browser's
 * page translator nor the pseudo-locale walk takes them for the console's; the console's own sentences (the engine
 * could not be reached, an answer it cannot read) come from the catalogs.
 */
export function ErrorText({ error }: { error: unknown }) {
  const engineWords = isEngineError(error) && error.engineWords;
  return <span translate={engineWords ? 'no' : undefined}>{errorText(error)}</span>;
}
