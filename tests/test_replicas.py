"""Two app replicas behind Debian's nginx (deploy/nginx.conf as shipped, with its ports and paths
replaced), both reading one published snapshot: a view's link copied through the balancer opens
the same view on either replica, and a newly published snapshot reaches both on their next query,
with no error on any page. Skips where nginx or Chromium is missing (`make test` installs both)."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from etl.load.loader import load
from etl.load.publish import publish
from tests.browser_support import (
    ROOT,
    _healthy,
    errors,
    free_port,
    launch_chromium,
    require_browser,
    serve_app,
    wait_for_app,
)
from tests.conftest import DEPT_NIZHYN, long_rows, write_xlsx

pytestmark = pytest.mark.browser
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
FIGURES = '[data-testid="stMetric"]:has-text("Показників")'


@contextmanager
def balancer(upstreams: list[str], folder: Path):
    """nginx with deploy/nginx.conf in front of `upstreams` (base URLs); yields its base URL."""
    port = free_port()
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    servers = "".join(f"        server {urlsplit(u).netloc};\n" for u in upstreams)
    conf = re.sub(r"(        server 127\.0\.0\.1:\d+;\n)+", servers, conf)
    conf = conf.replace("listen 80;", f"listen 127.0.0.1:{port};")
    conf = conf.replace("/var/log/nginx/dashboard-error.log", str(folder / "error.log"))
    conf = conf.replace("/run/nginx-dashboard.pid", str(folder / "nginx.pid"))
    conf = conf.replace("http {", f"http {{\n    client_body_temp_path {folder}/body;\n    proxy_temp_path {folder}/proxy;"
                                  f"\n    fastcgi_temp_path {folder}/fcgi;\n    uwsgi_temp_path {folder}/uwsgi;"
                                  f"\n    scgi_temp_path {folder}/scgi;", 1)
    (folder / "nginx.conf").write_text(conf, encoding="utf-8")
    proc = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while proc.poll() is None and time.monotonic() < deadline and not _healthy(url):
            time.sleep(0.1)
        assert proc.poll() is None and _healthy(url), (proc.stderr.read() if proc.poll() is not None else "no answer")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def on(url: str, base: str) -> str:
    """The same address (path and query) on another server."""
    parts, host = urlsplit(url), urlsplit(base)
    return urlunsplit((host.scheme, host.netloc, parts.path, parts.query, parts.fragment))


def figures_shown(page) -> int:
    text = page.locator(FIGURES).locator('[data-testid="stMetricValue"]').inner_text()
    return int(text.replace("\u00a0", "").replace(" ", ""))


def test_two_replicas_behind_nginx_share_links_and_move_to_a_new_snapshot(built_db: Path, tmp_path: Path) -> None:
    require_browser()
    if not Path(NGINX).exists():
        pytest.skip("nginx is missing (make nginx installs Debian's nginx)")
    source, shared = tmp_path / "warehouse.duckdb", tmp_path / "shared"
    shutil.copyfile(built_db, source)
    published = publish(source, shared)
    timings: dict[str, float] = {}
    with ExitStack() as stack:
        started = time.monotonic()
        first = stack.enter_context(serve_app(published))
        second = stack.enter_context(serve_app(published))
        (tmp_path / "nginx").mkdir()
        front = stack.enter_context(balancer([first, second], tmp_path / "nginx"))
        timings["two replicas and nginx up"] = time.monotonic() - started
        browser = stack.enter_context(launch_chromium())
        page = browser.new_page(viewport={"width": 1400, "height": 900})

        # A view through the balancer: Trends by quarter, in English; its link kept in the address.
        started = time.monotonic()
        page.goto(f"{front}/trends?gran=quarter&lang=English")
        page.locator(".js-plotly-plot .main-svg").first.wait_for(state="visible", timeout=30_000)
        wait_for_app(page)
        timings["first view through nginx"] = time.monotonic() - started
        assert errors(page) == []
        link = page.url
        title = page.locator("h1").first.inner_text()
        assert title == "Trends"
        legend = sorted(page.locator(".js-plotly-plot .legendtext").all_text_contents())
        assert legend == ["Lysychansk", "Nizhyn"]
        for base in (first, second):
            other = browser.new_page(viewport={"width": 1400, "height": 900})
            other.goto(on(link, base))
            other.locator(".js-plotly-plot .main-svg").first.wait_for(state="visible", timeout=30_000)
            wait_for_app(other)
            assert other.locator("h1").first.inner_text() == title
            assert sorted(other.locator(".js-plotly-plot .legendtext").all_text_contents()) == legend
            assert errors(other) == []
            other.close()

        # Holdings on each replica, then a load and a publish while both serve.
        pages = {}
        for name, base in (("nginx", front), ("first", first), ("second", second)):
            p = browser.new_page(viewport={"width": 1400, "height": 900})
            p.goto(f"{base}/holdings")
            p.locator(FIGURES).wait_for(state="visible", timeout=30_000)
            wait_for_app(p)
            pages[name] = p
        before = {name: figures_shown(p) for name, p in pages.items()}
        assert len(set(before.values())) == 1
        path = write_xlsx(tmp_path / "new.xlsx", {"A": long_rows(
            ["Ніжин", DEPT_NIZHYN, "січень 2030", "news_published", 7, None],
            ["Ніжин", DEPT_NIZHYN, "лютий 2030", "news_published", 8, None])})
        assert load([path], source).loaded
        started = time.monotonic()
        publish(source, shared)
        for name, p in pages.items():
            p.reload()
            p.locator(FIGURES).wait_for(state="visible", timeout=30_000)
            wait_for_app(p)
            assert figures_shown(p) == before[name] + 2, name
            assert errors(p) == [], name
        timings["publish and both replicas showing it"] = time.monotonic() - started
        for route in ("", "trends", "compare", "civil_society", "data", "quality"):
            for base in (first, second):
                p = pages["first"]
                p.goto(f"{base}/{route}")
                wait_for_app(p, timeout=30_000)
                assert errors(p) == [], (base, route)
    print("\n" + "\n".join(f"{k}: {v:.1f} s" for k, v in timings.items()))
