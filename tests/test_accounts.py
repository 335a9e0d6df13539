"""Two accounts of one meeting (``compare --accounts``): what both say, what only A says, what only
B says; no order, so nothing moves, and the two accounts' headings are not compared."""

from __future__ import annotations

import json

from lxml import html as lhtml

import statediff
from statediff.cli import main
from statediff.digest import digest

from .conftest import JF

AP = JF / "2022-01-20-sixth-2plus2-ap-report.txt"
MOFA = JF / "2022-01-20-sixth-2plus2-mofa-readout.txt"


def test_the_seed_accounts_in_text(capsys) -> None:
    assert main(["compare", str(AP), str(MOFA), "--accounts"]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("A 2022-01-20-sixth-2plus2-ap-report.txt")
    assert lines[1].startswith("B 2022-01-20-sixth-2plus2-mofa-readout.txt")
    assert lines[2] == ("two accounts, 20 and 37 clauses: 0 said alike, 4 said differently, 16 only in A, "
                        "33 only in B")
    assert "\n< p1  only in A\n" in out and "\n> p1.2  only in B\n" in out
    assert "said differently" in out and "moved" not in out and "sections:" not in out
    assert "## General remarks" in out  # grouped by B's topics
    # what only one account says is its text, neither struck out nor inserted, and its candidates are
    # what the other account may say in its words
    block = out.split("\n< p1  only in A\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert block[0].startswith("    Tokyo: The foreign and defence ministers") and "[-" not in block[0]
    assert block[1].startswith("    perhaps said by B as 4(2).1 0.19")
    assert "{+The meeting lasted" not in out and "    The meeting lasted for approximately" in out
    assert "possibly continue" not in out


def test_accounts_in_json_and_the_api(capsys) -> None:
    main(["compare", str(AP), str(MOFA), "--accounts", "-f", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["mode"] == "accounts" and not any(p["moved"] for p in data["pairs"])
    labels = [i["label"] for i in data["digest"]["items"]]
    assert all(label in ("only in A", "only in B", "term only in A", "term only in B")
               or label.startswith("stance changed") or label.endswith(" in B") for label in labels)
    # what only the news report names and what only the readout says both lead, in turn (the report's
    # own background and what it only relays as said follow what either says was agreed or voiced)
    assert {"only in B", "term only in A", "term only in B"} <= set(labels)
    every = digest(statediff.compare(statediff.read(AP), statediff.read(MOFA), accounts=True), size=40)
    assert "only in A" in [i.label for i in every.items]
    main(["compare", str(AP), str(MOFA), "-f", "json"])
    assert json.loads(capsys.readouterr().out)["mode"] == "revision"


def test_order_and_headings_are_no_difference_between_two_accounts() -> None:
    a = statediff.parse("Security\n\nWe agreed to deepen defense cooperation.\n\nWe discussed North Korea.\n")
    b = statediff.parse("Defense\n\nWe discussed North Korea.\n\nWe agreed to deepen defense cooperation.\n")
    revision, accounts = statediff.compare(a, b), statediff.compare(a, b, accounts=True)
    assert revision.changed and any(p.moved for p in revision.pairs)
    assert not accounts.changed and not any(p.moved for p in accounts.pairs) and accounts.mode == "accounts"


def test_the_headings_of_two_accounts_are_neither_renamed_nor_dropped() -> None:
    a = statediff.parse("Readout A\n\nTrade\n\nThe ministers agreed to expand trade in semiconductors.\n\n"
                        "Fisheries\n\nThe ministers discussed fishing quotas in the Pacific.\n")
    b = statediff.parse("Readout B\n\nEconomy\n\nThe ministers agreed to expand trade in semiconductors.\n\n"
                        "Security\n\nThe ministers condemned the missile launches.\n")
    revision = statediff.render(statediff.compare(a, b), "text", all=True)
    assert "## Economy  (was \u201cTrade\u201d)" in revision and "## Fisheries  (section dropped)" in revision
    accounts = statediff.compare(a, b, accounts=True)
    text, page = statediff.render(accounts, "text", all=True), statediff.render(accounts, "html")
    assert [line for line in text.splitlines() if line.startswith("## ")] == ["## Economy", "## Fisheries", "## Security"]
    assert "was \u201c" not in page and "section dropped" not in page


def test_accounts_in_html(tmp_path) -> None:
    out = tmp_path / "accounts.html"
    assert main(["compare", str(AP), str(MOFA), "--accounts", "-f", "html", "-o", str(out)]) == 1
    tree = lhtml.parse(str(out)).getroot()
    assert tree.xpath("string(//h1)").startswith("2022-01-20-sixth-2plus2-ap-report.txt and ")
    assert [h.text_content() for h in tree.xpath("//h2[@class='sd-doc-side']")] == ["Account A", "Account B"]
    badges = {" ".join(b.text_content().split()) for b in tree.xpath("//*[contains(@class, 'sd-badge')]")}
    assert {"\u2212Only in A", "+Only in B", "~Said differently"} <= badges
    # outlined topic by topic: two accounts' sections are each their own, none renamed, added or dropped
    assert [d.xpath("string(summary)") for d in tree.xpath("//details[@class='sd-sections']")] == ["Outline: 6 topics"]
    assert not tree.xpath("//*[contains(@class, 'sd-sec-k')]") and not tree.xpath("//*[contains(@class, 'sd-moved')]")
    assert "Not in Account A" in tree.text_content()
    row = tree.xpath("//article[@data-status='dropped']")[0]
    assert row.get("aria-label") == "Clause p1: only in A"
    assert tree.xpath("string(//article[@data-status='dropped']//details[@class='sd-suggest']/summary)").startswith(
        "Perhaps said by B as ")
    assert "dropped" not in " ".join(tree.xpath("//article/@aria-label")) and "Possibly continue" not in tree.text_content()


def test_what_only_a_says_at_the_start_stands_under_no_heading_of_a() -> None:
    c = statediff.compare(statediff.read(AP), statediff.read(MOFA), accounts=True)
    from statediff.sections import headings_of_pairs

    headings = headings_of_pairs(c)
    assert c.pairs[0].left == ("p1",) and headings[0] == ""  # not A's paragraph "¶ 1: Tokyo: ..."
    assert not any(h.startswith("\u00b6") for h in headings)
