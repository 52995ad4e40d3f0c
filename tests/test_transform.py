"""Transforms: every format's *content* is checked against the TEI it came from, on the corpus and
on the reader's fixture transcripts (which between them use every element the writer makes).

The expected values are computed here from the TEI with lxml, independently of the stylesheets,
so that a stylesheet that drops or duplicates something fails.
"""

from __future__ import annotations

import copy
import csv
import io
import json

import lxml.html
import pytest
from lxml import etree

import tei_meeting
from tei_meeting.transforms import FORMATS, TransformError, document_id, format_for_path, transform

from conftest import CORPUS, ROOT, XML_ID, xpath

TEI = "{http://www.tei-c.org/ns/1.0}"
FIXTURES = ROOT / "tests" / "fixtures" / "transcripts"
TRANSCRIPTS = sorted(CORPUS.glob("transcripts/*.txt")) + sorted(FIXTURES.glob("*.txt"))
SEED_TURNS = 122


@pytest.fixture(scope="session")
def records() -> dict[str, bytes]:
    """Every transcript of the corpus and of the reader fixtures, converted: name -> TEI bytes."""
    return {path.stem: tei_meeting.convert(path) for path in TRANSCRIPTS}


@pytest.fixture(scope="session")
def seed(records) -> bytes:
    return records["1945-07-09_soong-stalin"]


def turns(tei: bytes) -> list:
    return xpath(etree.fromstring(tei), "//tei:text//tei:sp")


# ---------------------------------------------------------------- what the table rule says, in Python

def _canonical(element, skip=("stage", "note")) -> str:
    """Text of an element with the canonical text's editorial marks; stage directions and notes left out."""
    parts: list[str] = [element.text or ""] if element.tag.split("}")[1] not in skip else []
    for child in element:
        name = child.tag.split("}")[1]
        if name in skip:
            pass
        elif name == "supplied":
            parts.append("[" + _canonical(child) + "]")
        elif name == "sic":
            parts.append(_canonical(child) + " [sic]")
        elif name == "gap":
            desc = child.find(TEI + "desc")
            if desc is not None:
                parts.append(f"[{desc.text}]")
            elif child.get("reason") == "omitted":
                parts.append({"ellipsis": "[…]", "spaced": "[. . .]"}.get(child.get("rend"), "[...]"))
            else:
                parts.append(f"[{child.get('reason').upper()}]")
        elif name == "list":
            for item in child.findall(TEI + "item"):
                label = item.getprevious()
                prefix = label.text + " " if label is not None and label.tag == TEI + "label" else ""
                parts.append(" " + prefix + _canonical(item) + " ")
        elif name in {"p", "ab", "quote", "item"}:
            parts.append(" " + _canonical(child) + " ")
        else:
            parts.append(_canonical(child))
        parts.append(child.tail or "")
    return "".join(parts)


def speech_text(sp) -> str:
    return " ".join(" ".join(_canonical(child) for child in sp if child.tag != TEI + "speaker").split())


def stage_texts(elements) -> str:
    return " | ".join(" ".join(_canonical(stage, skip=("note",)).split()) for stage in elements)


# ---------------------------------------------------------------- registry and errors

def test_registry_keeps_txt_and_has_every_format():
    assert list(FORMATS) == ["txt", "html", "md", "csv", "tsv", "jsonl", "parlamint", "dracor"]
    assert FORMATS["txt"][0] == "tei-to-text.xsl"


def test_unknown_format_lists_the_known_ones(seed):
    with pytest.raises(TransformError) as caught:
        transform(seed, to="docx")
    message = caught.value.diagnostics[0].message
    assert message.startswith("unknown format 'docx'; known formats: txt, html, md")
    assert caught.value.diagnostics[0].code == "unknown-format"


def test_a_document_that_is_not_tei_is_refused():
    with pytest.raises(TransformError) as caught:
        transform(b"<html><body/></html>", to="html", source="page.xml")
    assert caught.value.diagnostics[0].code == "not-tei"


