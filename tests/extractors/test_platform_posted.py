"""PlatformUse.find (product_platform_use.py): a company's network posted on (在甲网上发文) is
found, with invented names, and skips a span the caller blocked, as every other output of find does."""
from __future__ import annotations

import pytest

from service.extractors.product_platform_use import PlatformUse
from service.nlp.document import build_document
from service.pipeline import get_pipeline

COMPANIES = {"岫云网": "xiuyunwang"}
APPS = {"溪语圈"}


def _finder():
    return PlatformUse(lambda w: False, frozenset(), is_app=lambda w: w in APPS,
                       is_company=COMPANIES.get)


def _found(text, blocked=frozenset(), companies=frozenset()):
    doc = build_document(text, get_pipeline().segmenter)
    return [(f.start, f.end, None) for f in _finder().find(doc, blocked, companies)]


@pytest.mark.parametrize("text", ["林小舟在岫云网上发文称，新版本下月推出。",
                                  "林小舟於岫云网上發文稱，新版本下月推出。"])
def test_a_company_network_posted_on_is_found(text):
    assert [(s, e) for s, e, _ in _found(text)] == [(4, 7)]


@pytest.mark.parametrize("text", ["林小舟在岫云网上发文称，新版本下月推出。",
                                  "林小舟於岫云网上發文稱，新版本下月推出。"])
def test_a_blocked_company_network_is_not(text):
    assert _found(text, blocked=frozenset({(4, 7)})) == []


def test_a_known_app_glued_to_its_cue():
    assert [(s, e) for s, e, _ in _found("林小舟在溪语圈上表示，新版本下月推出。")] == [(4, 7)]
    assert _found("林小舟在溪语圈上表示，新版本下月推出。", blocked=frozenset({(4, 7)})) == []


@pytest.mark.parametrize("text", ["林小舟在岫云网发文称，新版本下月推出。",
                                  "林小舟於岫云网發文稱，新版本下月推出。"])
def test_a_company_the_gazetteer_blocks_still_names_its_network(text):
    """a span blocked only as the knowledge base's organisation (`companies`) may be its network"""
    assert [(s, e) for s, e, _ in _found(text, blocked=frozenset({(4, 7)}), companies=frozenset({(4, 7)}))] == [(4, 7)]


def test_a_company_span_gives_no_app_glued_to_its_cue():
    """`companies` frees only a company's network posted on, no other output"""
    assert _found("林小舟在溪语圈上表示，新版本下月推出。", blocked=frozenset({(4, 7)}), companies=frozenset({(4, 7)})) == []
