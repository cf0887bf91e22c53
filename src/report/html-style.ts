// report.html's only style sheet, inline: light and dark from the reader's setting, a print layout, and a phone
// width at which wide tables scroll inside their own box and charts shrink with their viewBox, never the page.
export const CSS = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1c1c1c; --muted: #5f5f5f; --rule: #d9d9d9; --soft: #f3f3f3; --link: #0b57d0; --cut: #b3261e; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #141414; --fg: #e6e6e6; --muted: #a6a6a6; --rule: #3b3b3b; --soft: #202020; --link: #8ab4f8; --cut: #f2a7a1; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 84rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; overflow-wrap: anywhere; }
h1 { font-size: 1.55rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.2rem; margin: 2.2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1rem; margin: 1.2rem 0 0.3rem; }
p, li { max-width: 62rem; }
a { color: var(--link); }
.muted, figcaption, .lede { color: var(--muted); }
nav { display: flex; flex-wrap: wrap; gap: 0.2rem 0.9rem; font-size: 0.9rem; margin: 0.8rem 0; }
.alert { border-left: 4px solid var(--cut); background: var(--soft); padding: 0.5rem 0.8rem; font-weight: 600; }
.verdict p { margin-top: 0.2rem; }
.scroll { overflow-x: auto; margin: 0.6rem 0; }
table { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3rem 0.55rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; white-space: nowrap; overflow-wrap: normal; }
th { background: var(--soft); font-weight: 600; white-space: normal; }
.num { text-align: right; }
td.wrap, tbody th { white-space: normal; min-width: 8rem; }
tbody th { background: none; font-weight: 400; }
tr.worst td { font-weight: 700; }
tr.cut td, .cut { color: var(--cut); }
tr.published td { font-style: italic; background: var(--soft); }
.tag { font-style: normal; font-size: 0.72rem; font-weight: 600; border: 1px solid currentColor; border-radius: 0.6rem; padding: 0 0.4rem; margin-left: 0.3rem; }
.sw { display: inline-block; width: 0.7em; height: 0.7em; border-radius: 2px; margin-right: 0.4em; }
figure { margin: 1rem 0; }
figure svg { display: block; width: 100%; max-width: 34rem; height: auto; }
svg text { fill: var(--fg); font-size: 12px; }
svg text.muted { fill: var(--muted); }
svg text.cut { fill: var(--cut); }
svg .small { font-size: 10px; }
svg .head { font-weight: 600; }
svg .grid { stroke: var(--rule); }
svg .axis { stroke: var(--muted); }
svg .median { stroke: var(--fg); stroke-width: 2; }
svg .outline { fill: none; stroke: var(--cut); stroke-dasharray: 3 2; }
figcaption { font-size: 0.85rem; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }
pre { white-space: pre-wrap; background: var(--soft); padding: 0.5rem 0.7rem; }
@media (max-width: 40rem) {
  body { font-size: 14px; }
  main { padding: 0.6rem 0.75rem 2rem; }
}
@media print {
  :root { color-scheme: light; --bg: #fff; --fg: #000; --muted: #444; --rule: #bbb; --soft: #f0f0f0; --link: #000; --cut: #b3261e; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  .scroll { overflow: visible; }
  th, td { white-space: normal; padding: 0.15rem 0.3rem; }
  h2, h3 { break-after: avoid; }
  figure, tr, .verdict { break-inside: avoid; }
}
`;
