"""Search engines find a robots.txt that keeps them out of the admin, and a sitemap."""


def test_robots_txt_disallows_the_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Sitemap: http://testserver/sitemap.xml",
    ]


def test_sitemap_lists_the_live_pages(client, demo_site):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    content = response.content.decode()
    pages = [demo_site, *demo_site.get_descendants().live().public()]
    assert len(pages) > 1
    for page in pages:
        assert f"<loc>{page.full_url}</loc>" in content
