// What jixiao's pages share (the review page and the diff page): building elements with text
// as text, and exact decimal texts. Every text from a document goes into a page through h() or
// svg(): as text nodes and attribute values, never as markup.
'use strict';
const JX = (() => {
  // An element with attributes and children; strings become text nodes.
  function h(tag, attrs, ...kids) {
    return fill(document.createElement(tag), attrs, kids);
  }
  function svg(tag, attrs, ...kids) {
    return fill(document.createElementNS('http://www.w3.org/2000/svg', tag), attrs, kids);
  }
  function fill(el, attrs, kids) {
    for (const k in attrs || {}) if (attrs[k] !== null && attrs[k] !== undefined) el.setAttribute(k, attrs[k]);
    for (const kid of kids.flat()) if (kid !== null && kid !== undefined && kid !== false) el.append(kid);
    return el;
  }

  // Exact decimal text, its integer part grouped by thousands: "12345.67" -> "12,345.67".
  function money(s) {
    if (s === null || s === undefined) return '—';
    const neg = s[0] === '-';
    const [i, f] = (neg ? s.slice(1) : s).split('.');
    return (neg ? '-' : '') + i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f ? '.' + f : '');
  }
  // Compares two canonical decimal texts exactly (null first).
  function decimalCompare(a, b) {
    if (a === b) return 0;
    if (a === null) return -1;
    if (b === null) return 1;
    const na = a[0] === '-', nb = b[0] === '-';
    if (na !== nb) return na ? -1 : 1;
    const sign = na ? -1 : 1;
    const [ia, fa = ''] = a.replace('-', '').split('.');
    const [ib, fb = ''] = b.replace('-', '').split('.');
    if (ia.length !== ib.length) return sign * (ia.length - ib.length);
    if (ia !== ib) return sign * (ia < ib ? -1 : 1);
    const n = Math.max(fa.length, fb.length), pa = fa.padEnd(n, '0'), pb = fb.padEnd(n, '0');
    return pa === pb ? 0 : sign * (pa < pb ? -1 : 1);
  }
  function baseName(path) {
    return path.split(/[\\/]/).pop();
  }

  // A field's names, { zh, en }, from the one vocabulary (the page's #jx-names block, written
  // from src/extract/labels.cpp); the key itself for both when it has none.
  const NAMES = JSON.parse(document.getElementById('jx-names').textContent);
  function name(key) {
    return NAMES[key] || { zh: key, en: key };
  }

  return { h, svg, money, decimalCompare, baseName, name };
})();
