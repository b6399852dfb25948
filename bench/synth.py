"""Synthetic corpora for the benchmarks, built from the bundled articles.

The five bundled articles (``data/articles``) hold only ~60 passages, far too few to
measure indexing and search at 10k or 100k passages. This module makes larger corpora
that look like them:

* the sentences of the bundled articles (cleaned, simplified script) form a pool;
* each synthetic article takes a shuffled run of sentences from the pool, grouped into
  paragraphs of about one passage each (~15 passages per article by default);
* every district, city and street name of the bundled articles is replaced by a name
  from a list of *other* districts (one district per article, consistently), and every
  number is altered (years stay plausible years, months 1-12, days 1-28, other numbers
  keep their digit count);
* each article gets a generated title, a ``发布日期`` date and a ``来源`` publisher line,
  so metadata extraction has something to find.

Everything is deterministic for a given seed. These corpora are **synthetic**: their
vocabulary is that of the five source articles, so they are much more repetitive than a
real news collection (BM25 posting lists are denser, near-duplicate passages commoner).

Command line::

    python bench/synth.py OUT_DIR --articles 100 --seed 0
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SOURCE_DIR = REPO / "data" / "articles"

#: Place names of the bundled articles: (city, district) pairs, full names.
SOURCE_DISTRICTS: tuple[str, ...] = ("天桥区", "涧西区", "中原区", "天元区", "荷塘区", "云龙示范区", "株洲高新区")
SOURCE_CITIES: tuple[str, ...] = ("济南市", "洛阳市", "郑州市", "株洲市", "济南", "洛阳", "郑州", "株洲")
SOURCE_STREETS: tuple[str, ...] = (
    "北坦街道", "莲湖街道", "林山寨街道", "汝河路街道", "绿东村街道", "桂花街道", "北坦", "桂花",
)

#: Replacement places: (city, district). None of them occurs in the bundled articles.
OTHER_DISTRICTS: tuple[tuple[str, str], ...] = (
    ("北京市", "朝阳区"), ("北京市", "海淀区"), ("北京市", "丰台区"), ("北京市", "东城区"),
    ("上海市", "徐汇区"), ("上海市", "黄浦区"), ("上海市", "闵行区"), ("上海市", "静安区"),
    ("广州市", "越秀区"), ("广州市", "天河区"), ("广州市", "番禺区"), ("深圳市", "福田区"),
    ("深圳市", "南山区"), ("武汉市", "江汉区"), ("武汉市", "武昌区"), ("长沙市", "岳麓区"),
    ("长沙市", "开福区"), ("长沙市", "芙蓉区"), ("南京市", "鼓楼区"), ("南京市", "玄武区"),
    ("南京市", "秦淮区"), ("杭州市", "西湖区"), ("杭州市", "拱墅区"), ("成都市", "锦江区"),
    ("成都市", "武侯区"), ("西安市", "碑林区"), ("西安市", "雁塔区"), ("西安市", "莲湖区"),
    ("济南市", "历下区"), ("济南市", "槐荫区"), ("济南市", "历城区"), ("洛阳市", "西工区"),
    ("洛阳市", "老城区"), ("郑州市", "金水区"), ("郑州市", "二七区"), ("郑州市", "惠济区"),
    ("株洲市", "芦淞区"), ("株洲市", "石峰区"), ("青岛市", "市南区"), ("青岛市", "崂山区"),
    ("合肥市", "蜀山区"), ("合肥市", "包河区"), ("福州市", "台江区"), ("厦门市", "思明区"),
    ("昆明市", "五华区"), ("贵阳市", "南明区"), ("太原市", "小店区"), ("沈阳市", "和平区"),
)
OTHER_STREETS: tuple[str, ...] = (
    "东风街道", "新华街道", "人民路街道", "解放街道", "建设路街道", "光明街道", "长安街道",
    "和平街道", "文化路街道", "花园街道", "胜利街道", "友谊街道", "团结街道", "振兴街道",
)
TITLE_TOPICS: tuple[str, ...] = (
    "扎实推进基层党建工作", "党建引领基层治理提质增效", "打造“红色网格”服务群众",
    "深化“党建+”激发发展活力", "强化基层党组织政治功能", "推动非公企业党建全覆盖",
    "以党建引领社区治理新格局", "抓党建促发展 惠民生暖民心", "夯实基层基础 建强战斗堡垒",
)
PUBLISHER_FORMS: tuple[str, ...] = ("{city}日报", "{city}晚报", "{district}融媒体中心", "{city}组织工作信息")

#: Paragraph length range; ~190 characters on average gives about one chunk per paragraph
#: with the default chunker (150-350 characters, one sentence of overlap).
PARAGRAPH_CHARS = (150, 235)

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENT_FINAL = re.compile(r"[。！？!?；;…][”’」』）)]*$")


@dataclass
class CorpusInfo:
    """What :func:`make_corpus` wrote.

    Attributes:
        folder: The output folder.
        files: Paths of the written articles, in order.
        characters: Total characters of article text.
        seed: The seed used.
    """

    folder: Path
    files: list[Path]
    characters: int
    seed: int


def _stem(name: str) -> str:
    """A place name without its administrative suffix (``天桥区`` → ``天桥``)."""
    for suffix in ("示范区", "高新区", "街道", "区", "市"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=4)
def sentence_pool(source_dir: Path = SOURCE_DIR) -> tuple[str, ...]:
    """Sentences of the bundled articles, cleaned and in simplified script.

    Args:
        source_dir: Folder of source articles.

    Returns:
        Distinct sentences with at least 8 CJK characters, in file order.
    """
    from index.ingest.load import load_article
    from partyqa.text.normalize import normalize
    from partyqa.text.sentences import split_sentences

    seen: dict[str, None] = {}
    for path in sorted(Path(source_dir).glob("*.txt")):
        text = normalize(load_article(path).text)
        for span in split_sentences(text):
            sentence = text[span.start : span.end].strip()
            if len(sentence) > 300 or len(_CJK.findall(sentence)) < 8:
                continue
            if not _SENT_FINAL.search(sentence):
                if len(_CJK.findall(sentence)) < 15:
                    continue  # bylines, captions, headings
                sentence += "。"
            seen.setdefault(sentence, None)
    return tuple(seen)


def place_mapping(rng: random.Random) -> dict[str, str]:
    """Choose replacement names for every source place, one target district per article.

    Args:
        rng: Random source.

    Returns:
        Mapping of source name (full names and stems) to replacement.
    """
    city, district = rng.choice(OTHER_DISTRICTS)
    street = rng.choice(OTHER_STREETS)
    mapping: dict[str, str] = {}
    for name in SOURCE_DISTRICTS:
        mapping[name] = district
        mapping.setdefault(_stem(name), _stem(district))
    for name in SOURCE_CITIES:
        mapping[name] = city if name.endswith("市") else _stem(city)
    for name in SOURCE_STREETS:
        mapping[name] = street if name.endswith("街道") else _stem(street)
    return mapping


def replace_places(text: str, mapping: dict[str, str]) -> str:
    """Replace every key of ``mapping`` in ``text`` (longest names first).

    Args:
        text: Text to rewrite.
        mapping: Source name → replacement.

    Returns:
        The rewritten text.
    """
    if not mapping:
        return text
    pattern = re.compile("|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)))
    return pattern.sub(lambda m: mapping[m.group()], text)


def _new_number(match: re.Match, text: str, rng: random.Random) -> str:
    """A replacement for one number, chosen by what follows it."""
    raw = match.group()
    after = text[match.end() : match.end() + 1]
    if "." in raw:
        whole, frac = raw.split(".")
        return f"{_same_width(len(whole), rng, allow_zero=True)}.{rng.randrange(10 ** len(frac)):0{len(frac)}d}"
    if len(raw) == 4 and raw[:2] in ("19", "20"):
        return str(rng.randint(2005, 2024))
    if after == "月":
        return str(rng.randint(1, 12))
    if after in ("日", "号"):
        return str(rng.randint(1, 28))
    return _same_width(len(raw), rng)


def _same_width(width: int, rng: random.Random, allow_zero: bool = False) -> str:
    """A random number with ``width`` digits (no leading zero; 0 only if ``allow_zero``)."""
    if width <= 1:
        return str(rng.randint(0 if allow_zero else 1, 9))
    return str(rng.randint(10 ** (width - 1), 10**width - 1))


def alter_numbers(text: str, rng: random.Random) -> str:
    """Replace every Arabic number of ``text`` by a different plausible value.

    Args:
        text: Text to rewrite.
        rng: Random source.

    Returns:
        The text with numbers altered (digit counts kept, dates kept valid).
    """
    return _NUMBER.sub(lambda m: _new_number(m, text, rng), text)


def _paragraphs(pool: tuple[str, ...], rng: random.Random, n: int, target: tuple[int, int]) -> list[str]:
    """``n`` paragraphs of shuffled pool sentences, each about one passage long."""
    order = list(range(len(pool)))
    rng.shuffle(order)
    pos = 0
    paragraphs = []
    for _ in range(n):
        length = rng.randint(*target)
        parts: list[str] = []
        while sum(map(len, parts)) < length:
            if pos == len(order):
                rng.shuffle(order)
                pos = 0
            parts.append(pool[order[pos]])
            pos += 1
        paragraphs.append("".join(parts))
    return paragraphs


def synthetic_article(index: int, seed: int, pool: tuple[str, ...], passages: int = 15) -> str:
    """The text of synthetic article number ``index``.

    Args:
        index: Article number (each number gives a different article).
        seed: Corpus seed.
        pool: Sentence pool (see :func:`sentence_pool`).
        passages: Paragraphs (≈ passages) per article.

    Returns:
        Article text: title, date/publisher line, blank-line separated paragraphs.
    """
    rng = random.Random(f"{seed}:{index}")
    mapping = place_mapping(rng)
    district, city = mapping[SOURCE_DISTRICTS[0]], mapping[SOURCE_CITIES[0]]
    body = [alter_numbers(replace_places(p, mapping), rng) for p in _paragraphs(pool, rng, passages, PARAGRAPH_CHARS)]
    title = f"{district}{rng.choice(TITLE_TOPICS)}"
    publisher = rng.choice(PUBLISHER_FORMS).format(city=_stem(city), district=district)
    date = f"{rng.randint(2008, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    header = f"{title}\n发布日期：{date}　来源：{publisher}\n"
    return header + "\n" + "\n\n".join(body) + "\n"


def make_corpus(folder: Path, n_articles: int, seed: int = 0, source_dir: Path = SOURCE_DIR,
                passages: int = 15) -> CorpusInfo:
    """Write ``n_articles`` synthetic articles as UTF-8 ``.txt`` files into ``folder``.

    Args:
        folder: Output folder (created if missing).
        n_articles: Number of articles.
        seed: Seed; the same seed gives byte-identical files.
        source_dir: Folder of the source articles.
        passages: Paragraphs (≈ passages) per article.

    Returns:
        What was written.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    pool = sentence_pool(Path(source_dir))
    files, chars = [], 0
    for i in range(n_articles):
        text = synthetic_article(i, seed, pool, passages)
        path = folder / f"syn_{seed}_{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
        chars += len(text)
    return CorpusInfo(folder, files, chars, seed)


def main(argv: list[str] | None = None) -> None:
    """Command line: write a synthetic corpus."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="output folder")
    parser.add_argument("--articles", type=int, default=100, help="number of articles (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--passages", type=int, default=15, help="paragraphs per article (default 15)")
    args = parser.parse_args(argv)
    info = make_corpus(args.folder, args.articles, args.seed, passages=args.passages)
    print(f"wrote {len(info.files)} synthetic articles ({info.characters} characters) to {info.folder}")


if __name__ == "__main__":
    main()
