/**
 * Injection payloads for the hardening suite. Each one that could run script calls the page's sentinel
 * `__xss(n)` with its own number, so a failure names the payload that got through. Written for this project;
 * they cover the families the issue lists: script tags, event-handler attributes, javascript:/data:/vbscript: URLs
 * (encoded, entity, whitespace and mixed-case spellings), attribute and CSS breakouts, mutation-XSS strings,
 * SVG/MathML tricks, srcdoc, template/noscript/style breakouts, and URLs that are https but hostile.
 */

/** The global the payloads try to call. */
export const SENTINEL = '__xss';

const b64 = (s: string) => btoa(s);

export const PAYLOADS: readonly string[] = [
  // Script elements
  `<script>__xss(1)</script>`,
  `"><script>__xss(2)</script>`,
  `</title><script>__xss(3)</script>`,
  `<ScRiPt src="data:text/javascript,__xss(4)"></ScRiPt>`,
  `<script/src=data:,__xss(5)></script>`,
  // Event-handler attributes
  `<img src=x onerror=__xss(6)>`,
  `<img src="x" onerror="__xss(7)">`,
  `"><img src=x onerror=__xss(8)>`,
  `'><img src=x onerror=__xss(9)>`,
  `<svg onload=__xss(10)>`,
  `<svg><animate onbegin=__xss(11) attributeName=x dur=1s>`,
  `<body onload=__xss(12)>`,
  `<iframe onload=__xss(13)></iframe>`,
  `<details open ontoggle=__xss(14)>`,
  `<input autofocus onfocus=__xss(15)>`,
  `<video><source onerror=__xss(16)></video>`,
  `<marquee onstart=__xss(17)>x</marquee>`,
  `<div style="animation-name:spin" onanimationstart=__xss(18)>`,
  `" onmouseover="__xss(19)" x="`,
  `' autofocus onfocus='__xss(20)' x='`,
  `<a href="javascript:__xss(21)">x</a>`,
  // Script URLs, spelled every way
  `javascript:__xss(22)`,
  `JaVaScRiPt:__xss(23)`,
  ` javascript:__xss(24)`,
  `java\tscript:__xss(25)`,
  `java\nscript:__xss(26)`,
  `javascript&colon;__xss(27)`,
  `&#106;avascript:__xss(28)`,
  `&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;__xss(29)`,
  `%6A%61%76%61%73%63%72%69%70%74:__xss(30)`,
  `\u0001javascript:__xss(31)`,
  `javascript://%0a__xss(32)`,
  `data:text/html,<script>__xss(33)</script>`,
  `data:text/html;base64,${b64('<script>__xss(34)</script>')}`,
  `DATA:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="__xss(35)"/>`,
  `data:image/svg+xml;base64,${b64('<svg xmlns="http://www.w3.org/2000/svg" onload="__xss(36)"/>')}`,
  `vbscript:msgbox(37)`,
  `VBScript:__xss(38)`,
  `\u200bjavascript:__xss(39)`,
  `https://x.example/"><script>__xss(40)</script>`,
  `//evil.example/41`,
  `\\\\evil.example\\42`,
  `https://user:pass@evil.example/43`,
  `http://evil.example/44`,
  `blob:https://evil.example/45`,
  `file:///etc/passwd#46`,
  // CSS breakouts (style-bearing attributes, custom properties)
  `red;background:url(javascript:__xss(47))`,
  `</style><script>__xss(48)</script>`,
  `x}:host{background:url("https://evil.example/49.css")}`,
  `expression(__xss(50))`,
  `#fff;}*{background-image:url(//evil.example/51)}`,
  `var(--x);@import url(https://evil.example/52.css);`,
  // Mutation XSS and parser differentials
  `<noscript><p title="</noscript><img src=x onerror=__xss(53)>">`,
  `<svg></p><style><a id="</style><img src=1 onerror=__xss(54)>">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=__xss(55)>`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss(56)>`,
  `<template><img src=x onerror=__xss(57)></template><img src=x onerror=__xss(57)>`,
  `<iframe srcdoc="<script>parent.__xss(58)</script>"></iframe>`,
  `<style>@import 'https://evil.example/59.css';</style>`,
  `<textarea></textarea><img src=x onerror=__xss(60)>`,
  `<xmp><img src=x onerror=__xss(61)></xmp><img src=x onerror=__xss(61)>`,
  `<object data="javascript:__xss(62)"></object>`,
  `<embed src="javascript:__xss(63)">`,
  `<meta http-equiv="refresh" content="0;url=javascript:__xss(64)">`,
  `<base href="javascript:__xss(65)//">`,
  `<svg><script href="data:,__xss(66)"/></svg>`,
  `<math href="javascript:__xss(67)">x</math>`,
  `<svg><a xlink:href="javascript:__xss(68)"><text y=20>x</text></a></svg>`,
  `{{constructor.constructor('__xss(69)')()}}`,
  '${__xss(70)}',
  `<!--<img src="--><img src=x onerror=__xss(71)//">`,
  `&lt;img src=x onerror=__xss(72)&gt;`,
  `<p>hi</p><img src=x onerror=__xss(73)>`,
  `\u2028<img src=x onerror=__xss(74)>`,
  `<a href=" &#14;javascript:__xss(75)">x</a>`,
  `&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058__xss(76)`,
  `<img src=x:x onerror=__xss(77)>`,
  `"><svg/onload=__xss(78)>`,
  `<isindex type=image src=1 onerror=__xss(79)>`,
  `<noembed><img src=x onerror=__xss(80)></noembed>`,
  `<select><template shadowrootmode=open><img src=x onerror=__xss(81)></template></select>`,
  `<div><template shadowrootmode="open"><img src=x onerror=__xss(82)></template></div>`,
  `<svg><foreignObject><iframe onload=__xss(83)></iframe></foreignObject></svg>`,
  `<link rel=stylesheet href="https://evil.example/84.css">`,
  `<img srcset="x 1x" onerror=__xss(85)>`,
];

/** Origins payloads point at: nothing may ever be requested from them. */
export const HOSTILE_HOSTS = ['evil.example', 'x.example'];
