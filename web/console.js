/*
 * What the agent console and the supervisor dashboard share: `$` (an element by id), `el` (an
 * element built from attributes and children, text only, never HTML) and `announce` (a message
 * for screen readers in the page's #announcer live region). Loaded before each page's own script.
 */

(() => {
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) if (c !== undefined && c !== null) node.append(c);
    return node;
  };
  const announce = (text) => {
    $("announcer").textContent = "";
    setTimeout(() => {
      $("announcer").textContent = text;
    }, 50);
  };
  window.fairexitConsole = { $, el, announce };
})();
