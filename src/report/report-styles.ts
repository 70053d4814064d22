/**
 * The stylesheet inlined in report.html: a calm, readable page (system fonts with CJK fallbacks, 1120 px column,
 * theme colours as accents only), printable, and comfortable on a phone.
 */
export const REPORT_STYLES = `
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #e3e3e3; --soft: #f6f7f9; --accent: #0072B2; }
* { box-sizing: border-box; }
html { scroll-behavior: smooth; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
a { color: #0b5cad; text-decoration: none; } a:hover { text-decoration: underline; }
header.top { background: linear-gradient(180deg, #f3f6fa, #fff); border-bottom: 1px solid var(--line); }
.wrap { max-width: 1120px; margin: 0 auto; padding: 0 20px; }
header.top .wrap { padding-top: 28px; padding-bottom: 18px; }
h1 { font-size: 28px; margin: 0 0 6px; letter-spacing: -0.01em; }
h2 { font-size: 22px; margin: 44px 0 12px; padding-top: 8px; border-top: 1px solid var(--line); }
h3 { font-size: 18px; margin: 28px 0 8px; }
.lead { color: var(--muted); margin: 0; }
nav.toc { position: sticky; top: 0; z-index: 5; background: rgba(255,255,255,.95); border-bottom: 1px solid var(--line); }
nav.toc .wrap { display: flex; gap: 18px; overflow-x: auto; padding-top: 8px; padding-bottom: 8px; font-size: 14px; white-space: nowrap; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 18px 0 8px; }
.stat { background: var(--soft); border-radius: 10px; padding: 12px 14px; }
.stat b { display: block; font-size: 24px; line-height: 1.2; }
.stat span { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 10px 0 18px; }
th, td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid var(--line); }
th { font-weight: 600; color: var(--muted); font-size: 13px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 3px; margin-right: 7px; vertical-align: baseline; }
.badge { display: inline-block; white-space: nowrap; font-size: 12px; padding: 1px 8px; border-radius: 999px; background: var(--soft); color: var(--muted); border: 1px solid var(--line); }
.zh { color: #444; }
.muted { color: var(--muted); }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 14px; padding: 0; list-style: none; }
.chip { font: inherit; font-size: 13px; border: 1px solid var(--line); background: #fff; border-radius: 999px; padding: 3px 10px; cursor: pointer; color: var(--ink); }
.chip:hover, .chip:focus { border-color: var(--accent); outline: none; }
.chip small { color: var(--muted); }
.graph-layout { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 16px; }
#graph { height: 560px; border: 1px solid var(--line); border-radius: 10px; background: #fff; position: relative; }
.graph-controls { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 10px; align-items: center; }
.graph-controls input, .graph-controls select { font: inherit; padding: 6px 10px; border: 1px solid #c9c9c9; border-radius: 8px; min-width: 300px; max-width: 100%; }
#search-results { list-style: none; margin: 0 0 8px; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
#search-results button { font: inherit; font-size: 13px; border: 1px solid var(--accent); color: var(--accent); background: #fff; border-radius: 999px; padding: 2px 10px; cursor: pointer; }
#concept-panel { border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; max-height: 560px; overflow: auto; background: var(--soft); }
#concept-panel h3 { margin: 0 0 4px; border-left: 6px solid var(--accent); padding-left: 8px; }
#concept-panel p { margin: 4px 0; }
#concept-panel ul { padding-left: 18px; margin: 6px 0; }
#concept-panel li { margin-bottom: 8px; font-size: 14px; }
.month { color: var(--muted); font-variant-numeric: tabular-nums; font-size: 13px; }
.chart { margin: 14px 0 26px; overflow-x: auto; min-height: 60px; }
.chart-grid { display: block; }
article.theme { border-left: 6px solid var(--accent); padding: 2px 0 2px 16px; margin: 26px 0 34px; }
article.theme h3 { margin-top: 6px; }
ol.papers { padding-left: 20px; }
ol.papers li { margin-bottom: 12px; }
.paper-title { font-weight: 600; }
.links a { margin-right: 10px; font-size: 13px; }
.strength { font-size: 13px; color: var(--muted); font-variant-numeric: tabular-nums; }
.strength.weak { color: #a15c00; }
td.stability { white-space: nowrap; font-variant-numeric: tabular-nums; }
blockquote { margin: 4px 0 0; padding: 4px 10px; border-left: 3px solid var(--line); color: #333; font-size: 14px; background: #fbfbfb; }
mark { background: #fff1b8; padding: 0 1px; border-radius: 2px; }
details { margin: 8px 0; }
summary { cursor: pointer; color: var(--muted); }
footer { color: var(--muted); font-size: 13px; margin: 50px 0 30px; }
code { font-size: 13px; background: var(--soft); padding: 0 4px; border-radius: 4px; }
@media (max-width: 860px) { .graph-layout { grid-template-columns: 1fr; } #graph { height: 420px; } }
@media print { nav.toc, .graph-controls, #graph, #concept-panel { display: none; } }
`;
