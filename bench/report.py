"""The benchmark's figures as aligned tables: in-process, then over HTTP."""

COLUMNS = [
    ("endpoint", "name", "<"),
    ("status", "status", ">"),
    ("queries", "queries", ">"),
    ("median ms", "median_ms", ">"),
    ("p95 ms", "p95_ms", ">"),
    ("cached median ms", "cached_median_ms", ">"),
    ("cache", "cache", "<"),
    ("queries 1 vs many items", "constant", "<"),
]


def _constant_cell(check):
    small, large = check["queries"]
    verdict = "ok" if check["constant"] else "FLAG: grows with items"
    return f"{small} vs {large} {verdict}"


def table(results):
    """The endpoints' figures, then the constant-queries check of every listing."""
    checks = {check["name"]: check for check in results["constant_queries"]}
    rows = []
    for row in results["endpoints"]:
        check = checks.get(row["listing"])
        rows.append(
            {
                **row,
                "median_ms": f"{row['median_ms']:.1f}",
                "p95_ms": f"{row['p95_ms']:.1f}",
                "cached_median_ms": f"{row['cached_median_ms']:.1f}",
                "constant": _constant_cell(check) if check else "",
            }
        )
    lines = _aligned(COLUMNS, rows)
    lines.append("")
    lines.append("Constant queries (1 item vs 50, or vs a full page for the site's pages):")
    check_columns = [
        ("listing", "name", "<"),
        ("items", "items", ">"),
        ("queries", "queries", ">"),
        ("verdict", "verdict", "<"),
    ]
    check_rows = [
        {
            "name": check["name"],
            "items": " vs ".join(str(n) for n in check["items"]),
            "queries": " vs ".join(str(n) for n in check["queries"]),
            "verdict": "ok" if check["constant"] else "FLAG: one or more queries per item",
        }
        for check in results["constant_queries"]
    ]
    lines.extend(_aligned(check_columns, check_rows))
    return "\n".join(lines)


def _aligned(columns, rows):
    cells = [[str(row[key]) for _title, key, _align in columns] for row in rows]
    widths = [
        max([len(title)] + [len(line[i]) for line in cells])
        for i, (title, _key, _align) in enumerate(columns)
    ]

    def line(values):
        return "  ".join(
            f"{value:{align}{width}}"
            for value, width, (_t, _k, align) in zip(values, widths, columns, strict=True)
        ).rstrip()

    return [
        line([title for title, _key, _align in columns]),
        line(["-" * width for width in widths]),
        *(line(values) for values in cells),
    ]


HTTP_COLUMNS = [
    ("endpoint", "name", "<"),
    ("mode", "mode", "<"),
    ("c", "concurrency", ">"),
    ("rps", "rps", ">"),
    ("p50 ms", "p50_ms", ">"),
    ("p95 ms", "p95_ms", ">"),
    ("p99 ms", "p99_ms", ">"),
    ("errors", "errors", ">"),
    ("queries", "queries", ">"),
    ("% of nginx", "of_nginx", ">"),
    ("% of django floor", "of_django_floor", ">"),
]


def _percent(share):
    return "" if share is None else f"{share * 100:.1f}"


def http_table(http):
    """Every wrk run: requests per second, latency percentiles, errors, share of each floor."""
    rows = [
        {
            **run,
            "rps": f"{run['rps']:.1f}",
            "p50_ms": f"{run['p50_ms']:.1f}",
            "p95_ms": f"{run['p95_ms']:.1f}",
            "p99_ms": f"{run['p99_ms']:.1f}",
            "queries": "" if run["queries"] is None else run["queries"],
            "of_nginx": _percent(run["of_nginx"]),
            "of_django_floor": _percent(run["of_django_floor"]),
        }
        for run in http["runs"]
    ]
    rss = http["worker_rss_mb"]
    recycled = " (workers recycled by max_requests meanwhile)" if rss["workers_recycled"] else ""
    return "\n".join(
        [
            *_aligned(HTTP_COLUMNS, rows),
            "",
            f"gunicorn worker RSS (MB): {rss['start']} at start, {rss['end']} at the end"
            f"{recycled}. Story page: {http['story_page_bytes']:,} bytes (the floors' body).",
        ]
    )


def failures(results):
    """Names of what answered other than 2xx: in-process endpoints and HTTP runs."""
    failed = [
        row["name"]
        for row in results.get("in_process", {}).get("endpoints", [])
        if row["status"] != 200
    ]
    failed += [
        f"{run['name']} ({run['mode']}, c={run['concurrency']}): {run['errors']} errors"
        for run in results.get("http", {}).get("runs", [])
        if run["errors"] or not run["requests"]
    ]
    return failed


def summary(results, args):
    """Every table of a run, and the line saying what it ran on."""
    machine, corpus = results["machine"], results["corpus"]
    lines = []
    if "in_process" in results:
        lines += [
            "In-process (Django's test client, test settings, local-memory cache):",
            "",
            table(results["in_process"]),
            "",
        ]
    if "http" in results:
        http = results["http"]
        lines += [
            f"Over HTTP (gunicorn, production settings, {http['gunicorn_workers']} sync "
            f"workers, Redis; wrk {http['duration_seconds_per_run']} s per run):",
            "",
            http_table(http),
            "",
        ]
    built = "kept from an earlier run, built" if corpus["kept"] else "built"
    languages = "en, fr, es, ar" if corpus["locales"] else "en"
    lines += [
        f"{machine['cores']} cores ({machine['cpu']}), Python {machine['python']}, "
        f"{machine['db_vendor']} {machine['db_version']}; corpus: {corpus['pages']:,} pages "
        f"({corpus['stories']:,} live stories, {corpus['events']} events; {languages}), "
        f"{built} in {corpus['build_seconds']} s.",
        f"Run in {results['duration_seconds']} s; figures in {args.output}.",
    ]
    return "\n".join(lines)
