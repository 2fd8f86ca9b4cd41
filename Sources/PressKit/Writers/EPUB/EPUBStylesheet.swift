/// The built-in stylesheet: readable on a phone as on a tablet. Relative sizes only (readers and users can
/// scale the text), no fixed positions, images and tables that never overflow the screen. `--css FILE`
/// replaces it.
enum EPUBStylesheet {
    static let builtIn = """
    /* presskit EPUB stylesheet */
    body {
      margin: 0 0.5em;
      line-height: 1.45;
      font-family: serif;
      text-align: left;
      -epub-hyphens: auto;
      hyphens: auto;
      overflow-wrap: break-word;
    }
    h1, h2, h3, h4, h5, h6 {
      font-family: sans-serif;
      line-height: 1.2;
      text-align: left;
      -epub-hyphens: none;
      hyphens: none;
      page-break-after: avoid;
      break-after: avoid;
    }
    h1 { font-size: 1.6em; margin: 1em 0 0.5em 0; }
    h2 { font-size: 1.3em; margin: 1.2em 0 0.4em 0; }
    h3 { font-size: 1.15em; margin: 1.1em 0 0.3em 0; }
    h4, h5, h6 { font-size: 1em; margin: 1em 0 0.3em 0; }
    p { margin: 0 0 0.8em 0; }
    a { color: #1a4f8b; text-decoration: underline; }
    blockquote {
      margin: 1em 0 1em 0.8em;
      padding-left: 0.8em;
      border-left: 0.2em solid #999999;
    }
    pre, code { font-family: monospace; font-size: 0.9em; }
    pre {
      white-space: pre-wrap;
      overflow-wrap: break-word;
      margin: 1em 0;
      padding: 0.5em;
      background-color: #f3f3f3;
    }
    ul, ol { margin: 0 0 0.8em 0; padding-left: 1.5em; }
    li { margin: 0.2em 0; }
    dt { font-weight: bold; margin-top: 0.5em; }
    dd { margin: 0 0 0.5em 1.5em; }
    img, svg { max-width: 100%; height: auto; }
    figure { margin: 1em 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
    figcaption { font-size: 0.9em; font-style: italic; margin-top: 0.3em; }
    table { border-collapse: collapse; margin: 1em 0; max-width: 100%; font-size: 0.9em; }
    caption { font-style: italic; margin-bottom: 0.3em; }
    th, td { border: 1px solid #999999; padding: 0.2em 0.4em; vertical-align: top; }
    th { background-color: #eeeeee; }
    hr { border: 0; border-top: 1px solid #999999; margin: 1.5em 0; }
    .release { margin: 0; }
    .title { margin-top: 0.5em; }
    .titlepage { text-align: center; margin-top: 20%; }
    .titlepage h1 { text-align: center; font-size: 1.8em; }
    .subtitle { font-size: 1.15em; font-style: italic; }
    .dateline, .organization, .authors, .embargo, .date { margin: 0.4em 0; }
    .place { font-variant: small-caps; }
    .embargo { font-weight: bold; }
    header { margin-bottom: 1.5em; }
    .contacts { margin-top: 2em; border-top: 1px solid #999999; }
    .contact { margin: 0.8em 0; }
    .contact .name { font-weight: bold; }
    .source { margin-top: 1.5em; font-size: 0.9em; overflow-wrap: break-word; }
    .cover { text-align: center; margin: 0; padding: 0; }
    .cover img { max-height: 95%; }
    nav ol { list-style-type: none; padding-left: 1em; }
    .footnote-ref { font-size: 0.75em; line-height: 0; }
    .footnotes { margin-top: 2em; border-top: 1px solid #999999; font-size: 0.9em; }
    .footnote-back { margin: 0; }
    .footnote-backref { text-decoration: none; }
    """
}
