/// The review page's style sheet, inline in the page: fonts the reader's system has, tables that
/// scroll inside their own box on a phone, colours kept when printed.
enum HTMLStyle {
  static let css = """
    :root { color-scheme: light; --error: #b3261e; --error-bg: #fde7e6; --warning: #8a5300; --warning-bg: #fff1d6;
      --info: #0b57d0; --info-bg: #e4eefc; --named: #e0b000; --named-bg: #fffbe6; --want: #146c2e; --want-bg: #dff3e4;
      --line: #c9ced6; --muted: #5f6670; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0 auto; max-width: 76rem; padding: 1rem; color: #1f2328; background: #fff; line-height: 1.55;
      font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
        "WenQuanYi Micro Hei", sans-serif; overflow-wrap: anywhere; }
    h1 { font-size: 1.5rem; margin: .5rem 0 .25rem; }
    h2 { font-size: 1.25rem; margin: 0 0 .5rem; }
    h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
    .meta, .legend, .fix, small { color: var(--muted); }
    a { color: #0b57d0; }
    section { margin: 1.5rem 0; }
    section.report { border-top: 3px solid #1f2328; padding-top: 1rem; }
    .path { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
    h2.path { font-size: 1.1rem; }
    dl.read { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 .5rem; }
    dl.read dt { color: var(--muted); }
    dl.read dd { margin: 0; }
    .scroll { overflow-x: auto; max-width: 100%; -webkit-overflow-scrolling: touch; border: 1px solid var(--line);
      border-radius: 4px; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    .scroll > table { min-width: 100%; }
    th, td { border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; }
    thead th { background: #f1f3f5; font-weight: 600; text-align: center; }
    table.counts th { text-align: left; font-weight: normal; }
    table.counts td, table.rules td:last-child, table.files td:not(:first-child) { text-align: right; }
    .bad, td.bad { color: var(--error); font-weight: 700; }
    table.t3 td, table.t4 td { text-align: right; white-space: nowrap; min-width: 3.2rem; }
    th.label { text-align: left; font-weight: normal; background: #fafbfc; position: sticky; left: 0; z-index: 1;
      min-width: 9rem; max-width: 19rem; }
    th.label.item { padding-left: 1.5rem; }
    th.label small { display: block; color: var(--error); }
    tr.group th { text-align: left; background: #f1f3f5; font-weight: 600; position: sticky; left: 0; }
    tr.group.sub th { font-weight: 600; padding-left: 1rem; }
    td.blank { color: var(--muted); font-style: italic; }
    td.missing, td.absent { color: var(--error); text-align: center; background: repeating-linear-gradient(45deg, #fff,
      #fff 4px, #fbeaea 4px, #fbeaea 8px); }
    p.absent { color: var(--error); }
    .hit { font-weight: 700; }
    .hit.error { background: var(--error-bg); box-shadow: inset 0 0 0 2px var(--error); color: var(--error); }
    .hit.warning { background: var(--warning-bg); box-shadow: inset 0 0 0 2px var(--warning); color: var(--warning); }
    .hit.info, .hit.hint { background: var(--info-bg); box-shadow: inset 0 0 0 2px var(--info); color: var(--info); }
    .named { background: var(--named-bg); box-shadow: inset 0 0 0 2px var(--named); }
    .legend .hit, .legend .named { display: inline-block; padding: 0 .4rem; }
    .want { display: inline-block; margin-left: .35rem; padding: 0 .3rem; border-radius: 3px; color: var(--want);
      background: var(--want-bg); font-weight: 700; font-style: normal; }
    td:target, li:target { outline: 3px solid #0b57d0; outline-offset: -3px; }
    ol.findings { padding-left: 1.6rem; margin: .25rem 0; }
    ol.findings li { margin: .35rem 0; }
    .sev { display: inline-block; min-width: 2.6rem; text-align: center; border-radius: 3px; padding: 0 .3rem;
      font-size: .85rem; font-weight: 700; color: #fff; }
    li.error .sev { background: var(--error); }
    li.warning .sev { background: var(--warning); }
    li.info .sev, li.hint .sev { background: var(--info); }
    .pos { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9rem; }
    .code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9rem; white-space: nowrap;
      overflow-wrap: normal; }
    table.counts th, table.rules th, table.files th { white-space: nowrap; }
    ul.clean { columns: 2 22rem; padding-left: 1.2rem; }
    ul.clean .title { color: var(--muted); }
    @media (max-width: 40rem) {
      body { padding: .6rem; }
      h1 { font-size: 1.25rem; }
      th, td { padding: .25rem .35rem; }
      th.label { min-width: 7rem; max-width: 11rem; font-size: .9rem; }
    }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .scroll { overflow: visible; border: 0; }
      th.label, tr.group th { position: static; }
      a { color: inherit; text-decoration: none; }
      section.report { break-before: page; border-top: 0; }
      table, tr, li { break-inside: avoid; }
      thead { display: table-header-group; }
    }

    """
}
