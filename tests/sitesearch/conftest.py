from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup


@dataclass(frozen=True)
class Found:
    title: str
    url: str
    kind: str
    summary: str


@dataclass
class SearchPage:
    """A response from /search/, read as a patient would read it."""

    response: object

    @property
    def soup(self):
        return BeautifulSoup(self.response.content, "html.parser")

    @property
    def main(self):
        return self.soup.select_one("main")

    @property
    def text(self):
        return " ".join(self.main.get_text(" ").split())

    @property
    def results(self):
        def text_of(result, selector):
            element = result.select_one(selector)
            return element.get_text(strip=True) if element else ""

        return [
            Found(
                title=text_of(result, ".search-result__heading"),
                url=result.select_one("a")["href"],
                kind=text_of(result, ".search-result__kind"),
                summary=text_of(result, ".search-result__summary"),
            )
            for result in self.main.select(".search-result")
        ]

    @property
    def urls(self):
        return [result.url for result in self.results]

    @property
    def box(self):
        """What the search box on the page holds."""
        return self.main.select_one("input[name=q]").get("value", "")


@pytest.fixture
def search(client):
    """``search("neck pain", page=2)``: GET /search/ with those parameters."""

    def get(query=None, client=client, **params):
        if query is not None:
            params["q"] = query
        return SearchPage(client.get("/search/", params))

    return get
