/**
 * Makes @lit/localize's msg() use our translations (shared/locale.ts), for the modules that import msg() from
 * @lit/localize. TurnoutFeedElement calls it, so every feed element's bundle has it; the countdown and the banner
 * use locale.ts's own msg() and do without @lit/localize's runtime.
 */
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { msg } from './locale.js';

export function useOurTranslations(): void {
  try {
    _installMsgImplementation(msg as never);
  } catch {
    // The page's own code configured @lit/localize first (one copy shared with an app): its msg() serves ours.
  }
}
