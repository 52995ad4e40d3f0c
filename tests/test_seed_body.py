"""The seed record's body: turns, stage directions, editorial brackets, the telegram, lists."""

from __future__ import annotations

from collections import Counter

from conftest import XML_ID, xpath


def content(element) -> str:
    return "".join(element.itertext())


def turns(tree):
    return xpath(tree, "//tei:body//tei:sp")


def test_122_turns_in_source_order(seed_tree, seed_text):
    sps = turns(seed_tree)
    assert len(sps) == 122
    assert Counter(sp.get("who") for sp in sps) == {"#stalin": 58, "#soong": 59, "#molotov": 5}
    labels = [line.split(":")[0] for line in seed_text.splitlines() if line.split(":")[0] in {"Stalin", "Soong", "Molotov"}]
    assert [xpath(sp, "string(tei:speaker)").rstrip(":") for sp in sps] == labels
    assert [sp.get(XML_ID) for sp in sps] == [f"sp{n}" for n in range(1, 123)]


def test_every_who_resolves_and_every_turn_has_its_label(seed_tree):
    persons = {p.get(XML_ID): xpath(p, "string(tei:persName)") for p in xpath(seed_tree, "//tei:person")}
    for sp in turns(seed_tree):
        who = sp.get("who")
        assert who.startswith("#") and who[1:] in persons
        assert xpath(sp, "string(tei:speaker)") == persons[who[1:]] + ":"


def test_first_turns(seed_tree):
    first, second = turns(seed_tree)[:2]
    assert content(xpath(first, "tei:p")[0]) == "What news?"
    assert content(xpath(second, "tei:p")[0]).startswith("I reported to Chiang Kai-shek that our meeting")


def test_unlabelled_paragraph_stays_in_its_turn(seed_tree):
    broken = [sp for sp in turns(seed_tree) if "it would be worse for" in content(sp)]
    assert len(broken) == 1
    paragraphs = [content(p) for p in xpath(broken[0], "tei:p")]
    assert broken[0].get("who") == "#stalin"
    assert paragraphs[-2].endswith("As regards plebiscite it would be worse for")
    assert paragraphs[-1] == "China."


def test_stage_directions(seed_tree):
    standalone = xpath(seed_tree, "//tei:div/tei:stage")
    assert [s.text for s in standalone] == ["(Stalin laughs).", "(Soong gives draft to Molotov)."]
    shows_map = xpath(seed_tree, "//tei:sp[tei:speaker='Molotov:']//tei:stage")
    assert [s.text for s in shows_map] == ["(Shows map)."]
    paragraph = shows_map[0].getparent()
    assert content(paragraph) == "(Shows map). We renounce neutral zone, leave the other line."
    assert xpath(paragraph, "count(preceding-sibling::tei:p)") == 0
    # A parenthesis inside a sentence is speech, not a stage direction.
    assert len(xpath(seed_tree, "//tei:stage")) == 3
    khalkha = xpath(seed_tree, "//tei:p[contains(., 'Khalkha')]")[0]
    assert xpath(khalkha, "ancestor::tei:sp/@who") == ["#stalin"]
    assert not xpath(khalkha, ".//tei:stage")


def test_illegible_is_a_gap(seed_tree):
    gaps = xpath(seed_tree, "//tei:gap")
    assert len(gaps) == 1
    assert gaps[0].get("reason") == "illegible"
    assert xpath(gaps[0], "ancestor::tei:sp/@who") == ["#soong"]


def test_four_sic(seed_tree):
    sics = xpath(seed_tree, "//tei:sic")
    assert [content(s) for s in sics] == ["(Khalkha government?)", "Stalin", "Stalin", "minima"]
    assert "[sic]" not in content(xpath(seed_tree, "//tei:body")[0])
    minima = sics[3]
    assert minima.tail.startswith(" rights there will be always trouble.")


def test_seven_editorial_insertions(seed_tree):
    supplied = [content(s) for s in xpath(seed_tree, "//tei:supplied")]
    assert supplied == ["Kai-shek", "Lüshunkou", "Dalian", "Xinjiang", "Liaodong", "Uyghurs", "Kazakhs"]
    body = content(xpath(seed_tree, "//tei:body")[0])
    assert "[" not in body and "]" not in body


def test_telegram_is_a_quotation_in_linked_parts(seed_tree):
    parts = xpath(seed_tree, "//tei:quote")
    ids = [q.get(XML_ID) for q in parts]
    assert len(parts) == 4
    assert all(ids)
    for index, part in enumerate(parts):
        assert part.get("prev") == (None if index == 0 else "#" + ids[index - 1])
        assert part.get("next") == (None if index == len(parts) - 1 else "#" + ids[index + 1])
        assert xpath(part, "ancestor::tei:sp/@who") == ["#soong"]
    text = " ".join(" ".join(content(p).split()) for p in parts)
    assert text.startswith('"Chinese Government now willing make greatest sacrifice')
    assert text.endswith('Will you please communicate to Stalin without any reservation."')
    assert "Chinese Eastern Railway and south Manchurian Railway" in text
    assert "Period also 20 years." in text
    # The replies to the interruptions are Soong's own words, not the telegram's.
    assert "I am translating textually the telegram." not in text
    assert not text.startswith("Yes.") and " Yes. " not in text
    # "That is the matter." follows the telegram and is not inside it.
    matter = xpath(seed_tree, "//tei:p[. = 'That is the matter.']")
    assert len(matter) == 1 and not xpath(matter[0], "ancestor::tei:quote")
    # Stalin and Molotov interrupt it: their turns lie between the parts.
    between = xpath(parts[0], "ancestor::tei:sp/following-sibling::tei:sp[1]/@who")
    assert between == ["#stalin"]


def test_telegram_points_are_numbered_items(seed_tree):
    items = xpath(seed_tree, "//tei:quote//tei:item")
    assert [i.get("n") for i in items] == ["1", "2", "3", "4"]
    assert [xpath(i, "string(preceding-sibling::tei:label[1])") for i in items] == ["1)", "2)", "3)", "4)"]
    assert content(items[0]).startswith("Sovereignty and administrative integrity of Manchuria.")
    assert content(items[3]).startswith("Outer Mongolia.")
    lists = xpath(seed_tree, "//tei:quote//tei:list")
    assert len(lists) == 2
    assert lists[0].get("next") == "#" + lists[1].get(XML_ID)
    assert lists[1].get("prev") == "#" + lists[0].get(XML_ID)


def test_list_of_drafts(seed_tree):
    lists = xpath(seed_tree, "//tei:sp/tei:list")
    items = [i for lst in lists for i in xpath(lst, "tei:item")]
    assert [i.get("n") for i in items] == ["1", "2", "3", "4", "5"]
    assert content(items[2]) == "Dairen - drafted according to Chiang instructions."
    assert len(lists) == 2 and lists[0].get("next") == "#" + lists[1].get(XML_ID)
    assert all(lst.get("rend") == "numbered" for lst in lists)


def test_dateline(seed_tree):
    dateline = xpath(seed_tree, "//tei:body/tei:div/tei:opener/tei:dateline")
    assert len(dateline) == 1
    assert content(dateline[0]) == "9 July 1945, 9:00 - 10:40 p.m."
    date = xpath(dateline[0], "tei:date")[0]
    time = xpath(dateline[0], "tei:time")[0]
    assert (date.text, date.get("when")) == ("9 July 1945", "1945-07-09")
    assert (time.text, time.get("from"), time.get("to")) == ("9:00 - 10:40 p.m.", "21:00:00", "22:40:00")