def test_a_table_of_a_record_without_turns_is_an_error_not_an_empty_file(records):
    with pytest.raises(TransformError) as caught:
        transform(records["narrative"], to="jsonl")
    assert caught.value.diagnostics[0].code == "empty-output"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("x.html", "html"), ("x.htm", "html"), ("a/b.md", "md"), ("x.csv", "csv"), ("x.tsv", "tsv"), ("x.jsonl", "jsonl"),
     ("x.txt", "txt"), ("x.parlamint.xml", "parlamint"), ("x.dracor.xml", "dracor"), ("x.xml", None), ("x", None)],
)
def test_format_from_file_name(name, expected):
    assert format_for_path(name) == expected


def test_document_id_from_source():
    assert document_id("out/1945-07-09_soong-stalin.xml") == "1945-07-09_soong-stalin"
    assert document_id("<bytes>") == ""


@pytest.mark.parametrize("to", list(FORMATS))
def test_every_format_transforms_every_record(records, to):
    for name, tei in records.items():
        if to in {"csv", "tsv", "jsonl"} and not turns(tei):
            continue
        assert transform(tei, to=to, source=f"{name}.xml").strip(), (name, to)


# ---------------------------------------------------------------- html

@pytest.fixture(scope="session")
def seed_html(seed) -> str:
    return transform(seed, to="html", source="1945-07-09_soong-stalin.xml")


def test_html_has_one_turn_per_sp_with_its_id_number_and_speaker(seed, seed_html):
    page = lxml.html.fromstring(seed_html)
    articles = page.xpath("//article[@class='turn']")
    sps = turns(seed)
    assert len(articles) == len(sps) == SEED_TURNS
    for number, (article, sp) in enumerate(zip(articles, sps), 1):
        assert article.get("id") == sp.get(XML_ID) == f"sp{number}"
        assert article.xpath("string(.//a[@class='turn-number'])") == str(number)
        assert article.xpath(".//a[@class='turn-number']/@href") == [f"#sp{number}"]
        assert article.xpath("string(.//span[@class='speaker'])") == xpath(sp, "string(tei:speaker)")
        assert html_speech(article).lower() == speech_text(sp).lower()  # gaps: [illegible] for [ILLEGIBLE]


def html_speech(article) -> str:
    """The words of a turn in the HTML edition, without its stage directions and navigation."""
    speech = copy.deepcopy(article.xpath(".//div[@class='speech']")[0])
    for element in speech.xpath(".//*[@class='stage' or @class='continued' or @class='noteref']"):
        element.drop_tree()
    for block in speech.iter("p", "li", "blockquote", "ol"):
        block.tail = " " + (block.tail or "")
    return " ".join(speech.text_content().split())


def test_html_header_panel(seed_html):
    page = lxml.html.fromstring(seed_html)
    panel = page.xpath("//header[@class='panel']")[0]
    assert panel.xpath("string(h1)") == "Record of a Meeting Between T. V. Soong and Stalin"
    facts = " ".join(panel.xpath("string(dl[@class='facts'])").split())
    assert "9 July 1945, 9:00 - 10:40 p.m." in facts
    assert panel.xpath(".//dd[@class='source']/a/@href") == ["https://digitalarchive.wilsoncenter.org/document/123425"]
    assert "Victor Hoo Collection, box 6, folder 9" in facts
    assert "Outer Mongolia" in panel.xpath("string(.//section[@class='summary'])")
    assert [" ".join(li.text_content().split()) for li in panel.xpath(".//section[@class='participants']//li")] == [
        "Stalin (58 turns)", "Soong (59 turns)", "Molotov (5 turns)"]
    assert page.xpath("/html/@lang") == ["en"]
    assert page.xpath("string(/html/head/title)") == "Record of a Meeting Between T. V. Soong and Stalin"


def test_html_editorial_marks_are_visible_and_explained(seed, seed_html):
    page = lxml.html.fromstring(seed_html)
    tree = etree.fromstring(seed)
    supplied = page.xpath("//main//span[@class='supplied']")
    assert len(supplied) == len(xpath(tree, "//tei:text//tei:supplied"))
    assert supplied[0].text_content() == "[Kai-shek]" and supplied[0].get("title")
    assert len(page.xpath("//main//span[@class='sic-mark'][.='[sic]']")) == len(xpath(tree, "//tei:text//tei:sic")) == 4
    gaps = page.xpath("//main//span[@class='gap']")
    assert [g.text_content() for g in gaps] == ["[illegible]"] and "illegible" in gaps[0].get("title")
    legend = page.xpath("string(//section[@class='legend'])")
    for words in ("supplied by the transcript's editors", "so in the original", "text missing", "not speech"):
        assert words in legend


