"""ONIX 3.0 records: structure in the order the ONIX 3.0 specification gives, codes."""

from __future__ import annotations

from lxml import etree
from tests.publish.fixtures import make_work, tiny_work
from tests.publish.helpers import parse

from kazlit.publish import EditionOptions, Subject, plan_anthology, plan_edition
from kazlit.publish.onix import ONIX_NS, onix_message

N = {"o": ONIX_NS}
# Element order of the composites kazlit writes (ONIX for Books 3.0 specification,
# P.1 to P.20); each list is the order the spec requires, of the elements used.
ORDER = {
    "Product": ["RecordReference", "NotificationType", "ProductIdentifier",
                "DescriptiveDetail", "PublishingDetail"],
    "DescriptiveDetail": ["ProductComposition", "ProductForm", "ProductFormDetail",
                          "ProductFormFeature", "EpubTechnicalProtection", "Collection",
                          "NoCollection", "TitleDetail", "Contributor", "NoContributor",
                          "Language", "Subject"],
    "Contributor": ["SequenceNumber", "ContributorRole", "FromLanguage", "ToLanguage",
                    "PersonName", "PersonNameInverted", "AlternativeName"],
    "PublishingDetail": ["Publisher", "PublishingStatus", "PublishingDate"],
    "TitleElement": ["TitleElementLevel", "PartNumber", "TitleText", "Subtitle"],
}  # fmt: skip


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _check_order(root: etree._Element) -> None:
    for name, order in ORDER.items():
        for composite in root.iter(f"{{{ONIX_NS}}}{name}"):
            children = [_local(c) for c in composite]
            assert set(children) <= set(order), (name, children)
            positions = [order.index(c) for c in children]
            assert positions == sorted(positions), (name, children)


def test_record_for_a_translation() -> None:
    options = EditionOptions(
        isbn="978-0-306-40615-7",
        publisher="Kazlit Press",
        series="Kazakh Literature in Translation",
        series_position=2,
        subjects=(Subject("FBA", "Modern and contemporary fiction"),),
    )
    data = onix_message([plan_edition(make_work(), "ru", options=options)])
    root = parse(data)
    assert root.get("release") == "3.0"
    _check_order(root)
    product = root.find("o:Product", N)
    assert product.findtext("o:ProductIdentifier/o:ProductIDType", namespaces=N) == "15"
    assert product.findtext("o:ProductIdentifier/o:IDValue", namespaces=N) == "9780306406157"
    detail = product.find("o:DescriptiveDetail", N)
    assert detail.findtext("o:ProductFormDetail", namespaces=N) == "E101"
    features = [
        f.text for f in detail.iterfind("o:ProductFormFeature/o:ProductFormFeatureValue", N)
    ]
    assert {"04", "82", "85"} <= set(features)
    assert detail.findtext(".//o:TitleText", namespaces=N) == "Kazakh Literature in Translation"
    assert detail.findtext("o:TitleDetail//o:TitleText", namespaces=N) == "Белый снег"
    contributors = detail.findall("o:Contributor", N)
    assert [c.findtext("o:ContributorRole", namespaces=N) for c in contributors] == ["A01", "B06"]
    translator = contributors[1]
    assert translator.findtext("o:FromLanguage", namespaces=N) == "kaz"
    assert translator.findtext("o:ToLanguage", namespaces=N) == "rus"
    assert contributors[0].findtext("o:AlternativeName/o:PersonName", namespaces=N) == (
        "Ğalym Öteuov"
    )
    languages = [
        (
            lang.findtext("o:LanguageRole", namespaces=N),
            lang.findtext("o:LanguageCode", namespaces=N),
        )
        for lang in detail.iterfind("o:Language", N)
    ]
    assert languages == [("01", "rus"), ("02", "kaz")]
    assert detail.findtext("o:Subject/o:SubjectSchemeIdentifier", namespaces=N) == "93"
    assert detail.findtext("o:Subject/o:SubjectCode", namespaces=N) == "FBA"
    assert product.findtext(".//o:PublishingDate/o:Date", namespaces=N) == "20260101"


def test_message_is_reproducible_and_holds_each_edition() -> None:
    editions = [
        plan_edition(make_work(), "en"),
        plan_edition(make_work(), "en", parallel_with="kk"),
        plan_anthology([tiny_work(i) for i in range(3)], "en"),
    ]
    first = onix_message(editions)
    assert first == onix_message(editions)
    root = parse(first)
    _check_order(root)
    products = root.findall("o:Product", N)
    assert len(products) == 3
    ids = [p.findtext("o:ProductIdentifier/o:IDValue", namespaces=N) for p in products]
    assert len(set(ids)) == 3
    assert products[0].findtext("o:ProductIdentifier/o:IDTypeName", namespaces=N) == "UUID"
    bilingual = [
        lang.findtext("o:LanguageCode", namespaces=N)
        for lang in products[1].iterfind(".//o:Language", N)
    ]
    assert bilingual == ["eng", "kaz"]
    assert root.findtext("o:Header/o:SentDateTime", namespaces=N) == "20260101T0000Z"
