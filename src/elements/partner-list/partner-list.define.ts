import { PartnerList } from './partner-list.js';

export { PartnerList };

PartnerList.define();

declare global {
  interface HTMLElementTagNameMap {
    'partner-list': PartnerList;
  }
}