def test_html_stage_directions_are_set_apart(seed, seed_html):
    page = lxml.html.fromstring(seed_html)
    tree = etree.fromstring(seed)
    between = xpath(tree, "//tei:div/tei:stage")
    assert [p.text_content() for p in page.xpath("//main/section/p[@class='stage']")] == [s.text for s in between]
    assert page.xpath("string(//article[@id='sp19']//em[@class='stage'])") == "(Shows map)."


def test_html_telegram_is_a_quotation_with_numbered_points(seed, seed_html):
    page = lxml.html.fromstring(seed_html)
    quotes = page.xpath("//blockquote[@class='quote']")
    assert [q.get("id") for q in quotes] == ["quote1-part1", "quote1-part2", "quote1-part4"]
    assert page.xpath("//span[@class='quote-inline']/@id") == ["quote1-part3"]
    points = page.xpath("//blockquote//ol[@class='points']/li")
    assert [p.get("value") for p in points] == ["1", "2", "3", "4"]
    assert [p.xpath("string(span[@class='label'])") for p in points] == ["1)", "2)", "3)", "4)"]
    # The parts say where the quotation goes on, by turn, with working links.
    assert quotes[0].xpath("string(p[@class='continued'])") == "(continued in turn 4)"
    assert quotes[0].xpath("p[@class='continued']/a/@href") == ["#quote1-part2"]
    ids = set(page.xpath("//@id"))
    assert all(href[1:] in ids for href in page.xpath("//a[starts-with(@href, '#')]/@href"))


def test_html_is_self_contained(records):
    for name, tei in records.items():
        page = lxml.html.fromstring(transform(tei, to="html"))
        assert not page.xpath("//script | //link | //img | //iframe | //object | //@src"), name
        external = [h for h in page.xpath("//a/@href") if not h.startswith("#")]
        source = xpath(etree.fromstring(tei), "//tei:sourceDesc/tei:bibl/tei:ref/@target")
        assert external == list(source), name
        assert "@import" not in page.xpath("string(//style)") and "url(" not in page.xpath("string(//style)")
        assert page.xpath("//meta[@name='viewport']") and "@media print" in page.xpath("string(//style)")


def test_html_footnotes_link_both_ways(records):
    page = lxml.html.fromstring(transform(records["footnotes"], to="html"))
    assert page.xpath("//a[@class='noteref']/@href") == ["#note-1", "#note-2"]
    assert page.xpath("//section[@class='notes']//li/@id") == ["note-1", "note-2"]
    assert "The Federal Republic of Germany." in page.xpath("string(//li[@id='note-1'])")


# ---------------------------------------------------------------- markdown

def test_markdown_has_every_turn_bold_and_stage_directions_in_italics(seed):
    markdown = transform(seed, to="md")
    tree = etree.fromstring(seed)
    for number, sp in enumerate(turns(seed), 1):
        speaker = xpath(sp, "string(tei:speaker)")
        assert f'<a id="sp{number}"></a>`{number}` **{speaker}** ' in markdown
    for stage in xpath(tree, "//tei:text//tei:stage"):
        assert f"*{stage.text}*" in markdown
    assert markdown.startswith("# Record of a Meeting Between T. V. Soong and Stalin\n")
    assert "<https://digitalarchive.wilsoncenter.org/document/123425>" in markdown
    assert "Chiang \\[Kai-shek\\]" in markdown and "minima \\[sic\\]" in markdown
    assert "> 1) Sovereignty and administrative integrity of Manchuria." in markdown
    assert "> *(continued in [turn 4](#sp4))*" in markdown


def test_markdown_escapes_markdown_in_the_text(records):
    markdown = transform(records["stage-variants"], to="md")
    assert "*\\*pointing at the map\\**" in markdown  # the transcript's own asterisks stay text
    assert "\\[INAUDIBLE WORDS?\\]" in markdown


def test_markdown_footnotes(records):
    markdown = transform(records["footnotes"], to="md")
    assert "Germany[^1] about" in markdown and "[^1]: The Federal Republic of Germany." in markdown


# ---------------------------------------------------------------- tables

