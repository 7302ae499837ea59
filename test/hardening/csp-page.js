// The script of the strict-CSP page (/__hardening/csp-page, test/server/hardening-routes.mjs). Plain JavaScript:
// it is loaded as is, under `script-src 'self'`. It records every CSP violation, loads the built bundles named in
// the query, puts the elements on the page and, once each shows something, publishes the result on
// `window.__cspResult` for the test (the page is in a same-origin iframe).
//   ?bundles=/dist/cdn/turnout.js,…   &elements=[{"tag":"event-list","attrs":{…}}, …]   (JSON)
//   &probe=1: instead, break the policy on purpose (an HTML string through innerHTML under Trusted Types, an
//             inline style attribute) to show that violations are caught.
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile });
});
const errors = [];
addEventListener('error', (e) => errors.push(String(e.message)));
addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));

const params = new URLSearchParams(location.search);
const result = { done: false, violations, errors, texts: {}, trustedTypes: false, workerStarted: false };
window.__cspResult = result;

/** The text a person sees in an element, its shadow DOM included. */
function textOf(node) {
  let out = '';
  const walk = (n) => {
    if (n.shadowRoot) walk(n.shadowRoot);
    if (n.nodeType === Node.TEXT_NODE) {
      const p = n.parentElement;
      if (p && p.checkVisibility() && !p.closest('.visually-hidden')) out += ` ${n.textContent}`;
    }
    if (n.localName === 'slot') {
      const assigned = n.assignedNodes({ flatten: true });
      (assigned.length ? assigned : [...n.childNodes]).forEach(walk);
      return;
    }
    n.childNodes.forEach(walk);
  };
  walk(node);
  return out.replace(/\s+/g, ' ').trim();
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

async function run() {
  if (params.has('probe')) {
    try {
      document.createElement('div').innerHTML = '<b>probe</b>';
    } catch {
      result.trustedTypes = true;
    }
    document.body.setAttribute('style', 'color: red');
    await pause(100);
    result.done = true;
    return;
  }
  for (const src of (params.get('bundles') ?? '').split(',').filter(Boolean)) await import(src);
  const specs = JSON.parse(params.get('elements') ?? '[]');
  const main = document.getElementById('widgets');
  const els = specs.map(({ tag, attrs, property }) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs ?? {})) el.setAttribute(k, v);
    if (property) el[property.name] = property.value;
    main.append(el);
    return el;
  });
  const deadline = Date.now() + 15000;
  const ready = (el) => el.hasAttribute('state') || (el.feedState ? el.feedState.status === 'ready' || el.feedState.status === 'error' : false);
  while (!els.every(ready) && Date.now() < deadline) await pause(25);
  await Promise.all(els.map((el) => el.updateComplete));
  // Let the lazy parts (notices, the calendar, a worker) load and images decode; then use the controls.
  for (const el of els) {
    for (const b of el.shadowRoot?.querySelectorAll('button.add, [part="chip"]') ?? []) {
      b.click();
      break;
    }
  }
  await pause(400);
  await Promise.all(els.map((el) => el.updateComplete));
  els.forEach((el, i) => (result.texts[`${i}:${el.localName}`] = textOf(el)));
  result.workerStarted = performance.getEntriesByType('resource').some((e) => /parse-worker/.test(e.name));
  result.done = true;
}

run().catch((e) => {
  errors.push(String(e && e.stack ? e.stack : e));
  result.done = true;
});
