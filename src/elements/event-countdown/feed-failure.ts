/**
 * Why a feed failed, for the countdown and the banner: the same messages as the other elements (feed-notices.ts),
 * loaded only when a feed fails. Those are written with @lit/localize's msg(), which the countdown's and the
 * banner's bundles do not otherwise use: pointed here at our translations.
 */
import { useOurTranslations } from '../../shared/locale-lit.js';

useOurTranslations();

export { feedErrorMessage } from '../../shared/feed-notices.js';
