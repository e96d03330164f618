"""The demo site's wording passes the starter list of rules: nothing on it needs rewording."""

from claims.checker import check_page


def test_no_demo_page_has_risky_wording(demo_site, starter_rules):
    pages = demo_site.get_descendants(inclusive=True).specific()

    findings = {
        page.url_path: [f"{finding.where}: {finding.excerpt}" for finding in check_page(page, starter_rules)]
        for page in pages
    }

    assert len(findings) > 5
    assert {url: found for url, found in findings.items() if found} == {}
