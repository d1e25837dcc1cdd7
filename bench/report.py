"""The benchmark's figures as an aligned table."""

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
