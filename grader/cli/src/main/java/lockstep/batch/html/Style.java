package lockstep.batch.html;

/** The report's style sheet, inline: the report loads nothing. The total's bars alone are {@code #1f5fae}. */
final class Style {
    static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1200px;padding:0 16px;color:#1d1d1f;background:#fff}
            h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
            .meta,.note,.sub{color:#555}.sub{font-size:12px}.shard{background:#fff4d6;padding:6px 10px;border-radius:4px}
            a{color:#0a7d5a}code{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-word}
            ul.totals{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:18px;margin:12px 0}
            .chart{margin:8px 12px 8px 0;display:inline-block;vertical-align:top}.chart figcaption{font-size:12px;color:#444;max-width:460px}
            .grid{display:flex;flex-wrap:wrap}.grid svg{width:300px;height:auto}
            svg .bar{fill:#7fa7dc}.overall svg .bar{fill:#1f5fae}svg .axis{stroke:#999}
            svg text{font:11px system-ui,sans-serif;fill:#333;text-anchor:middle}svg .count{font-weight:600}
            table{border-collapse:collapse;margin:8px 0;width:100%}th,td{border-bottom:1px solid #eee;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f6f6f6;font-weight:600}td.num,th.num{text-align:right;white-space:nowrap}
            .meter{background:#eee;height:6px;width:80px;margin-left:auto;border-radius:3px}.meter span{display:block;height:6px;background:#c0504d;border-radius:3px}
            ul.messages{margin:0;padding-left:0;list-style:none}ul.messages li{margin:2px 0}.times{display:inline-block;min-width:36px;color:#c0504d;font-weight:600}
            .status{padding:1px 6px;border-radius:3px;font-size:12px}.status.graded{background:#e3f1e8}.status.unreadable{background:#fbe3d6}
            .status.failed{background:#f8d0d0}.status.no-submission{background:#eee}.kind{font-weight:600;color:#a33}
            """;

    private Style() {}
}
