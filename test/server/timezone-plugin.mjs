// A test-runner command that pins the browser page's time zone (Chrome DevTools Protocol emulation), so tests can
// prove that what a visitor sees does not depend on the zone their computer is set to.
//   import { executeServerCommand } from '@web/test-runner-commands';
//   await executeServerCommand('set-timezone', { zone: 'Australia/Sydney' });   // { zone: null } resets
export function timezonePlugin() {
  return {
    name: 'turnout-set-timezone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-timezone') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`set-timezone needs a Chrome (puppeteer) launcher, not ${session.browser.type}`);
      }
      const page = session.browser.getPage(session.id);
      await page.emulateTimezone(payload?.zone ?? undefined);
      return true;
    },
  };
}