def _rows(tei: bytes, to: str) -> list[dict]:
    output = transform(tei, to=to, source="doc.xml")
    if to == "jsonl":
        return [json.loads(line) for line in output.splitlines()]
    reader = csv.DictReader(io.StringIO(output, newline=""), delimiter="," if to == "csv" else "\t",
                            quoting=csv.QUOTE_MINIMAL if to == "csv" else csv.QUOTE_NONE)
    return list(reader)


@pytest.mark.parametrize("to", ["csv", "tsv", "jsonl"])
def test_table_has_one_row_per_turn_and_its_speech(records, to):
    for name, tei in records.items():
        sps = turns(tei)
        if not sps:
            continue
        tree = etree.fromstring(tei)
        rows = _rows(tei, to)
        assert len(rows) == len(sps), name
        for number, (row, sp) in enumerate(zip(rows, sps), 1):
            who = sp.get("who")[1:]
            assert row["document"] == "doc"
            assert row["turn_id"] == sp.get(XML_ID)
            assert int(row["turn"]) == number
            assert row["speaker_id"] == who
            assert row["speaker_label"] == " ".join(_canonical(sp.find(TEI + "speaker")).split())
            assert row["speaker_name"] == xpath(tree, f"string(//tei:person[@xml:id='{who}']/tei:persName)")
            assert row["text"] == speech_text(sp), (name, number)
            assert int(row["words"]) == len(speech_text(sp).split())
            assert row["stage"] == stage_texts(xpath(sp, ".//tei:stage"))
            after = [s for s in xpath(sp, "following-sibling::tei:stage") if xpath(s, "preceding-sibling::tei:sp[1]")[0] == sp]
            assert row["stage_after"] == stage_texts(after)


def test_table_joins_a_speech_interrupted_by_a_stage_direction(seed):
    rows = {row["turn_id"]: row for row in _rows(seed, "csv")}
    assert rows["sp19"]["text"] == "We renounce neutral zone, leave the other line."
    assert rows["sp19"]["stage"] == "(Shows map)."
    assert rows["sp21"]["stage_after"] == "(Stalin laughs)."
    assert rows["sp2"]["text"].endswith("1) Sovereignty and administrative integrity of Manchuria. Stalin has expressed "
                                         "his respect of this point for which we are very grateful.")


def test_csv_quoting_and_header(seed):
    output = transform(seed, to="csv", source="x.xml")
    header, first = output.split("\r\n")[:2]
    assert header == "document,turn_id,turn,speaker_id,speaker_label,speaker_name,text,stage,stage_after,words"
    assert first == '"x","sp1",1,"stalin","Stalin:","Stalin","What news?","","",2'
    assert '""Chinese Government now willing' in output  # a quotation mark inside a field, doubled
    assert output.endswith("\r\n")


def test_jsonl_lines_are_json_with_numbers(seed):
    lines = transform(seed, to="jsonl").splitlines()
    assert len(lines) == SEED_TURNS
    first = json.loads(lines[0])
    assert list(first) == ["document", "turn_id", "turn", "speaker_id", "speaker_label", "speaker_name", "text", "stage", "stage_after", "words"]
    assert first["turn"] == 1 and first["words"] == 2


def test_table_document_id_can_be_given(seed):
    assert transform(seed, to="jsonl", document="soong-stalin").startswith('{"document": "soong-stalin"')


# ---------------------------------------------------------------- parlamint and dracor

@pytest.fixture(scope="session")
def tei_all_schema():
    from tei_meeting.validation import relaxng

    return relaxng("tei_all")


@pytest.mark.parametrize("to", ["parlamint", "dracor"])
def test_parlamint_and_dracor_are_valid_tei_all(records, tei_all_schema, to):
    for name, tei in records.items():
        output = transform(tei, to=to).encode("utf-8")
        assert output.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
        tree = etree.fromstring(output)
        assert tei_all_schema.validate(tree), (name, str(tei_all_schema.error_log.last_error))


