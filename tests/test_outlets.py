import pytest

from dyadwatch.kb.outlets import OutletRegistry, RegistryError, load_outlets, registry

SEEDED_COUNTRIES = ("CHN", "RUS", "USA", "GBR", "FRA", "DEU", "IND", "JPN")
WIRES = ("Reuters", "Associated Press", "Agence France-Presse", "Xinhua", "TASS", "RIA Novosti",
         "Interfax", "Sputnik", "RT", "Global Times", "People's Daily", "CGTN", "Kyodo News",
         "Yonhap")


def test_bundled_registry_is_seeded_for_the_main_countries_and_wires():
    outlets = registry()
    by_country = {}
    for outlet in outlets.outlets:
        by_country.setdefault(outlet.country, []).append(outlet)
    for country in SEEDED_COUNTRIES:
        assert len(by_country.get(country, [])) >= 4, country
    for wire in WIRES:
        assert outlets.lookup(wire) is not None, wire


@pytest.mark.parametrize(("written", "canonical", "country", "affiliation"), [
    ("ITAR-TASS", "TASS", "RUS", "state-owned"),
    ("ap", "Associated Press", "USA", "private"),
    ("AFP", "Agence France-Presse", "FRA", None),
    ("Global Times", "Global Times", "CHN", "party-run"),
    ("Chinese Foreign Ministry", "Ministry of Foreign Affairs of the People's Republic of China",
     "CHN", "government body"),
])
def test_aliases_resolve_to_canonical_outlets(written, canonical, country, affiliation):
    outlet = registry().lookup(written)
    assert outlet is not None and outlet.name == canonical
    assert outlet.country == country
    if affiliation:
        assert outlet.affiliation == affiliation


def test_domains_resolve_with_subdomains():
    outlets = registry()
    assert outlets.by_domain("en.kremlin.ru").name == "President of Russia"
    assert outlets.by_domain("www.globaltimes.cn").name == "Global Times"
    assert outlets.by_domain("bidenwhitehouse.archives.gov").name == "The White House"
    assert outlets.by_domain("example.org") is None


def test_outlet_mentions_in_text():
    assert registry().find_in("(Reporting by the Moscow bureau; Reuters)").name == "Reuters"


@pytest.mark.parametrize(("yaml_text", "message"), [
    ("- name: X\n  country: Russia\n  affiliation: private\n  type: wire\n", "not an ISO-3 code"),
    ("- name: X\n  country: RUS\n  affiliation: friendly\n  type: wire\n", "affiliation 'friendly'"),
    ("- name: X\n  country: RUS\n  affiliation: private\n", "missing type"),
    ("- name: X\n  country: RUS\n  affiliation: private\n  type: wire\n  colour: red\n",
     "unknown keys colour"),
    ("name: X\n", "expected a list"),
    ("- [unclosed\n", "not valid YAML"),
])
def test_malformed_registry_entries_are_refused_with_file_and_entry(yaml_text, message):
    with pytest.raises(RegistryError, match=message) as info:
        load_outlets(yaml_text, "my-outlets.yaml")
    assert "my-outlets.yaml" in str(info.value)


def test_an_alias_claimed_by_two_outlets_is_refused():
    outlets = load_outlets(
        "- {name: A, aliases: [Same], country: RUS, affiliation: private, type: wire}\n"
        "- {name: B, aliases: [same], country: CHN, affiliation: private, type: wire}\n", "x.yaml")
    with pytest.raises(RegistryError, match="belongs to both"):
        OutletRegistry(outlets)


def test_user_file_extends_and_overrides(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("- {name: Dyad Weekly, aliases: [DW Weekly], domains: [dyadweekly.example], "
                     "country: NLD, affiliation: private, type: online}\n")
    outlets = registry((extra,))
    assert outlets.lookup("DW Weekly").country == "NLD"
    assert outlets.by_domain("news.dyadweekly.example").name == "Dyad Weekly"
    assert outlets.lookup("TASS") is not None
