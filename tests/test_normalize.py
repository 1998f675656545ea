"""Normalisation: script, width, pinyin, boilerplate, and the map back to the original."""

from __future__ import annotations

from plangraph.ingest.normalize import NormText


def test_traditional_with_taiwan_vocabulary_becomes_simplified() -> None:
    n = NormText("推動軟體監測平台最佳化與數位轉型，建設網路服務，擴大套用範圍。" * 3)
    assert n.script == "traditional"
    for word in ("软件", "优化", "数字", "网络", "应用"):
        assert word in n.text
    assert "创建" not in NormText("各地要建立計量工作協調機制並建立考核制度。" * 3).text


def test_mainland_words_stay_in_traditional_text() -> None:
    """tw2sp reads some mainland words as Taiwan vocabulary (指标 → 指针, 档案 → 文件, 对口支援 → 对口支持, and
    across a word boundary Ⅲ类比例 → Ⅲ模拟例); a traditional-script mainland plan keeps them."""
    n = NormText("完成主要指標,建立健康檔案,做好對口支援,水質達到Ⅲ類比例提高,推進線上線下融合,補貼上限提高。" * 2)
    assert n.script == "traditional"
    for word in ("主要指标", "健康档案", "对口支援", "Ⅲ类比例", "线上线下", "补贴上限"):
        assert word in n.text, word


def test_mainland_words_are_not_rewritten_in_simplified_text() -> None:
    n = NormText("建立计量标准装置，提升核心能力和监管效能，贯彻执行文件。")
    assert n.script == "simplified"
    assert n.text == "建立计量标准装置,提升核心能力和监管效能,贯彻执行文件。"


def test_pinyin_annotations_are_dropped_and_spans_map_back() -> None:
    original = "各省、自(zì)治區、直轄市人民(mín)政府：加強計量工作。"
    n = NormText(original)
    assert "自治区" in n.text and "(zì)" not in n.text
    start = n.text.index("自治区")
    q = n.quote(start, start + 3)
    assert q["quote"] == "自(zì)治區"
    assert original[q["start"]:q["end"]] == q["quote"]


def test_full_width_digits_letters_and_punctuation_are_folded() -> None:
    n = NormText("到２０２５年，建成ＯＩＭＬ证书实验室１２家（以上）：１００％")
    assert n.text == "到2025年,建成OIML证书实验室12家(以上):100%"
    i = n.text.index("2025")
    assert n.quote(i, i + 4)["quote"] == "２０２５"


def test_boilerplate_lines_are_removed_but_text_lines_stay() -> None:
    n = NormText("一、总体要求\n打印本页\n关闭窗口\n浏览次数：1234\n相关链接\n（一）加强组织领导。\n全部评论\n")
    assert "打印" not in n.text and "浏览" not in n.text and "评论" not in n.text and "相关链接" not in n.text
    assert "一、总体要求" in n.text and "(一)加强组织领导。" in n.text


def test_every_normalised_span_maps_to_an_original_substring() -> None:
    original = "第一條　為貫徹落實《計量發展規劃（２０２１—２０３５年）》，網際網路(wǎng)平臺建設。\r\n"
    n = NormText(original)
    for i in range(len(n.text)):
        for j in range(i + 1, min(len(n.text), i + 6) + 1):
            q = n.quote(i, j)
            assert original[q["start"]:q["end"]] == q["quote"]
            assert q["quote"]


def test_pieces_convert_in_one_call_as_one_by_one() -> None:
    from plangraph.ingest.normalize import _convert_each, converter

    cc = converter("t2s")
    pieces = ["發展", "計量標準", "2025年", "乾燥", "於是", "干预", "abc"]
    assert _convert_each(pieces, cc) == [cc.convert(p) for p in pieces]
    assert _convert_each([], cc) == []


def test_width_folding_equals_a_full_translate() -> None:
    from plangraph.ingest.normalize import _HALF_WIDTH, _fold_width, _Mapped

    text = "（一）到２０２５年，ＡＢＣ！　完成～"
    table = {ord(k): v for k, v in _HALF_WIDTH.items()}
    assert _fold_width(_Mapped.identity(text)).text == text.translate(table) == "(一)到2025年,ABC! 完成~"


def test_traditional_text_maps_back_exactly() -> None:
    original = "發展數位經濟,推動網路基礎設施建設。乾隆年間的計量標準於2025年完成。" * 2
    n = NormText(original)
    assert n.script == "traditional" and "数字经济" in n.text and "网络" in n.text
    for word in ("数字经济", "网络", "计量标准"):
        start = n.text.index(word)
        q = n.quote(start, start + len(word))
        assert original[q["start"]:q["end"]] == q["quote"] and len(q["quote"]) == len(word)