def test_parlamint_utterances(seed):
    tree = etree.fromstring(transform(seed, to="parlamint").encode("utf-8"))
    sps = turns(seed)
    us = xpath(tree, "//tei:u")
    assert [(u.get("who"), u.get(XML_ID)) for u in us] == [(sp.get("who"), sp.get(XML_ID)) for sp in sps]
    assert xpath(tree, "//tei:div/@type") == ["debateSection"]
    assert xpath(tree, "count(//tei:note[@type='speaker'])") == SEED_TURNS
    # ParlaMint's seg holds only text and transcriber comments.
    assert not xpath(tree, "//tei:seg/*[not(self::tei:note or self::tei:gap or self::tei:kinesic or self::tei:vocal or self::tei:incident)]")
    assert xpath(tree, "//tei:u//tei:seg[1]")[0].text == "What news?"
    laugh = xpath(tree, "//tei:vocal")
    assert [(v.get("type"), v.get("who"), xpath(v, "string(tei:desc)")) for v in laugh] == [("laughter", "#stalin", "Stalin laughs")]
    assert xpath(tree, "string(//tei:u[@xml:id='sp19']/tei:seg/tei:incident/@type)") == "action"
    assert xpath(tree, "//tei:gap/@reason") == ["editorial"]
    assert xpath(tree, "string(//tei:extent/tei:measure/@quantity)") == str(SEED_TURNS)


def test_parlamint_stage_vocabulary(records):
    tree = etree.fromstring(transform(records["stage-variants"], to="parlamint").encode("utf-8"))
    found = [(etree.QName(e).localname, e.get("type")) for e in xpath(tree, "//tei:kinesic | //tei:vocal | //tei:incident")]
    assert found == [("kinesic", "gesture"), ("kinesic", "gesture"), ("vocal", "laughter"), ("kinesic", "smiling")]
    assert xpath(tree, "//tei:gap/@reason") == ["editorial", "editorial", "inaudible"]


def test_dracor_speeches_and_cast(seed, records):
    tree = etree.fromstring(transform(seed, to="dracor").encode("utf-8"))
    assert [sp.get("who") for sp in xpath(tree, "//tei:sp")] == [sp.get("who") for sp in turns(seed)]
    assert not xpath(tree, "//tei:sp/@xml:id | //tei:standOff | //tei:titleStmt/tei:title[@type='main']")
    assert xpath(tree, "//tei:person/@xml:id") == ["stalin", "soong", "molotov"]
    assert xpath(tree, "//tei:sourceDesc/tei:bibl/@type") == ["digitalSource", "originalSource"]
    assert xpath(tree, "string(//tei:bibl[@type='digitalSource']/tei:ref/@target)") == "https://digitalarchive.wilsoncenter.org/document/123425"
    assert xpath(tree, "string(//tei:event[@type='written']/@when)") == "1945"
    # Only elements of DraCor's customisation (dracor.odd schemaSpec) are used.
    allowed = set(
        "author bibl biblScope cit date desc editor emph foreign graphic head l label lb lg name note p pb publisher "
        "pubPlace ref resp respStmt sp speaker stage term title quote availability change classCode fileDesc idno "
        "keywords licence listChange profileDesc publicationStmt revisionDesc sourceDesc teiHeader textClass titleStmt "
        "TEI argument back body div dateline docAuthor docTitle epigraph front text titlePage titlePart signed trailer "
        "actor castGroup castItem castList performance role roleDesc set spGrp event forename genName listEvent "
        "listPerson listRelation nameLink person personGrp persName relation surname particDesc ab figure".split()
    )
    for name, tei in records.items():
        used = {etree.QName(e).localname for e in etree.fromstring(transform(tei, to="dracor").encode("utf-8")).iter(etree.Element)}
        assert used <= allowed, (name, used - allowed)
    cast = etree.fromstring(transform(records["participants-block"], to="dracor").encode("utf-8"))
    assert xpath(cast, "//tei:castGroup/tei:head/text()") == ["On the Soviet side:", "On the American side:"]
    assert xpath(cast, "//tei:castItem/@corresp")[:2] == ["#khrushchev", "#gromyko"]


# ---------------------------------------------------------------- txt stays the canonical rule

def test_txt_is_the_canonical_text(seed, seed_text):
    text = transform(seed, to="txt")
    assert " ".join(text.split()) == " ".join(seed_text.split())


def test_the_package_function_survives_importing_the_module(seed):
    import tei_meeting.transforms as module  # the module's name differs from the function's

    assert callable(tei_meeting.transform)
    assert tei_meeting.transform(seed, to="txt") == module.transform(seed, to="txt")
    assert tei_meeting.FORMATS is FORMATS