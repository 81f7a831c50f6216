"""The timeline page of real campaigns (the realdev build, ../shared) in headless Chromium: it opens
without console errors or requests, draws the waves of an annual campaign and the cascade of a
policy of several years, with screenshots kept in test-artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from unionkg.cli import cli

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("campaign", "shot"), [("夏送清凉", "trace-realdev-summer.png"),
                                                ("工会驿站", "trace-realdev-stations.png")])
def test_real_campaign_timeline_opens_clean(open_page, realdev_build: Path, tmp_path: Path, campaign: str,
                                            shot: str) -> None:
    page = tmp_path / "timeline.html"
    result = CliRunner().invoke(cli, ["trace", campaign, str(realdev_build), "--html", str(page)])
    assert result.exit_code == 0, result.output
    o = open_page(page, wait_drawn=False)
    o.page.wait_for_load_state("load")
    assert o.errors == [] and o.requests == [] and o.dialogs == []
    body = o.page.inner_text("body")
    assert o.page.locator("svg polyline").count() >= 2
    if campaign == "夏送清凉":  # an annual campaign: a line and a cascade per wave
        assert "Wave 2019" in body and "Wave 2021" in body and "cumulative adoptions per wave" in body.lower()
    else:
        assert "厦门市总工会" in body and "中华全国总工会" in body and "2020-09-03" in body
    o.shot(shot)
